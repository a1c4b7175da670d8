/** The largest id a PostgreSQL `integer` column holds. */
export const MAX_INTEGER_ID = 2_147_483_647;

const DECIMAL = /^-?\d+(\.\d+)?$/;
const CANONICAL_ID = /^[1-9]\d{0,9}$/;

/**
 * For class-transformer's @Transform on values that arrive as text (environment variables, query
 * strings): decimal text becomes a number; anything else (hex, exponents, blanks) stays as sent,
 * so validation rejects it.
 */
export const numericText = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value;

/**
 * An id in a path: only its canonical decimal form (`16`, never `0x10`, `016` or `1.6e1`)
 * becomes a number; the range is left to validation.
 */
export const idText = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && CANONICAL_ID.test(value) ? Number(value) : value;
