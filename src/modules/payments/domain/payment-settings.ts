/** The platform's payment settings (CONTRACT §1.1, §4.2, §5), bound from the configuration. */
export abstract class PaymentSettings {
  abstract readonly currency: string;
  abstract readonly platformFeePercent: number;
  /** The API's public address: payment and onboarding pages link back to it. */
  abstract readonly publicBaseUrl: string;
  /** Which gateway serves payments; the local pages answer only for `local`. */
  abstract readonly gateway: 'stripe' | 'local';
}
