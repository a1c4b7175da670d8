import pino, { DestinationStream, Logger } from 'pino';
import { serializeError, serializeRequest } from './log-serializers';

/** Paths whose values must never reach a log line (CONTRACT §9). */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.new_password',
  '*.key',
  '*.api_key',
  '*.token',
  '*.secret',
  '*.session_id',
  '*.card',
];

/** Fastify adopts these serializers for its request logs (they take precedence over its own). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'eventstuffer-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError, req: serializeRequest },
  };
  return destination ? pino(options, destination) : pino(options);
}
