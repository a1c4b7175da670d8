/**
 * C0 control characters and DEL, except tab, line feed and carriage return (multi-line text such
 * as a bio keeps its line breaks). PostgreSQL refuses NUL in text outright; the others have no
 * business in any field of this API.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const CONTROL_CHARACTER_MESSAGE = 'Must not contain control characters';

export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/**
 * The fields of a body, query string or path parameters whose value (at any depth) or name holds
 * a control character, named by their top-level key; `field` names a value that is not an object.
 */
export function fieldsWithControlCharacters(value: unknown, field: string): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return containsControlCharacter(value) ? [field] : [];
  }
  return Object.entries(value)
    .filter(([key, item]) => hasControlCharacter(key) || containsControlCharacter(item))
    .map(([key]) => key);
}

function containsControlCharacter(value: unknown): boolean {
  const pending = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (hasControlCharacter(item)) return true;
    } else if (Array.isArray(item)) {
      pending.push(...item);
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (hasControlCharacter(key)) return true;
        pending.push(child);
      }
    }
  }
  return false;
}
