/** Deeper than any request body of the API needs (the deepest is an object holding a list). */
export const MAX_JSON_DEPTH = 16;
/** Object members plus list items in one body; the longest list the API takes is 366 dates. */
export const MAX_JSON_MEMBERS = 2_048;

/**
 * Why a parsed JSON body is refused before validation, or undefined when it is acceptable.
 * Walks iteratively and stops at the first excess, so a hostile body costs little to refuse
 * (class-transformer would otherwise recurse through every level of it).
 */
export function jsonShapeProblem(body: unknown): string | undefined {
  const pending: Array<{ value: unknown; depth: number }> = [{ value: body, depth: 0 }];
  let members = 0;
  while (pending.length > 0) {
    const { value, depth } = pending.pop() as { value: unknown; depth: number };
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return `JSON nested deeper than ${MAX_JSON_DEPTH} levels`;
    const children = Array.isArray(value) ? value : Object.values(value);
    members += children.length;
    if (members > MAX_JSON_MEMBERS) return `JSON with more than ${MAX_JSON_MEMBERS} members`;
    for (const child of children) pending.push({ value: child, depth: depth + 1 });
  }
  return undefined;
}
