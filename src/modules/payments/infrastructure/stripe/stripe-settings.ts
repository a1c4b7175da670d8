/** How the Stripe adapter reaches Stripe (or a Stripe-compatible local server). */
export interface StripeSettings {
  secretKey: string;
  /** STRIPE_WEBHOOK_SECRET, then STRIPE_CONNECT_WEBHOOK_SECRET when set. */
  webhookSecrets: string[];
  /** STRIPE_API_URL: unset → Stripe itself. */
  apiUrl: string | undefined;
  maxNetworkRetries: number;
}
