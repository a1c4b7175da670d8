import { priceBooking } from './price';

describe('priceBooking (CONTRACT §4.2)', () => {
  const base = {
    hourlyRateCents: 4500,
    dailyRateCents: null,
    durationHours: 4,
    cancellationInsurance: false,
    insuranceFeePercent: 10,
  };

  it('charges hourly rate × hours: 4 h at 45.00 → 180.00', () => {
    expect(priceBooking(base)).toEqual({
      subtotalCents: 18000,
      insuranceFeeCents: 0,
      totalCents: 18000,
    });
  });

  it('caps the subtotal at the daily rate', () => {
    expect(priceBooking({ ...base, durationHours: 10, dailyRateCents: 30000 }).subtotalCents).toBe(
      30000,
    );
    expect(priceBooking({ ...base, durationHours: 4, dailyRateCents: 30000 }).subtotalCents).toBe(
      18000,
    );
  });

  it('adds the insurance fee on the subtotal', () => {
    expect(priceBooking({ ...base, cancellationInsurance: true })).toEqual({
      subtotalCents: 18000,
      insuranceFeeCents: 1800,
      totalCents: 19800,
    });
  });

  it('rounds a fractional cent of the fee half up', () => {
    const price = priceBooking({
      ...base,
      hourlyRateCents: 1005,
      durationHours: 1,
      cancellationInsurance: true,
    });
    expect(price.insuranceFeeCents).toBe(101);
    expect(price.totalCents).toBe(1106);
  });
});
