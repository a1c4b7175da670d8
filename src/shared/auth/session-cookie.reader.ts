import { createHash } from 'node:crypto';
import { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from './session.setup';

/** The web session a request's `connect.sid` cookie names, as the session store holds it. */
export interface CookieSession {
  /** Opaque reference to the session (never its id, which is a secret). */
  reference: string;
  userId: number;
}

interface SessionHolder {
  headers: Record<string, string | string[] | undefined>;
  session?: { sessionId?: string; get(key: string): unknown } | null;
}

/**
 * Reads the session of a `Cookie` header outside Fastify's request cycle (the Socket.io
 * handshake): same signature check, same store and same expiry as the HTTP requests' sessions.
 * Null when there is no cookie, a forged or unknown one, or a session without a user.
 */
export async function readCookieSession(
  fastify: FastifyInstance,
  cookieHeader: string | undefined,
): Promise<CookieSession | null> {
  if (!cookieHeader) return null;
  const signed = fastify.parseCookie(cookieHeader)[SESSION_COOKIE];
  if (!signed) return null;
  const holder: SessionHolder = { headers: { cookie: cookieHeader } };
  await new Promise<void>((resolve, reject) =>
    fastify.decryptSession(signed, holder, (error?: Error) => (error ? reject(error) : resolve())),
  );
  const userId = holder.session?.get('userId');
  const sessionId = holder.session?.sessionId;
  if (typeof userId !== 'number' || !sessionId) return null;
  return { reference: sessionReference(sessionId), userId };
}

/**
 * Names a session without revealing its id: what an event about a session's end carries, and
 * what the sockets opened with that session are grouped by.
 */
export function sessionReference(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex').slice(0, 32);
}
