import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { EnvironmentVariables } from './environment.variables';

export interface AppSettings {
  nodeEnv: EnvironmentVariables['NODE_ENV'];
  port: number;
  host: string;
  logLevel: EnvironmentVariables['LOG_LEVEL'];
  dataDir: string;
  demoData: boolean;
  /** Serve /api/docs and /api/docs-json (CONTRACT §9 `API_DOCS`). */
  apiDocs: boolean;
  /**
   * Steps at which the process kills itself with SIGKILL, for crash tests: only ever non-empty
   * with NODE_ENV=test (any other environment refuses FAILPOINTS at start).
   */
  failpoints: string[];
}

export interface DatabaseSettings {
  /** Undefined until the embedded server is started (see resolveDatabase). */
  url: string | undefined;
  embedded: boolean;
  embeddedPort: number;
  runMigrations: boolean;
  poolSize: number;
}

/** Browser access (CONTRACT §9 `CORS_ORIGINS`): the HTTP API and the Socket.io handshake share it. */
export interface CorsSettings {
  origins: string[];
  /** How long a browser may cache a preflight answer (Access-Control-Max-Age). */
  maxAgeSeconds: number;
}

/**
 * Which peers may set the client address through X-Forwarded-For: none (the socket address is
 * the client), the nearest N hops, or these proxy addresses/CIDRs (Fastify's `trustProxy`).
 */
export type TrustProxy = false | number | string[];

export interface HttpSettings {
  cors: CorsSettings;
  trustProxy: TrustProxy;
  bodyLimitBytes: number;
  requestTimeoutMs: number;
  connectionTimeoutMs: number;
  keepAliveTimeoutMs: number;
  shutdownTimeoutMs: number;
  /** After SIGTERM, readiness answers 503 this long before the listener closes. */
  shutdownDrainMs: number;
}

export interface MoneySettings {
  currency: string;
  platformFeePercent: number;
  insuranceFeePercent: number;
}

/** CONTRACT §5: Stripe when its keys are set, else the local payment gateway (§5.6). */
export interface PaymentsSettings {
  gateway: 'stripe' | 'local';
  stripe: {
    secretKey: string;
    webhookSecrets: string[];
    apiUrl: string | undefined;
    maxNetworkRetries: number;
  } | null;
  /** The API's public address, for the links it hands out (checkout pages, return pages). */
  publicBaseUrl: string;
}

export interface AuthSettings {
  sessionSecret: string;
  sessionMaxAgeMs: number;
  /** Failed logins per e-mail and client IP within the window (CONTRACT §2.2). */
  loginMaxFailures: number;
  /** Failed logins per e-mail across all IPs within the window: a larger budget. */
  loginMaxFailuresPerEmail: number;
  loginFailureWindowMs: number;
  /** argon2id memory cost; tests lower it for speed, production keeps the 64 MiB default. */
  passwordHashMemoryKib: number;
}

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

/** CONTRACT §2.4: fixed windows per scope; only the limits are configurable. */
export interface RateLimitSettings {
  apiKey: RateLimitRule;
  session: RateLimitRule;
  anonymous: RateLimitRule;
  bookingCreation: RateLimitRule;
  webhookManagement: RateLimitRule;
  contactForm: RateLimitRule;
  /** The payment provider's webhook deliveries, per client IP, instead of the anonymous scope. */
  paymentWebhook: RateLimitRule;
}

/** CONTRACT §6: messaging's content rules and the limits of its Socket.io connections. */
export interface MessagingSettings {
  /** MESSAGE_BLOCKLIST: words refused on top of the default list shipped with the code. */
  extraBlockedWords: string[];
  /** Events per socket per window (CONTRACT §2.4 "socket events"). */
  socketEvents: RateLimitRule;
  /** Events per user per window, across all the user's sockets and instances. */
  userEvents: RateLimitRule;
  /** Socket.io's maxHttpBufferSize: a larger frame closes the connection. */
  maxFrameBytes: number;
  /** How long a user stays online in Redis after their instance last vouched for them. */
  presenceTtlMs: number;
}

/** Outbound webhooks (CONTRACT §7.2). */
export interface WebhookSettings {
  /** Plain http:// endpoints (development only; refused in production). */
  allowInsecure: boolean;
  /** Loopback, private and link-local addresses (development and tests; refused in production). */
  allowPrivate: boolean;
  /** Seconds before each retry of a failed delivery (the contract's 1, 4, 16). */
  retryDelaysSeconds: number[];
}

export interface RedisSettings {
  /** Set → rate-limit counters, socket rooms and presence are shared through Redis. */
  url: string | undefined;
  /** Namespaces every key, so that several deployments (or test runs) can share one Redis. */
  keyPrefix: string;
}

/** The whole typed configuration; each key is a namespace read with ConfigService.get(). */
export interface Configuration {
  app: AppSettings;
  database: DatabaseSettings;
  http: HttpSettings;
  money: MoneySettings;
  payments: PaymentsSettings;
  auth: AuthSettings;
  /** 32 bytes that encrypt secrets stored at rest (webhook signing secrets). */
  dataEncryptionKey: Buffer;
  webhooks: WebhookSettings;
  rateLimits: RateLimitSettings;
  redis: RedisSettings;
  messaging: MessagingSettings;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigurationError';
  }
}

const ONE_MEBIBYTE = 1024 * 1024;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Validates raw environment variables and shapes them into the typed configuration. */
export function loadConfiguration(
  environment: Record<string, string | undefined>,
  cwd = process.cwd(),
): Configuration {
  const variables = validateEnvironment(environment);
  refuseDevelopmentDefaultsInProduction(variables);
  const embedded = variables.DATABASE_URL === undefined;
  const dataDir = isAbsolute(variables.DATA_DIR)
    ? variables.DATA_DIR
    : resolve(cwd, variables.DATA_DIR);
  return {
    app: {
      nodeEnv: variables.NODE_ENV,
      port: variables.PORT,
      host: variables.HOST,
      logLevel: variables.LOG_LEVEL,
      dataDir,
      demoData: variables.DEMO_DATA ?? embedded,
      apiDocs: variables.API_DOCS,
      failpoints: resolveFailpoints(variables),
    },
    database: {
      url: variables.DATABASE_URL,
      embedded,
      embeddedPort: variables.EMBEDDED_DATABASE_PORT,
      runMigrations: variables.DATABASE_RUN_MIGRATIONS,
      poolSize: variables.DATABASE_POOL_SIZE,
    },
    http: {
      cors: {
        origins: splitList(variables.CORS_ORIGINS),
        maxAgeSeconds: variables.CORS_MAX_AGE_SECONDS,
      },
      trustProxy: parseTrustProxy(variables.TRUST_PROXY),
      bodyLimitBytes: ONE_MEBIBYTE,
      requestTimeoutMs: variables.HTTP_REQUEST_TIMEOUT_MS,
      connectionTimeoutMs: variables.HTTP_CONNECTION_TIMEOUT_MS,
      keepAliveTimeoutMs: variables.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      shutdownTimeoutMs: variables.SHUTDOWN_TIMEOUT_MS,
      shutdownDrainMs: variables.SHUTDOWN_DRAIN_MS,
    },
    money: {
      currency: variables.CURRENCY,
      platformFeePercent: variables.PLATFORM_FEE_PERCENT,
      insuranceFeePercent: variables.INSURANCE_FEE_PERCENT,
    },
    auth: {
      sessionSecret: resolveSessionSecret(variables, dataDir),
      sessionMaxAgeMs: variables.SESSION_MAX_AGE_HOURS * HOUR_MS,
      loginMaxFailures: variables.LOGIN_MAX_FAILURES,
      loginMaxFailuresPerEmail: variables.LOGIN_MAX_FAILURES_PER_EMAIL,
      loginFailureWindowMs: 15 * MINUTE_MS,
      passwordHashMemoryKib: variables.PASSWORD_HASH_MEMORY_KIB,
    },
    payments: resolvePayments(variables),
    dataEncryptionKey: resolveDataEncryptionKey(variables, dataDir),
    webhooks: {
      allowInsecure: variables.WEBHOOK_ALLOW_INSECURE,
      allowPrivate: variables.WEBHOOK_ALLOW_PRIVATE,
      retryDelaysSeconds: variables.WEBHOOK_RETRY_DELAYS.split(',').map(Number),
    },
    rateLimits: {
      apiKey: { limit: variables.RATE_LIMIT_API_KEY, windowMs: HOUR_MS },
      session: { limit: variables.RATE_LIMIT_SESSION, windowMs: HOUR_MS },
      anonymous: { limit: variables.RATE_LIMIT_ANONYMOUS, windowMs: 15 * MINUTE_MS },
      bookingCreation: { limit: variables.RATE_LIMIT_BOOKING_CREATION, windowMs: HOUR_MS },
      webhookManagement: {
        limit: variables.RATE_LIMIT_WEBHOOK_MANAGEMENT,
        windowMs: 15 * MINUTE_MS,
      },
      contactForm: { limit: variables.RATE_LIMIT_CONTACT_FORM, windowMs: HOUR_MS },
      paymentWebhook: { limit: variables.RATE_LIMIT_PAYMENT_WEBHOOK, windowMs: MINUTE_MS },
    },
    redis: { url: variables.REDIS_URL, keyPrefix: variables.REDIS_KEY_PREFIX },
    messaging: {
      extraBlockedWords: splitList(variables.MESSAGE_BLOCKLIST),
      socketEvents: { limit: variables.RATE_LIMIT_SOCKET_EVENTS, windowMs: MINUTE_MS },
      userEvents: { limit: variables.RATE_LIMIT_SOCKET_USER_EVENTS, windowMs: MINUTE_MS },
      maxFrameBytes: variables.SOCKET_MAX_FRAME_BYTES,
      presenceTtlMs: 45_000,
    },
  };
}

/**
 * The embedded PostgreSQL and the demo data (accounts whose passwords the README publishes) are
 * conveniences for development: a production start must name its database and never seed them.
 */
function refuseDevelopmentDefaultsInProduction(variables: EnvironmentVariables): void {
  if (variables.NODE_ENV !== 'production') return;
  const problems: string[] = [];
  if (variables.DATABASE_URL === undefined) {
    problems.push(
      'DATABASE_URL: required in production (the embedded PostgreSQL is for development)',
    );
  }
  if (variables.DEMO_DATA === true) {
    problems.push(
      'DEMO_DATA: must not be true in production (demo accounts have published passwords)',
    );
  }
  if (variables.WEBHOOK_ALLOW_INSECURE) {
    problems.push(
      'WEBHOOK_ALLOW_INSECURE: must not be true in production (webhook payloads would travel unencrypted)',
    );
  }
  if (variables.WEBHOOK_ALLOW_PRIVATE) {
    problems.push(
      'WEBHOOK_ALLOW_PRIVATE: must not be true in production (webhooks could reach internal addresses)',
    );
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
}

/** A failpoint kills the process on purpose: nowhere but in a test run. */
function resolveFailpoints(variables: EnvironmentVariables): string[] {
  const names = splitList(variables.FAILPOINTS);
  if (names.length > 0 && variables.NODE_ENV !== 'test') {
    throw new ConfigurationError([
      `FAILPOINTS: only allowed with NODE_ENV=test (crash tests); unset it (NODE_ENV is ${variables.NODE_ENV})`,
    ]);
  }
  return names;
}

/**
 * Production must be given DATA_ENCRYPTION_KEY (losing it makes stored secrets unreadable).
 * Elsewhere one is generated once and kept in the data folder, like the session secret.
 */
function resolveDataEncryptionKey(variables: EnvironmentVariables, dataDir: string): Buffer {
  const given = variables.DATA_ENCRYPTION_KEY;
  if (given) return Buffer.from(given, given.length === 64 ? 'hex' : 'base64');
  if (variables.NODE_ENV === 'production') {
    throw new ConfigurationError([
      'DATA_ENCRYPTION_KEY: required in production (32 bytes as base64 or hex, e.g. `openssl rand -base64 32`)',
    ]);
  }
  const file = join(dataDir, 'data-encryption-key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}

/**
 * Production must be given SESSION_SECRET. Elsewhere a random one is generated once and kept in
 * the data folder, so that sessions survive restarts of a development server.
 */
function resolveSessionSecret(variables: EnvironmentVariables, dataDir: string): string {
  if (variables.SESSION_SECRET) return variables.SESSION_SECRET;
  if (variables.NODE_ENV === 'production') {
    throw new ConfigurationError([
      'SESSION_SECRET: required in production (at least 32 characters)',
    ]);
  }
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Both Stripe keys select Stripe; neither selects the local gateway, which production refuses.
 * One without the other is a mistake worth stopping for.
 */
function resolvePayments(variables: EnvironmentVariables): PaymentsSettings {
  const publicBaseUrl = (variables.PUBLIC_BASE_URL ?? `http://localhost:${variables.PORT}`).replace(
    /\/+$/,
    '',
  );
  const key = variables.STRIPE_SECRET_KEY;
  const secret = variables.STRIPE_WEBHOOK_SECRET;
  if (key && secret) {
    return {
      gateway: 'stripe',
      stripe: {
        secretKey: key,
        webhookSecrets: [secret, variables.STRIPE_CONNECT_WEBHOOK_SECRET].filter(
          (value): value is string => value !== undefined,
        ),
        apiUrl: variables.STRIPE_API_URL,
        maxNetworkRetries: variables.STRIPE_MAX_NETWORK_RETRIES,
      },
      publicBaseUrl,
    };
  }
  if (key || secret) {
    const missing = key ? 'STRIPE_WEBHOOK_SECRET' : 'STRIPE_SECRET_KEY';
    throw new ConfigurationError([
      `${missing}: required together with ${key ? 'STRIPE_SECRET_KEY' : 'STRIPE_WEBHOOK_SECRET'}`,
    ]);
  }
  if (variables.NODE_ENV === 'production') {
    throw new ConfigurationError([
      'STRIPE_SECRET_KEY: required in production (with STRIPE_WEBHOOK_SECRET); the local payment gateway never runs there',
    ]);
  }
  return { gateway: 'local', stripe: null, publicBaseUrl };
}

function validateEnvironment(
  environment: Record<string, string | undefined>,
): EnvironmentVariables {
  const defined = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const variables = plainToInstance(EnvironmentVariables, defined, {
    excludeExtraneousValues: false,
  });
  const errors = validateSync(variables, { skipMissingProperties: false });
  if (errors.length > 0) throw new ConfigurationError(errors.map(describeProblem));
  return variables;
}

const SECRET_NAME = /URL|SECRET|KEY|PASSWORD/;

function describeProblem(error: ValidationError): string {
  const messages = Object.values(error.constraints ?? {});
  const showValue = typeof error.value === 'string' && !SECRET_NAME.test(error.property);
  const given = showValue ? ` (got "${String(error.value)}")` : '';
  return `${error.property}: ${messages[0] ?? 'invalid value'}${given}`;
}

const NAMED_PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_PROXY_HOPS = 10;

/** `TRUST_PROXY`: unset → trust nobody; `2` → the nearest two hops; else addresses/CIDRs. */
function parseTrustProxy(value: string | undefined): TrustProxy {
  if (value === undefined) return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops >= 1 && hops <= MAX_PROXY_HOPS) return hops;
  } else {
    const entries = splitList(value);
    if (entries.length > 0 && entries.every(isProxyAddress)) return entries;
  }
  throw new ConfigurationError([
    `TRUST_PROXY: must be a hop count (1-${MAX_PROXY_HOPS}) or comma-separated proxy addresses/CIDRs (or loopback, linklocal, uniquelocal) (got "${value}")`,
  ]);
}

function isProxyAddress(entry: string): boolean {
  if (NAMED_PROXY_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export function withDatabaseUrl(configuration: Configuration, url: string): Configuration {
  return { ...configuration, database: { ...configuration.database, url } };
}
