import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifySession from '@fastify/session';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
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
 * guard never consults the session then), so a session cookie sent along (an integrator's browser,
 * say) is hidden from the session plugin: no session read from PostgreSQL for it, and, as the
 * request changes no session, no Set-Cookie either. The browser's session itself is untouched.
 */
function ignoreSessionOfApiKeyRequests(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  if (
    typeof request.headers.authorization === 'string' &&
    request.cookies[SESSION_COOKIE] !== undefined &&
    request.url.startsWith(API_PREFIX)
  ) {
    delete request.cookies[SESSION_COOKIE];
  }
  done();
}

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
  app.getHttpAdapter().getInstance().addHook('onRequest', ignoreSessionOfApiKeyRequests);
  await app.register(fastifySession, {
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
