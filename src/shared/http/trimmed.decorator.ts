import { Transform } from 'class-transformer';

/**
 * Trims a text field before it is validated (whitespace, including a byte-order mark), so that a
 * blank value fails its length rule as a 422 instead of reaching the database empty.
 */
export const Trimmed = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
