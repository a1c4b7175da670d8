import { CorsSettings } from '../../config/configuration';

/** Every method a route of the API answers; a browser refuses any method a preflight omits. */
export const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Request headers the web frontend sends besides the CORS-safelisted ones. */
export const CORS_ALLOWED_HEADERS = [
  'Content-Type',
  'Authorization',
  'X-CSRF-Token',
  'Idempotency-Key',
  'X-Request-Id',
] as const;

/**
 * Response headers that JavaScript on an allowed origin may read (browsers hide all others but
 * the safelisted few). A route that adds a header of its own (webhook, pagination) lists it here.
 */
export const CORS_EXPOSED_HEADERS = [
  'X-Request-Id',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'Retry-After',
  'Idempotent-Replayed',
] as const;

/** The options both the HTTP CORS plugin and a Socket.io server (`cors`) understand. */
export interface CrossOriginOptions {
  origin: string[];
  credentials: true;
  methods: string[];
  allowedHeaders: string[];
  exposedHeaders: string[];
  maxAge: number;
}

/**
 * One description of browser access, used by `app.enableCors()` and, for the Socket.io
 * handshake, by a gateway's server options (with `isAllowedOrigin` in `allowRequest`).
 */
export function crossOriginOptions(settings: CorsSettings): CrossOriginOptions {
  return {
    origin: [...settings.origins],
    credentials: true,
    methods: [...CORS_METHODS],
    allowedHeaders: [...CORS_ALLOWED_HEADERS],
    exposedHeaders: [...CORS_EXPOSED_HEADERS],
    maxAge: settings.maxAgeSeconds,
  };
}

/** Whether a request's `Origin` header names an allowed origin (exact match, as the plugin does). */
export function isAllowedOrigin(settings: CorsSettings, origin: string | undefined): boolean {
  return origin !== undefined && settings.origins.includes(origin);
}
