import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifySession from '@fastify/session';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
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
