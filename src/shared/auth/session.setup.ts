import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifySession, { FastifySessionOptions } from '@fastify/session';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import connectPgSimple from 'connect-pg-simple';
import { DataSource } from 'typeorm';
import { AuthSettings } from '../../config/configuration';

export const SESSION_COOKIE = 'connect.sid';

/** CONTRACT §2.2: HttpOnly, SameSite=Lax, Secure over HTTPS, Path=/. */
export const SESSION_COOKIE_ATTRIBUTES = {
  httpOnly: true,
  sameSite: 'lax',
  secure: 'auto',
  path: '/',
} as const;

/**
 * An API request that carries an Authorization header is authenticated by it alone (the access
 * guard never consults the session then), so the session plugin passes over it: no session read
 * from PostgreSQL for a session cookie sent along (an integrator's browser, say), no session
 * built for it either (a random id, its HMAC signature and a hash, checked again before the
 * answer), and, as the request changes no session, no Set-Cookie. `request.session` stays null;
 * the browser's session itself is untouched.
 */
function isApiKeyRequest(request: FastifyRequest): boolean {
  return typeof request.headers.authorization === 'string' && request.url.startsWith(API_PREFIX);
}

type OnRequestHook = (
  this: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  done: HookHandlerDoneFunction,
) => void;

/**
 * @fastify/session with its request hook skipping API-key requests. The plugin adds its hooks
 * while it registers (synchronously), so its `addHook` is intercepted for exactly that call; the
 * plugin's name and metadata are kept (@fastify/csrf-protection depends on them).
 */
const sessionsPassingOverApiKeyRequests = Object.assign(
  function sessions(
    instance: FastifyInstance,
    options: FastifySessionOptions,
    done: (error?: Error) => void,
  ): void {
    const addHook = instance.addHook;
    const passOver = (hook: OnRequestHook): OnRequestHook =>
      function (request, reply, next) {
        if (isApiKeyRequest(request)) {
          next();
          return;
        }
        hook.call(this, request, reply, next);
      };
    instance.addHook = function (this: FastifyInstance, name: string, hook: unknown) {
      const wrapped = name === 'onRequest' ? passOver(hook as OnRequestHook) : hook;
      return (addHook as (name: string, hook: unknown) => FastifyInstance).call(
        this,
        name,
        wrapped,
      );
    } as typeof addHook;
    try {
      (fastifySession as unknown as typeof sessions)(instance, options, done);
    } finally {
      instance.addHook = addHook;
    }
  },
  Object.fromEntries(
    Object.getOwnPropertySymbols(fastifySession).map((key) => [
      key,
      (fastifySession as unknown as Record<symbol, unknown>)[key],
    ]),
  ),
);

/** The routes that accept API keys; the web session's own routes (/auth, /api/keys) are outside. */
const API_PREFIX = '/api/v1/';

interface PostgresDriverPool {
  master: unknown;
}

/**
 * Server-side sessions in PostgreSQL (connect-pg-simple on the application's own pool), the
 * `connect.sid` cookie of CONTRACT §2.2, and @fastify/csrf-protection for `reply.generateCsrf()`.
 */
export async function setUpSessions(
  app: NestFastifyApplication,
  auth: AuthSettings,
  dataSource: DataSource,
): Promise<void> {
  const PgStore = connectPgSimple({ Store: fastifySession.Store } as never);
  const store = new PgStore({
    pool: (dataSource.driver as unknown as PostgresDriverPool).master as never,
    tableName: 'sessions',
    createTableIfMissing: false,
    pruneSessionInterval: 15 * 60,
  });
  await app.register(fastifyCookie);
  await app.register(sessionsPassingOverApiKeyRequests as never, {
    secret: auth.sessionSecret,
    cookieName: SESSION_COOKIE,
    saveUninitialized: false,
    store: store as never,
    cookie: { ...SESSION_COOKIE_ATTRIBUTES, maxAge: auth.sessionMaxAgeMs },
  });
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session' });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onClose', async () => store.close());
}
