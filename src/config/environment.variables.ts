import { Transform } from 'class-transformer';
import { numericText } from '../shared/parsing/numeric-text';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
};
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const NODE_ENVIRONMENTS = ['development', 'production', 'test'] as const;

/**
 * Every environment variable the service reads, with its validation rule. Names are fixed by
 * CONTRACT §9; `.env.example` documents each one.
 */
export class EnvironmentVariables {
  @IsIn(NODE_ENVIRONMENTS)
  NODE_ENV: (typeof NODE_ENVIRONMENTS)[number] = 'development';

  @Transform(numericText)
  @IsInt({ message: 'PORT must be an integer between 0 and 65535' })
  @Min(0, { message: 'PORT must be an integer between 0 and 65535' })
  @Max(65535, { message: 'PORT must be an integer between 0 and 65535' })
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'DATABASE_URL must be a postgres:// or postgresql:// URL',
  })
  DATABASE_URL?: string;

  @Transform(toBoolean)
  @IsBoolean({ message: 'DATABASE_RUN_MIGRATIONS must be true or false' })
  DATABASE_RUN_MIGRATIONS = true;

  @Transform(numericText)
  @IsInt({ message: 'DATABASE_POOL_SIZE must be an integer between 1 and 200' })
  @Min(1, { message: 'DATABASE_POOL_SIZE must be an integer between 1 and 200' })
  @Max(200, { message: 'DATABASE_POOL_SIZE must be an integer between 1 and 200' })
  DATABASE_POOL_SIZE = 20;

  @IsString()
  @MinLength(1)
  DATA_DIR = '.data';

  @Transform(numericText)
  @IsInt({ message: 'EMBEDDED_DATABASE_PORT must be an integer between 1 and 65535' })
  @Min(1, { message: 'EMBEDDED_DATABASE_PORT must be an integer between 1 and 65535' })
  @Max(65535, { message: 'EMBEDDED_DATABASE_PORT must be an integer between 1 and 65535' })
  EMBEDDED_DATABASE_PORT = 54329;

  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  @Transform(numericText)
  @IsInt({ message: 'CORS_MAX_AGE_SECONDS must be an integer between 0 and 86400' })
  @Min(0, { message: 'CORS_MAX_AGE_SECONDS must be an integer between 0 and 86400' })
  @Max(86_400, { message: 'CORS_MAX_AGE_SECONDS must be an integer between 0 and 86400' })
  CORS_MAX_AGE_SECONDS = 600;

  /** Parsed and checked by loadConfiguration (a hop count or proxy addresses/CIDRs). */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  @Transform(toBoolean)
  @IsBoolean({ message: 'API_DOCS must be true or false' })
  API_DOCS = true;

  @Transform(numericText)
  @IsInt({ message: 'HTTP_REQUEST_TIMEOUT_MS must be a positive integer' })
  @Min(1, { message: 'HTTP_REQUEST_TIMEOUT_MS must be a positive integer' })
  HTTP_REQUEST_TIMEOUT_MS = 30_000;

  @Transform(numericText)
  @IsInt({ message: 'HTTP_CONNECTION_TIMEOUT_MS must be a positive integer' })
  @Min(1, { message: 'HTTP_CONNECTION_TIMEOUT_MS must be a positive integer' })
  HTTP_CONNECTION_TIMEOUT_MS = 60_000;

  @Transform(numericText)
  @IsInt({ message: 'HTTP_KEEP_ALIVE_TIMEOUT_MS must be a positive integer' })
  @Min(1, { message: 'HTTP_KEEP_ALIVE_TIMEOUT_MS must be a positive integer' })
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 72_000;

  @Transform(numericText)
  @IsInt({ message: 'SHUTDOWN_TIMEOUT_MS must be a positive integer' })
  @Min(1, { message: 'SHUTDOWN_TIMEOUT_MS must be a positive integer' })
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /** After SIGTERM: how long readiness answers 503 while the server still listens and serves. */
  @Transform(numericText)
  @IsInt({ message: 'SHUTDOWN_DRAIN_MS must be a non-negative integer' })
  @Min(0, { message: 'SHUTDOWN_DRAIN_MS must be a non-negative integer' })
  SHUTDOWN_DRAIN_MS = 0;

  /** Crash tests only: names of steps at which the process kills itself (see shared/failpoints). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:/ -]+(,[A-Za-z0-9_.:/ -]+)*$/, {
    message: 'FAILPOINTS must be a comma-separated list of failpoint names',
  })
  FAILPOINTS?: string;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'DEMO_DATA must be true or false' })
  DEMO_DATA?: boolean;

  @Matches(/^[A-Z]{3}$/, { message: 'CURRENCY must be a three-letter ISO 4217 code' })
  CURRENCY = 'EUR';

  @Transform(numericText)
  @IsNumber({}, { message: 'PLATFORM_FEE_PERCENT must be a number between 0 and 100' })
  @Min(0, { message: 'PLATFORM_FEE_PERCENT must be a number between 0 and 100' })
  @Max(100, { message: 'PLATFORM_FEE_PERCENT must be a number between 0 and 100' })
  PLATFORM_FEE_PERCENT = 15;

  @Transform(numericText)
  @IsNumber({}, { message: 'INSURANCE_FEE_PERCENT must be a number between 0 and 100' })
  @Min(0, { message: 'INSURANCE_FEE_PERCENT must be a number between 0 and 100' })
  @Max(100, { message: 'INSURANCE_FEE_PERCENT must be a number between 0 and 100' })
  INSURANCE_FEE_PERCENT = 10;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'SESSION_SECRET must be at least 32 characters long' })
  SESSION_SECRET?: string;

  @IsOptional()
  @Matches(/^([A-Za-z0-9+/]{43}=|[0-9a-fA-F]{64})$/, {
    message:
      'DATA_ENCRYPTION_KEY must be 32 bytes as base64 (44 characters) or hex (64 characters)',
  })
  DATA_ENCRYPTION_KEY?: string;

  @Transform(toBoolean)
  @IsBoolean({ message: 'WEBHOOK_ALLOW_INSECURE must be true or false' })
  WEBHOOK_ALLOW_INSECURE = false;

  @Transform(toBoolean)
  @IsBoolean({ message: 'WEBHOOK_ALLOW_PRIVATE must be true or false' })
  WEBHOOK_ALLOW_PRIVATE = false;

  @IsOptional()
  @Matches(/^\d{1,5}(,\d{1,5}){0,9}$/, {
    message: 'WEBHOOK_RETRY_DELAYS must be comma-separated seconds such as 1,4,16',
  })
  WEBHOOK_RETRY_DELAYS = '1,4,16';

  @IsOptional()
  @Matches(/^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/, {
    message: 'STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_..., sk_live_... or rk_...)',
  })
  STRIPE_SECRET_KEY?: string;

  @IsOptional()
  @Matches(/^whsec_[A-Za-z0-9+/=_-]+$/, {
    message: 'STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_...)',
  })
  STRIPE_WEBHOOK_SECRET?: string;

  @IsOptional()
  @Matches(/^whsec_[A-Za-z0-9+/=_-]+$/, {
    message: 'STRIPE_CONNECT_WEBHOOK_SECRET must be a webhook signing secret (whsec_...)',
  })
  STRIPE_CONNECT_WEBHOOK_SECRET?: string;

  @IsOptional()
  @Matches(/^https?:\/\/[^/\s]+\/?$/, {
    message: 'STRIPE_API_URL must be a base URL such as http://127.0.0.1:12111',
  })
  STRIPE_API_URL?: string;

  @Transform(numericText)
  @IsInt({ message: 'STRIPE_MAX_NETWORK_RETRIES must be an integer between 0 and 10' })
  @Min(0, { message: 'STRIPE_MAX_NETWORK_RETRIES must be an integer between 0 and 10' })
  @Max(10, { message: 'STRIPE_MAX_NETWORK_RETRIES must be an integer between 0 and 10' })
  STRIPE_MAX_NETWORK_RETRIES = 2;

  @IsOptional()
  @Matches(/^https?:\/\/[^/\s]+(\/[^\s]*)?$/, {
    message: 'PUBLIC_BASE_URL must be an http(s) URL such as https://api.example.com',
  })
  PUBLIC_BASE_URL?: string;

  @Transform(numericText)
  @IsInt({ message: 'RATE_LIMIT_PAYMENT_WEBHOOK must be a positive integer' })
  @Min(1, { message: 'RATE_LIMIT_PAYMENT_WEBHOOK must be a positive integer' })
  RATE_LIMIT_PAYMENT_WEBHOOK = 6000;

  @Transform(numericText)
  @IsInt({ message: 'SESSION_MAX_AGE_HOURS must be a positive integer' })
  @Min(1, { message: 'SESSION_MAX_AGE_HOURS must be a positive integer' })
  SESSION_MAX_AGE_HOURS = 336;

  @Transform(numericText)
  @IsInt({ message: 'LOGIN_MAX_FAILURES must be a positive integer' })
  @Min(1, { message: 'LOGIN_MAX_FAILURES must be a positive integer' })
  LOGIN_MAX_FAILURES = 10;

  @Transform(numericText)
  @IsInt({ message: 'LOGIN_MAX_FAILURES_PER_EMAIL must be a positive integer' })
  @Min(1, { message: 'LOGIN_MAX_FAILURES_PER_EMAIL must be a positive integer' })
  LOGIN_MAX_FAILURES_PER_EMAIL = 100;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @Transform(numericText)
  @IsInt({ message: 'RATE_LIMIT_API_KEY must be a positive integer' })
  @Min(1, { message: 'RATE_LIMIT_API_KEY must be a positive integer' })
  RATE_LIMIT_API_KEY = 1000;

  @Transform(numericText)
  @IsInt({ message: 'RATE_LIMIT_SESSION must be a positive integer' })
  @Min(1, { message: 'RATE_LIMIT_SESSION must be a positive integer' })
  RATE_LIMIT_SESSION = 1000;

  @Transform(numericText)
  @IsInt({ message: 'RATE_LIMIT_ANONYMOUS must be a positive integer' })
  @Min(1, { message: 'RATE_LIMIT_ANONYMOUS must be a positive integer' })
  RATE_LIMIT_ANONYMOUS = 100;

  @Transform(numericText)
  @IsInt({ message: 'RATE_LIMIT_BOOKING_CREATION must be a positive integer' })
  @Min(1, { message: 'RATE_LIMIT_BOOKING_CREATION must be a positive integer' })
  RATE_LIMIT_BOOKING_CREATION = 10;

  @Transform(numericText)
  @IsInt({ message: 'RATE_LIMIT_WEBHOOK_MANAGEMENT must be a positive integer' })
  @Min(1, { message: 'RATE_LIMIT_WEBHOOK_MANAGEMENT must be a positive integer' })
  RATE_LIMIT_WEBHOOK_MANAGEMENT = 30;

  @Transform(numericText)
  @IsInt({ message: 'RATE_LIMIT_CONTACT_FORM must be a positive integer' })
  @Min(1, { message: 'RATE_LIMIT_CONTACT_FORM must be a positive integer' })
  RATE_LIMIT_CONTACT_FORM = 5;

  @Transform(numericText)
  @IsInt({ message: 'PASSWORD_HASH_MEMORY_KIB must be an integer between 4096 and 1048576' })
  @Min(4096, { message: 'PASSWORD_HASH_MEMORY_KIB must be an integer between 4096 and 1048576' })
  @Max(1_048_576, {
    message: 'PASSWORD_HASH_MEMORY_KIB must be an integer between 4096 and 1048576',
  })
  PASSWORD_HASH_MEMORY_KIB = 65_536;

  /** Extra blocked words for messages (CONTRACT §6.4), comma-separated, on top of the default list. */
  @IsOptional()
  @IsString()
  MESSAGE_BLOCKLIST?: string;

  @Transform(numericText)
  @IsInt({ message: 'RATE_LIMIT_SOCKET_EVENTS must be a positive integer' })
  @Min(1, { message: 'RATE_LIMIT_SOCKET_EVENTS must be a positive integer' })
  RATE_LIMIT_SOCKET_EVENTS = 100;

  @Transform(numericText)
  @IsInt({ message: 'RATE_LIMIT_SOCKET_USER_EVENTS must be a positive integer' })
  @Min(1, { message: 'RATE_LIMIT_SOCKET_USER_EVENTS must be a positive integer' })
  RATE_LIMIT_SOCKET_USER_EVENTS = 300;

  @Transform(numericText)
  @IsInt({ message: 'SOCKET_MAX_FRAME_BYTES must be an integer between 1024 and 1048576' })
  @Min(1024, { message: 'SOCKET_MAX_FRAME_BYTES must be an integer between 1024 and 1048576' })
  @Max(1_048_576, {
    message: 'SOCKET_MAX_FRAME_BYTES must be an integer between 1024 and 1048576',
  })
  SOCKET_MAX_FRAME_BYTES = 65_536;

  @IsString()
  @Matches(/^[A-Za-z0-9:_-]{1,64}$/, {
    message: 'REDIS_KEY_PREFIX must be 1-64 characters of A-Z a-z 0-9 : _ -',
  })
  REDIS_KEY_PREFIX = 'eventstuffer:';
}
