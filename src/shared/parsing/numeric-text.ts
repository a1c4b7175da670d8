/**
 * For class-transformer's @Transform on values that arrive as text (environment variables, query
 * strings): numeric text becomes a number; anything else stays as sent, so validation rejects it.
 */
export const numericText = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))
    ? Number(value)
    : value;
