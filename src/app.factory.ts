import { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';
import { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { Logger as PinoLogger } from 'pino';
import { AppModule } from './app.module';
import { Configuration } from './config/configuration';
import { Clock } from './shared/domain/clock';
import { runMigrationsExclusively } from './database/migration-runner';
import { createLogger } from './shared/logging/create-logger';
import { PinoNestLogger } from './shared/logging/pino-nest-logger';
import { requestIdFor } from './shared/http/request-id';
import { setUpOpenApi } from './shared/http/openapi';
import { setUpSessions } from './shared/auth/session.setup';

export interface CreateAppOptions {
  /** Extra modules mounted beside the application (tests use it for probe routes). */
  extraModules?: Array<Type | DynamicModule>;
  logger?: PinoLogger;
  /** Replaces the system clock (tests move time instead of sleeping). */
  clock?: Clock;
}

/** Builds the configured application; main.ts and the test harness share it. */
export async function createApp(
  configuration: Configuration,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createLogger(configuration.app.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    genReqId: requestIdFor,
    bodyLimit: configuration.http.bodyLimitBytes,
    requestTimeout: configuration.http.requestTimeoutMs,
    connectionTimeout: configuration.http.connectionTimeoutMs,
    keepAliveTimeout: configuration.http.keepAliveTimeoutMs,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    trustProxy: true,
  });
  const rootModule = {
    module: class ApplicationRoot {},
    imports: [
      AppModule.forRoot(configuration, { clock: options.clock }),
      ...(options.extraModules ?? []),
    ],
  };
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    // Keeps each JSON body's exact bytes: Stripe's webhook signature covers them (CONTRACT §5.2).
    rawBody: true,
  });
  await configureHttp(app, configuration);
  if (configuration.database.runMigrations) {
    const applied = await runMigrationsExclusively(app.get(DataSource));
    if (applied.length > 0) logger.info({ migrations: applied }, 'Applied database migrations');
  }
  return app;
}

async function configureHttp(app: NestFastifyApplication, configuration: Configuration) {
  const fastify = app.getHttpAdapter().getInstance();
  // JSON only (CONTRACT §1.1): other content types are refused instead of parsed as text.
  fastify.removeContentTypeParser('text/plain');
  // Callback-style hooks: an async hook costs a promise and a microtask on every request.
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', request.id);
    done();
  });
  closeKeptAliveConnectionsOnShutdown(fastify);
  // Helmet's middleware built once: @fastify/helmet rebuilds it (parsing the CSP directives) and
  // runs two async hooks on every request. Same helmet, same options, so the same headers.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, done as (error?: unknown) => void);
  });
  app.enableCors({
    origin: configuration.http.corsOrigins,
    credentials: true,
    exposedHeaders: ['X-Request-Id'],
  });
  await setUpSessions(app, configuration.auth, app.get(DataSource));
  setUpOpenApi(app);
}

/**
 * A response finished during shutdown tells its client to close the connection; otherwise a
 * kept-alive socket would hold the server open until the keep-alive timeout.
 */
function closeKeptAliveConnectionsOnShutdown(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onSend', (_request, reply, _payload, done) => {
    if (closing) void reply.header('Connection', 'close');
    done();
  });
}
