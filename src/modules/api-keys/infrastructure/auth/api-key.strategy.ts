import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { API_KEY_STRATEGY } from '../../../../shared/auth/access.guard';
import { Actor } from '../../../../shared/domain/actor';
import { DomainError } from '../../../../shared/domain/domain-error';
import { AuthenticateApiKeyUseCase } from '../../application/authenticate-api-key.use-case';

const BEARER = /^Bearer\s+(\S+)$/i;

/** `Authorization: Bearer ps_...`; credentials are never read from the query string. */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, API_KEY_STRATEGY) {
  constructor(private readonly authenticateApiKey: AuthenticateApiKeyUseCase) {
    super();
  }

  validate(request: FastifyRequest): Promise<Actor> {
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) throw DomainError.unauthorized('Invalid API key');
    return this.authenticateApiKey.execute(match[1]);
  }
}
