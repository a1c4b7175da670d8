import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Actor } from '../domain/actor';
import { DomainError } from '../domain/domain-error';
import { AUTH_REQUIREMENT, AuthRequirement, PUBLIC_ROUTE } from './auth.decorator';
import {
  AuthenticatedRequest,
  hasAuthorizationHeader,
  sessionUserId,
} from './authenticated-request';
import { CsrfVerifier } from './csrf-verifier';

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Passport strategy names; the identity and api-keys modules register them. */
export const SESSION_STRATEGY = 'session';
export const API_KEY_STRATEGY = 'api-key';

/**
 * Deny by default: a route needs @Public() or @Auth(). Authenticates through the passport
 * strategies (API key when an Authorization header is present, else the session cookie), then
 * applies the route's requirement and, for session writes, the CSRF check.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);
  private readonly apiKeyPassport = new (AuthGuard(API_KEY_STRATEGY))();
  private readonly sessionPassport = new (AuthGuard(SESSION_STRATEGY))();

  constructor(
    private readonly reflector: Reflector,
    private readonly csrf: CsrfVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const requirement = this.reflector.getAllAndOverride<AuthRequirement>(
      AUTH_REQUIREMENT,
      targets,
    );
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!requirement) {
      this.logger.error(`Route ${request.method} ${request.url} has neither @Auth() nor @Public()`);
      throw DomainError.forbidden('Forbidden');
    }
    const actor = await this.authenticate(context, request, requirement);
    authorize(actor, requirement);
    if (actor.authenticatedBy === 'session' && MUTATING_METHODS.has(request.method)) {
      if (!this.csrf.isValid(request)) throw DomainError.forbidden('Invalid CSRF token');
    }
    request.actor = actor;
    return true;
  }

  private async authenticate(
    context: ExecutionContext,
    request: AuthenticatedRequest,
    requirement: AuthRequirement,
  ): Promise<Actor> {
    if (hasAuthorizationHeader(request)) {
      if (requirement.sessionOnly) {
        throw DomainError.forbidden('This endpoint requires a session (sign in on the web)');
      }
      await this.apiKeyPassport.canActivate(context);
    } else if (sessionUserId(request) !== undefined) {
      await this.sessionPassport.canActivate(context);
    } else {
      throw DomainError.unauthorized('Authentication required');
    }
    if (!request.user) throw DomainError.unauthorized('Authentication required');
    return request.user;
  }
}

function authorize(actor: Actor, requirement: AuthRequirement): void {
  if (requirement.roles && !requirement.roles.includes(actor.role)) {
    throw DomainError.forbidden('Your role does not allow this');
  }
  const permission = requirement.permission;
  if (
    permission &&
    actor.authenticatedBy === 'api_key' &&
    !actor.permissions.includes(permission)
  ) {
    throw DomainError.forbidden(`This API key lacks the "${permission}" permission`);
  }
}
