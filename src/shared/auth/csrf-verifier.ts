import { Injectable } from '@nestjs/common';
import Tokens from '@fastify/csrf';
import { FastifyRequest } from 'fastify';
import './authenticated-request';

export const CSRF_HEADER = 'x-csrf-token';

/**
 * Verifies X-CSRF-Token against the secret that @fastify/csrf-protection's `reply.generateCsrf()`
 * stored in the session. Checked in the access guard rather than as an onRequest hook, so that it
 * runs only for session-authenticated writes and errors render like every other error.
 */
@Injectable()
export class CsrfVerifier {
  private readonly tokens = new Tokens({ userInfo: false });

  isValid(request: FastifyRequest): boolean {
    const secret = (request as Partial<FastifyRequest>).session?.get('_csrf');
    const token = request.headers[CSRF_HEADER];
    if (!secret || typeof token !== 'string') return false;
    return this.tokens.verify(secret, token);
  }
}
