/** Query strings arrive as text: numeric text becomes a number, anything else stays as sent (and fails validation). */
export const toNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))
    ? Number(value)
    : value;
