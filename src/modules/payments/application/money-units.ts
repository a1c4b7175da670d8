/** Minor units inside, major units at the HTTP edge only (CONTRACT §1.1). */
export function toMajorUnits(minor: number): number {
  return minor / 100;
}

/** Whole minor units of a major-unit amount with at most two decimals, or null. */
export function toMinorUnits(major: number): number | null {
  if (!Number.isFinite(major)) return null;
  const minor = Math.round(major * 100);
  return Math.abs(minor - major * 100) < 1e-6 ? minor : null;
}
