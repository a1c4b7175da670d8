import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { SESSION_STRATEGY } from '../../../../shared/auth/access.guard';
import { sessionUserId } from '../../../../shared/auth/authenticated-request';
import { Actor } from '../../../../shared/domain/actor';
import { DomainError } from '../../../../shared/domain/domain-error';
import { GetActiveAccountQuery } from '../../application/get-active-account.query';
import { actorFor, SESSION_CREDENTIAL } from '../../domain/account-actor';

/** The session cookie's user, reloaded on every request so a suspension applies at once. */
@Injectable()
export class SessionStrategy extends PassportStrategy(Strategy, SESSION_STRATEGY) {
  constructor(private readonly activeAccount: GetActiveAccountQuery) {
    super();
  }

  async validate(request: FastifyRequest): Promise<Actor> {
    const userId = sessionUserId(request);
    if (userId === undefined) throw DomainError.unauthorized('Authentication required');
    return actorFor(await this.activeAccount.execute(userId), SESSION_CREDENTIAL);
  }
}
