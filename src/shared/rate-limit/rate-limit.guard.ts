import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Configuration, RateLimitRule, RateLimitSettings } from '../../config/configuration';
import { Actor } from '../domain/actor';
import { Clock } from '../domain/clock';
import { DomainError } from '../domain/domain-error';
import { RATE_LIMIT_SCOPE, RouteRateLimitScope, SKIP_RATE_LIMIT } from './rate-limit.decorator';

interface AppliedScope {
  name: keyof RateLimitSettings;
  rule: RateLimitRule;
  subject: string;
}

interface Outcome {
  limit: number;
  remaining: number;
  resetAt: number;
  exceeded: boolean;
}

/**
 * Counts each request against the caller's general scope (API key, session user or client IP)
 * and the route's own scope, if any, in fixed windows. Runs after the access guard, which
 * identifies the caller. Headers describe the tightest scope (CONTRACT §2.4).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly settings: RateLimitSettings;

  constructor(
    private readonly reflector: Reflector,
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    config: ConfigService<Configuration, true>,
    private readonly clock: Clock,
  ) {
    this.settings = config.get('rateLimits', { infer: true });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(SKIP_RATE_LIMIT, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const routeScope = this.reflector.getAllAndOverride<RouteRateLimitScope>(
      RATE_LIMIT_SCOPE,
      targets,
    );
    const scopes = this.scopesFor(request, routeScope);
    const outcomes = await Promise.all(scopes.map((scope) => this.count(scope)));
    const tightest = pickTightest(outcomes);
    void reply.header('X-RateLimit-Limit', tightest.limit);
    void reply.header('X-RateLimit-Remaining', tightest.remaining);
    void reply.header('X-RateLimit-Reset', Math.ceil(tightest.resetAt / 1000));
    const exceeded = outcomes.filter((outcome) => outcome.exceeded);
    if (exceeded.length > 0) {
      const retryAt = Math.max(...exceeded.map((outcome) => outcome.resetAt));
      const now = this.clock.now().getTime();
      throw DomainError.rateLimited('Rate limit exceeded', (retryAt - now) / 1000);
    }
    return true;
  }

  private scopesFor(request: FastifyRequest & { actor?: Actor }, route?: RouteRateLimitScope) {
    const actor = request.actor;
    const scopes: AppliedScope[] = [this.generalScope(request, actor)];
    if (route) {
      const subject =
        route === 'contactForm' || !actor ? `ip:${request.ip}` : `user:${actor.userId}`;
      scopes.push({ name: route, rule: this.settings[route], subject });
    }
    return scopes;
  }

  private generalScope(request: FastifyRequest, actor: Actor | undefined): AppliedScope {
    if (actor?.authenticatedBy === 'api_key') {
      return { name: 'apiKey', rule: this.settings.apiKey, subject: `key:${actor.apiKeyId}` };
    }
    if (actor) {
      return { name: 'session', rule: this.settings.session, subject: `user:${actor.userId}` };
    }
    return { name: 'anonymous', rule: this.settings.anonymous, subject: `ip:${request.ip}` };
  }

  private async count(scope: AppliedScope): Promise<Outcome> {
    const { limit, windowMs } = scope.rule;
    const record = await this.storage.increment(
      `${scope.name}:${scope.subject}`,
      windowMs,
      limit,
      windowMs,
      scope.name,
    );
    return {
      limit,
      remaining: Math.max(0, limit - record.totalHits),
      resetAt: this.clock.now().getTime() + record.timeToExpire * 1000,
      exceeded: record.totalHits > limit,
    };
  }
}

function pickTightest(outcomes: Outcome[]): Outcome {
  return outcomes.reduce((tightest, outcome) =>
    outcome.remaining < tightest.remaining ? outcome : tightest,
  );
}
