import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { SESSION_STRATEGY } from '../../../../shared/auth/access.guard';
import { sessionUserId } from '../../../../shared/auth/authenticated-request';
import { Actor, PERMISSIONS } from '../../../../shared/domain/actor';
import { DomainError } from '../../../../shared/domain/domain-error';
import { GetActiveAccountQuery } from '../../application/get-active-account.query';

/** The session cookie's user, reloaded on every request so a suspension applies at once. */
@Injectable()
export class SessionStrategy extends PassportStrategy(Strategy, SESSION_STRATEGY) {
  constructor(private readonly activeAccount: GetActiveAccountQuery) {
    super();
  }

  async validate(request: FastifyRequest): Promise<Actor> {
    const userId = sessionUserId(request);
    if (userId === undefined) throw DomainError.unauthorized('Authentication required');
    const account = await this.activeAccount.execute(userId);
    return {
      userId: account.id,
      email: account.email,
      firstName: account.firstName,
      role: account.role,
      organizationId: account.organizationId,
      authenticatedBy: 'session',
      apiKeyId: null,
      permissions: PERMISSIONS,
    };
  }
}
