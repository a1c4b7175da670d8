import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FastifyInstance } from 'fastify';
import { Socket } from 'socket.io';
import { readCookieSession } from '../../../../shared/auth/session-cookie.reader';
import { Actor } from '../../../../shared/domain/actor';
import { DomainError } from '../../../../shared/domain/domain-error';
import { AuthenticateApiKeyUseCase } from '../../../api-keys';
import { actorFor, GetActiveAccountQuery } from '../../../identity';

export interface SocketIdentity {
  actor: Actor;
  /** The web session the socket was opened with; null for an API key. */
  sessionReference: string | null;
}

export const AUTHENTICATION_REQUIRED = 'Authentication required';

/**
 * CONTRACT §6.3: the handshake carries the `connect.sid` cookie of a web session (read from the
 * same store, with the same signature and expiry checks as HTTP requests) or, for servers,
 * `auth: {token: "ps_..."}`, an API key with the `read` permission. The account is checked as on
 * every HTTP request: a suspended user or a revoked key gets no socket.
 */
@Injectable()
export class SocketAuthenticator {
  constructor(
    private readonly httpAdapter: HttpAdapterHost,
    private readonly accounts: GetActiveAccountQuery,
    private readonly apiKeys: AuthenticateApiKeyUseCase,
  ) {}

  async authenticate(handshake: Socket['handshake']): Promise<SocketIdentity> {
    const token: unknown = (handshake.auth as Record<string, unknown> | undefined)?.token;
    if (typeof token === 'string') {
      const actor = await this.apiKeys.execute(token);
      if (!actor.permissions.includes('read')) {
        throw DomainError.forbidden('This API key lacks the "read" permission');
      }
      return { actor, sessionReference: null };
    }
    const fastify = this.httpAdapter.httpAdapter.getInstance<FastifyInstance>();
    const session = await readCookieSession(fastify, handshake.headers.cookie);
    if (!session) throw DomainError.unauthorized(AUTHENTICATION_REQUIRED);
    const account = await this.accounts.execute(session.userId);
    return { actor: actorFor(account, { kind: 'session' }), sessionReference: session.reference };
  }
}

/** What the client sees as `connect_error`: the refusal's message; never internals. */
export function handshakeRefusal(error: unknown): Error {
  if (error instanceof DomainError) {
    return new Error(error.kind === 'unauthorized' ? AUTHENTICATION_REQUIRED : error.message);
  }
  return new Error(AUTHENTICATION_REQUIRED);
}
