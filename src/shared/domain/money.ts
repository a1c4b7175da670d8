/**
 * Money is an integer number of minor units (cents) everywhere inside the service; amounts in
 * major units exist only at the HTTP edge (CONTRACT §1.1). The platform's currencies have two
 * decimals.
 */
const MINOR_PER_MAJOR = 100;

/** The minor units of a major-unit amount with at most two decimals, or null if it is not one. */
export function toMinorUnits(amount: number): number | null {
  if (!Number.isFinite(amount)) return null;
  const minor = Math.round(amount * MINOR_PER_MAJOR);
  return Math.abs(minor - amount * MINOR_PER_MAJOR) < 1e-6 ? minor : null;
}

export function toMajorUnits(minor: number): number {
  return minor / MINOR_PER_MAJOR;
}

/** toMajorUnits, keeping an absent amount absent. */
export function toMajorUnitsOrNull(minor: number | null): number | null {
  return minor === null ? null : toMajorUnits(minor);
}
