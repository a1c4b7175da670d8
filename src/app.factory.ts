import { BadRequestException, DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';
import { IncomingMessage, Server, ServerResponse } from 'node:http';
import { FastifyHttpOptions, FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { Logger as PinoLogger } from 'pino';
import { AppModule } from './app.module';
import { ShutdownState } from './health/shutdown-state';
import { Configuration, TrustProxy } from './config/configuration';
import { Clock } from './shared/domain/clock';
import { runMigrationsExclusively } from './database/migration-runner';
import { createLogger } from './shared/logging/create-logger';
import { PinoNestLogger } from './shared/logging/pino-nest-logger';
import { requestIdFor } from './shared/http/request-id';
import { setUpOpenApi } from './shared/http/openapi';
import { crossOriginOptions } from './shared/http/cors';
import { answerClientError, renderFrameworkError } from './shared/http/framework-errors';
import { jsonShapeProblem } from './shared/http/json-shape';
import { setUpSessions } from './shared/auth/session.setup';
import { acceptFormPostsWhereDeclared } from './shared/http/form-posts';
import { RealtimeAdapter } from './shared/realtime/realtime.adapter';
import { armedBeforeResponse, killNow } from './shared/failpoints/process-failpoints';

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
  const serverOptions: FastifyHttpOptions<Server> = {
    loggerInstance: logger,
    genReqId: requestIdFor,
    bodyLimit: configuration.http.bodyLimitBytes,
    requestTimeout: configuration.http.requestTimeoutMs,
    // Node enforces the request deadline only as given to its server's constructor (Fastify's
    // `requestTimeout` is set afterwards and left the 5-minute default in force), and checks
    // it on an interval of 30 s by default: a body trickled in slowly outlived both.
    http: {
      requestTimeout: configuration.http.requestTimeoutMs,
      connectionsCheckingInterval: deadlineCheckInterval(configuration.http.requestTimeoutMs),
    },
    connectionTimeout: configuration.http.connectionTimeoutMs,
    keepAliveTimeout: configuration.http.keepAliveTimeoutMs,
    return503OnClosing: true,
    // Idle connections are closed by closeKeptAliveConnectionsOnShutdown, after a grace period:
    // closing them at once reset fresh connections whose request had not been read yet.
    forceCloseConnections: false,
    trustProxy: fastifyTrustProxy(configuration.http.trustProxy),
    frameworkErrors: renderFrameworkError,
    clientErrorHandler: answerClientError,
  };
  const adapter = new JsonOnlyFastifyAdapter(serverOptions);
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
  await configureRealtime(app, configuration);
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
  closeKeptAliveConnectionsOnShutdown(fastify, app.get(ShutdownState));
  dieBeforeArmedResponses(fastify, configuration);
  // Helmet's headers computed once: @fastify/helmet rebuilds its middleware (parsing the CSP
  // directives) and runs two async hooks on every request, and even the middleware built once
  // runs a dozen functions per request. Its headers depend only on its options (none of its
  // middlewares reads the request), so the same helmet with the same options answers once for all.
  const securityHeaders = headersOf(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", "'unsafe-inline'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
        },
      },
    }),
  );
  fastify.addHook('onRequest', (_request, reply, done) => {
    for (const name of securityHeaders.removed) reply.raw.removeHeader(name);
    for (const [name, value] of securityHeaders.set) reply.raw.setHeader(name, value);
    done();
  });
  fastify.addHook('preValidation', (request, _reply, done) => {
    const problem = jsonShapeProblem(request.body);
    done(problem ? new BadRequestException(problem) : undefined);
  });
  app.enableCors(crossOriginOptions(configuration.http.cors));
  await setUpSessions(app, configuration.auth, app.get(DataSource));
  if (configuration.app.apiDocs) setUpOpenApi(app);
}

type NodeMiddleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/** The headers a middleware that writes only headers sets and removes, recorded on a blank response. */
function headersOf(middleware: NodeMiddleware): {
  set: Array<[string, string | number | readonly string[]]>;
  removed: string[];
} {
  const set = new Map<string, string | number | readonly string[]>();
  const removed: string[] = [];
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set.set(name, value);
      return response;
    },
    removeHeader(name: string) {
      set.delete(name);
      removed.push(name);
    },
  };
  let finished = false;
  middleware({} as IncomingMessage, response as unknown as ServerResponse, (error) => {
    if (error) throw error instanceof Error ? error : new Error(String(error));
    finished = true;
  });
  if (!finished) throw new Error('The security headers middleware did not finish synchronously');
  return { set: [...set], removed };
}

/**
 * Socket.io on the API's own port: the gateways share this server. REDIS_URL switches the
 * adapter from this process's rooms to rooms shared by every instance.
 */
async function configureRealtime(app: NestFastifyApplication, configuration: Configuration) {
  const adapter = new RealtimeAdapter(app, {
    cors: configuration.http.cors,
    maxFrameBytes: configuration.messaging.maxFrameBytes,
    redisUrl: configuration.redis.url,
    redisKeyPrefix: configuration.redis.keyPrefix,
  });
  await adapter.connect();
  app.useWebSocketAdapter(adapter);
}

/**
 * Crash tests (FAILPOINTS `http.before-response:POST /api/v1/bookings`): the process dies after
 * the route's work committed, before its successful answer leaves. Installed only when armed.
 */
function dieBeforeArmedResponses(fastify: FastifyInstance, configuration: Configuration): void {
  const armed = armedBeforeResponse(configuration.app);
  if (armed.size === 0) return;
  fastify.addHook('onSend', (request, reply, _payload, done) => {
    const route = `${request.method} ${request.routeOptions.url ?? ''}`;
    if (armed.has(route) && reply.statusCode < 300) killNow(`http.before-response:${route}`);
    done();
  });
}

/** A hop count becomes "trust the nearest N addresses of the forwarding chain". */
function fastifyTrustProxy(
  trustProxy: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trustProxy !== 'number') return trustProxy;
  return (_address, hop) => hop < trustProxy;
}

/** Often enough that a deadline is enforced within a second of passing; never busier than that. */
function deadlineCheckInterval(requestTimeoutMs: number): number {
  return Math.min(1_000, Math.max(100, Math.floor(requestTimeoutMs / 4)));
}

/**
 * JSON only (CONTRACT §1.1): Nest would also parse form-encoded bodies on every route, which
 * lets a cross-site HTML form post to the API. Other content types get 415; form posts only reach
 * routes marked @AcceptsFormPost() (server-rendered pages).
 */
class JsonOnlyFastifyAdapter extends FastifyAdapter {
  override registerParserMiddleware(prefix?: string, rawBody?: boolean): void {
    super.registerParserMiddleware(prefix, rawBody);
    const fastify = this.getInstance();
    if (fastify.hasContentTypeParser(FORM_ENCODED)) fastify.removeContentTypeParser(FORM_ENCODED);
    acceptFormPostsWhereDeclared(fastify);
  }
}

const FORM_ENCODED = 'application/x-www-form-urlencoded';

/** How long a connection without a request in progress may still send one once shutdown began. */
export const SHUTDOWN_IDLE_GRACE_MS = 1_000;

/**
 * A response finished while draining or shutting down tells its client to close the connection;
 * otherwise a kept-alive socket would hold the server open until the keep-alive timeout. Node's
 * `server.close()` destroys every connection without a request in progress at once, and that
 * includes a connection just accepted whose request is still unread in its buffer (its client
 * would see ECONNRESET instead of an answer): here that happens after a grace period, in which
 * such a request is read, answered and its connection closed.
 */
function closeKeptAliveConnectionsOnShutdown(
  fastify: FastifyInstance,
  shutdown: ShutdownState,
): void {
  let closing = false;
  const server = fastify.server as Server;
  const closeIdleConnections = server.closeIdleConnections.bind(server);
  server.closeIdleConnections = () => {
    setTimeout(closeIdleConnections, SHUTDOWN_IDLE_GRACE_MS).unref();
  };
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onSend', (_request, reply, _payload, done) => {
    if (closing || shutdown.draining) void reply.header('Connection', 'close');
    done();
  });
}
