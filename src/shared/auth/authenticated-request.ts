import { FastifyRequest } from 'fastify';
import { Actor } from '../domain/actor';

declare module 'fastify' {
  /** The session data this service keeps (server-side, in PostgreSQL). */
  interface Session {
    userId?: number;
    /** The CSRF secret @fastify/csrf-protection keeps in the session. */
    _csrf?: string;
  }
}

export type AuthenticatedRequest = FastifyRequest & { actor?: Actor; user?: Actor };

export function sessionUserId(request: FastifyRequest): number | undefined {
  const userId = (request as Partial<FastifyRequest>).session?.get('userId');
  return typeof userId === 'number' ? userId : undefined;
}

export function hasAuthorizationHeader(request: FastifyRequest): boolean {
  return typeof request.headers.authorization === 'string';
}
