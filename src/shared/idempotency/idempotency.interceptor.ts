import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { Actor } from '../domain/actor';
import { Clock } from '../domain/clock';
import { DomainError } from '../domain/domain-error';
import { TransactionRunner } from '../domain/transaction-runner';
import { IdempotencyKeyStore } from './idempotency-key.store';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
const MAX_KEY_LENGTH = 255;

/** A stable text of a JSON value: object keys sorted, so key order never changes a fingerprint. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Idempotency-Key on a write (CONTRACT §4.5, IETF draft semantics): per account, 24 hours. The key
 * is claimed in the handler's transaction before the handler runs, and the response is stored in
 * it: a committed result is always replayable, and a failure or a crash leaves nothing behind.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyKeyStore,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined) return next.handle();
    if (typeof header !== 'string' || header.length === 0 || header.length > MAX_KEY_LENGTH) {
      throw DomainError.invalidField(
        'Idempotency-Key',
        'Idempotency-Key must be 1 to 255 characters',
      );
    }
    if (!request.actor) throw new Error('Idempotency-Key needs an authenticated route');
    const status =
      (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ??
      (request.method === 'POST' ? 201 : 200);
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url.split('?')[0]}\n${canonicalJson(request.body)}`)
      .digest('hex');
    return from(this.run(request.actor.userId, header, fingerprint, status, reply, next));
  }

  private run(
    accountId: number,
    key: string,
    fingerprint: string,
    status: number,
    reply: FastifyReply,
    next: CallHandler,
  ): Promise<unknown> {
    // The claim, the work and the stored response share one transaction: an error anywhere
    // rolls all three back and frees the key for a retry.
    return this.transactions.run(async () => {
      const claim = await this.store.claim(accountId, key, fingerprint, this.clock.now());
      if (claim.outcome === 'mismatch') {
        throw DomainError.invalidField(
          'Idempotency-Key',
          'Idempotency-Key was already used with a different request',
        );
      }
      if (claim.outcome === 'in_flight') {
        throw DomainError.conflict('A request with this Idempotency-Key is still in progress');
      }
      if (claim.outcome === 'completed') {
        void reply.header(REPLAYED_HEADER, 'true');
        return claim.body;
      }
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.store.complete(accountId, key, fingerprint, status, body, this.clock.now());
      return body;
    });
  }
}
