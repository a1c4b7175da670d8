import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectThrottlerStorage } from '@nestjs/throttler';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Configuration, RateLimitRule, RateLimitSettings } from '../../config/configuration';
import { Actor } from '../domain/actor';
import { Clock } from '../domain/clock';
import { DomainError } from '../domain/domain-error';
import { REPLACES_GENERAL_SCOPE, RouteRateLimitScope } from './rate-limit.decorator';
import { RateLimitStorage } from './rate-limit.storage';

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

/** What the limiter noted on a request: counted (and under which route key), or exempt. */
interface RequestCount {
  exempt: boolean;
  routeKey?: string;
}

type CountedRequest = FastifyRequest & {
  actor?: Actor;
  user?: Actor;
  rateLimitCount?: RequestCount;
};

/** Answers after which a route's own hit is taken back: the request did nothing. */
const REFUNDED_STATUSES = new Set([400, 422, 429]);

/**
 * Counts each API request against the caller's general scope (API key, session user or client
 * IP) and the route's own scope, if any, in fixed windows; the headers describe the tightest
 * scope (CONTRACT §2.4). The guard counts requests that reach a route; the error filter counts
 * those refused before (authentication, unknown route, unparseable body), so every answer is
 * counted and labelled once.
 */
@Injectable()
export class RequestRateLimiter {
  private readonly settings: RateLimitSettings;

  constructor(
    @InjectThrottlerStorage() private readonly storage: RateLimitStorage,
    config: ConfigService<Configuration, true>,
    private readonly clock: Clock,
  ) {
    this.settings = config.get('rateLimits', { infer: true });
  }

  exempt(request: FastifyRequest): void {
    (request as CountedRequest).rateLimitCount = { exempt: true };
  }

  /** Counts the request; throws 429 (after setting the headers) when a budget is exceeded. */
  async count(request: FastifyRequest, reply: FastifyReply, route?: RouteRateLimitScope) {
    const counted = request as CountedRequest;
    const scopes = this.scopesFor(counted, route);
    // A scope that replaces the general one is the request's only count: never taken back.
    const refundable = route !== undefined && !REPLACES_GENERAL_SCOPE.includes(route);
    counted.rateLimitCount = {
      exempt: false,
      routeKey: refundable ? keyOf(scopes[scopes.length - 1]) : undefined,
    };
    const outcomes = await Promise.all(scopes.map((scope) => this.increment(scope)));
    const tightest = pickTightest(outcomes);
    void reply.header('X-RateLimit-Limit', tightest.limit);
    void reply.header('X-RateLimit-Remaining', tightest.remaining);
    void reply.header('X-RateLimit-Reset', Math.ceil(tightest.resetAt / 1000));
    const exceeded = outcomes.filter((outcome) => outcome.exceeded);
    if (exceeded.length > 0) {
      const retryAt = Math.max(...exceeded.map((outcome) => outcome.resetAt));
      throw DomainError.rateLimited(
        'Rate limit exceeded',
        (retryAt - this.clock.now().getTime()) / 1000,
      );
    }
  }

  /**
   * Settles a request answered with an error: counts it if nothing did yet (the 429 it may earn
   * replaces the error), and takes back the route's hit when the request did nothing.
   */
  async settleError(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
  ): Promise<DomainError | undefined> {
    const counted = (request as CountedRequest).rateLimitCount;
    if (counted?.exempt) return undefined;
    if (!counted) {
      try {
        await this.count(request, reply);
      } catch (error) {
        if (error instanceof DomainError) return error;
        throw error;
      }
      return undefined;
    }
    if (counted.routeKey && REFUNDED_STATUSES.has(status)) {
      await this.storage.refund(counted.routeKey);
      counted.routeKey = undefined;
    }
    return undefined;
  }

  private scopesFor(request: CountedRequest, route?: RouteRateLimitScope): AppliedScope[] {
    // The passport user is there when authentication succeeded but authorization did not.
    const actor = request.actor ?? request.user;
    if (route && REPLACES_GENERAL_SCOPE.includes(route)) {
      return [{ name: route, rule: this.settings[route], subject: `ip:${request.ip}` }];
    }
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

  private async increment(scope: AppliedScope): Promise<Outcome> {
    const { limit, windowMs } = scope.rule;
    const record = await this.storage.increment(
      keyOf(scope),
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

function keyOf(scope: AppliedScope): string {
  return `${scope.name}:${scope.subject}`;
}

function pickTightest(outcomes: Outcome[]): Outcome {
  return outcomes.reduce((tightest, outcome) =>
    outcome.remaining < tightest.remaining ? outcome : tightest,
  );
}
