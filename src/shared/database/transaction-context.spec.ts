import { combineWrites } from './transaction-context';

describe('combineWrites', () => {
  it('leaves a single write as it is', () => {
    const write = { sql: 'UPDATE t SET a = $1 WHERE id = $2', parameters: [1, 2] };
    expect(combineWrites([write])).toEqual({ sql: write.sql, parameters: [1, 2] });
  });

  it('makes the writes before the last data-modifying WITH queries, shifting their placeholders', () => {
    const combined = combineWrites([
      { sql: 'INSERT INTO a (x, y) VALUES ($1, $2::jsonb)', parameters: ['x', '{}'] },
      { sql: 'INSERT INTO b (x) SELECT $1 WHERE $1 IS NOT NULL', parameters: [7] },
      { sql: 'UPDATE c SET x = $2 WHERE id = $1', parameters: [3, 'z'] },
    ]);
    expect(combined.sql).toBe(
      'WITH w1 AS (INSERT INTO a (x, y) VALUES ($1, $2::jsonb)),\n' +
        'w2 AS (INSERT INTO b (x) SELECT $3 WHERE $3 IS NOT NULL)\n' +
        'UPDATE c SET x = $5 WHERE id = $4',
    );
    expect(combined.parameters).toEqual(['x', '{}', 7, 3, 'z']);
  });
});
