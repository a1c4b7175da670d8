import pino, { Logger } from 'pino';

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

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'eventstuffer-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.err },
  });
}
