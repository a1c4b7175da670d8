/**
 * The platform's money settings a booking is priced with (CONTRACT §4.2), bound from the
 * configuration in the module file.
 */
export abstract class PricingSettings {
  /** ISO 4217 code of every amount. */
  abstract readonly currency: string;
  abstract readonly insuranceFeePercent: number;
}
