import { SetMetadata } from '@nestjs/common';

/** Route-specific scopes of CONTRACT §2.4, counted on top of the caller's general scope. */
export type RouteRateLimitScope =
  'bookingCreation' | 'webhookManagement' | 'contactForm' | 'paymentWebhook';

/**
 * Route scopes counted instead of the general one, per client IP: the payment provider's webhook
 * deliveries are many and anonymous, and must not share the budget of anonymous people.
 */
export const REPLACES_GENERAL_SCOPE: readonly RouteRateLimitScope[] = ['paymentWebhook'];

export const RATE_LIMIT_SCOPE = 'eventstuffer:rate-limit-scope';
export const SKIP_RATE_LIMIT = 'eventstuffer:skip-rate-limit';

export const RateLimit = (scope: RouteRateLimitScope) => SetMetadata(RATE_LIMIT_SCOPE, scope);

/** For probes polled by infrastructure (health checks), never by API clients. */
export const SkipRateLimit = () => SetMetadata(SKIP_RATE_LIMIT, true);
