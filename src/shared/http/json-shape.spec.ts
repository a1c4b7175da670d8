import { jsonShapeProblem, MAX_JSON_DEPTH, MAX_JSON_MEMBERS } from './json-shape';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { a: value };
  return value;
}

describe('jsonShapeProblem', () => {
  it('accepts scalars, ordinary bodies and the limits themselves', () => {
    expect(jsonShapeProblem(undefined)).toBeUndefined();
    expect(jsonShapeProblem('text')).toBeUndefined();
    expect(jsonShapeProblem({ dates: ['2026-01-01', '2026-01-02'], note: null })).toBeUndefined();
    expect(jsonShapeProblem(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(jsonShapeProblem(new Array(MAX_JSON_MEMBERS).fill(0))).toBeUndefined();
  });

  it('refuses one level too deep and one member too many', () => {
    expect(jsonShapeProblem(nested(MAX_JSON_DEPTH + 1))).toMatch(/nested deeper/);
    expect(jsonShapeProblem(new Array(MAX_JSON_MEMBERS + 1).fill(0))).toMatch(/members/);
    const wide = Object.fromEntries(
      Array.from({ length: MAX_JSON_MEMBERS + 1 }, (_, index) => [`k${index}`, index]),
    );
    expect(jsonShapeProblem(wide)).toMatch(/members/);
  });

  it('refuses a body ten thousand levels deep without walking all of it', () => {
    expect(jsonShapeProblem(nested(10_000))).toMatch(/nested deeper/);
  });
});
