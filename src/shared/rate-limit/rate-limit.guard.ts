import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyReply, FastifyRequest } from 'fastify';
import { RATE_LIMIT_SCOPE, RouteRateLimitScope, SKIP_RATE_LIMIT } from './rate-limit.decorator';
import { RequestRateLimiter } from './request-rate-limiter';

/**
 * Counts each request that reaches a route against the caller's scopes (RequestRateLimiter).
 * Runs after the access guard, which identifies the caller; a request that guard refuses is
 * counted by the error filter instead.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RequestRateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (this.reflector.getAllAndOverride<boolean>(SKIP_RATE_LIMIT, targets)) {
      this.limiter.exempt(request);
      return true;
    }
    const routeScope = this.reflector.getAllAndOverride<RouteRateLimitScope>(
      RATE_LIMIT_SCOPE,
      targets,
    );
    await this.limiter.count(
      request,
      context.switchToHttp().getResponse<FastifyReply>(),
      routeScope,
    );
    return true;
  }
}
