import { LoggerService } from '@nestjs/common';
import { Logger } from 'pino';

type Level = 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal';

/**
 * Routes Nest's own log calls into the same pino instance as Fastify's request logs, so every line
 * is structured JSON. Nest passes the context (the logging class) as the last argument.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    const extras = context === undefined ? rest : rest.slice(0, -1);
    const stack = extras.find((extra): extra is string => typeof extra === 'string');
    if (typeof message === 'object' && message !== null && !(message instanceof Error)) {
      const { msg, ...fields } = message as Record<string, unknown> & { msg?: string };
      this.pino[level](
        { context, ...fields },
        msg ?? (typeof extras[0] === 'string' ? extras[0] : ''),
      );
      return;
    }
    if (message instanceof Error) {
      this.pino[level]({ context, err: message }, message.message);
      return;
    }
    this.pino[level]({ context, ...(stack ? { stack } : {}) }, String(message));
  }
}
