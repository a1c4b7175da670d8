export interface PriceInput {
  hourlyRateCents: number;
  dailyRateCents: number | null;
  durationHours: number;
  cancellationInsurance: boolean;
  insuranceFeePercent: number;
}

export interface Price {
  subtotalCents: number;
  insuranceFeeCents: number;
  totalCents: number;
}

/**
 * CONTRACT §4.2: the daily rate caps the hourly price; insurance adds a share of the subtotal.
 * Fractions of a cent round half up, so the client never pays an unexpected extra cent.
 */
export function priceBooking(input: PriceInput): Price {
  const hourly = input.hourlyRateCents * input.durationHours;
  const subtotalCents =
    input.dailyRateCents === null ? hourly : Math.min(hourly, input.dailyRateCents);
  const insuranceFeeCents = input.cancellationInsurance
    ? Math.round((subtotalCents * input.insuranceFeePercent) / 100)
    : 0;
  return { subtotalCents, insuranceFeeCents, totalCents: subtotalCents + insuranceFeeCents };
}
