import { toMajorUnits, toMajorUnitsOrNull, toMinorUnits } from './money';

describe('money in minor units', () => {
  it('converts major units to integer minor units without float drift', () => {
    expect(toMinorUnits(19.99)).toBe(1999);
    expect(toMinorUnits(0.1 + 0.2)).toBe(30);
    expect(toMinorUnits(45)).toBe(4500);
    expect(toMinorUnits(-5)).toBe(-500);
  });

  it('refuses amounts with a fraction of a minor unit, and non-numbers', () => {
    expect(toMinorUnits(1.005)).toBeNull();
    expect(toMinorUnits(Number.NaN)).toBeNull();
    expect(toMinorUnits(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('shows minor units as major units', () => {
    expect(toMajorUnits(1999)).toBe(19.99);
    expect(toMajorUnits(30000)).toBe(300);
    expect(toMajorUnitsOrNull(null)).toBeNull();
    expect(toMajorUnitsOrNull(5)).toBe(0.05);
  });
});
