import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../database/transaction-context';

export type IdempotencyClaim =
  | { outcome: 'claimed' }
  | { outcome: 'in_flight' }
  | { outcome: 'mismatch' }
  | { outcome: 'completed'; status: number; body: unknown };

export const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000;

/**
 * How long the transaction of a claimed key may sit waiting on its process before PostgreSQL
 * ends it: the bound on a claim whose process froze or whose host vanished without closing its
 * connection. A process that dies releases its claims at once (its connections close).
 */
export const ABANDONED_CLAIM_TIMEOUT_MS = 120_000;

interface KeyRow {
  fingerprint: string;
  state: 'in_flight' | 'completed';
  response_status: number | null;
  response_body: unknown;
  created_at: Date;
}

/**
 * Idempotency-Key records (CONTRACT §4.5). A key is claimed by a transaction-scoped advisory
 * lock taken in the request's own transaction: concurrent requests with the key see it held
 * (409), and it ends with the transaction, whether that commits, rolls back or dies with its
 * process, so a claim can never outlive the request that made it. The stored response is written
 * in the same transaction as the work.
 */
@Injectable()
export class IdempotencyKeyStore {
  constructor(private readonly context: TransactionContext) {}

  /** Must run inside the transaction of the work the key protects. */
  async claim(
    accountId: number,
    key: string,
    fingerprint: string,
    now: Date,
  ): Promise<IdempotencyClaim> {
    const manager = this.context.manager();
    const [{ locked }]: Array<{ locked: boolean }> = await manager.query(
      `SELECT set_config('idle_in_transaction_session_timeout', $3, true) IS NOT NULL
              AND pg_try_advisory_xact_lock($1, hashtext('idempotency:' || $2)) AS locked`,
      [accountId, key, String(ABANDONED_CLAIM_TIMEOUT_MS)],
    );
    // Read after the lock, in a statement of its own: it sees what the last holder committed.
    const [existing]: KeyRow[] = await manager.query(
      `SELECT fingerprint, state, response_status, response_body, created_at
         FROM idempotency_keys WHERE account_id = $1 AND key = $2`,
      [accountId, key],
    );
    const current =
      existing && now.getTime() - existing.created_at.getTime() < IDEMPOTENCY_WINDOW_MS
        ? existing
        : undefined;
    if (current && current.fingerprint !== fingerprint) return { outcome: 'mismatch' };
    if (!locked) return { outcome: 'in_flight' };
    // An `in_flight` row was left by a request that is no longer running (we hold its lock).
    if (!current || current.state === 'in_flight') return { outcome: 'claimed' };
    return {
      outcome: 'completed',
      status: current.response_status ?? 200,
      body: current.response_body,
    };
  }

  /** Records the response; called inside the work's transaction, so both commit together. */
  async complete(
    accountId: number,
    key: string,
    fingerprint: string,
    status: number,
    body: unknown,
    now: Date,
  ): Promise<void> {
    await this.context.writeAtCommit(
      `INSERT INTO idempotency_keys
              (account_id, key, fingerprint, state, response_status, response_body, created_at,
               completed_at)
       VALUES ($1, $2, $3, 'completed', $4, $5::jsonb, $6, $6)
       ON CONFLICT (account_id, key) DO UPDATE
          SET fingerprint = EXCLUDED.fingerprint, state = 'completed',
              response_status = EXCLUDED.response_status,
              response_body = EXCLUDED.response_body,
              created_at = EXCLUDED.created_at, completed_at = EXCLUDED.completed_at`,
      [accountId, key, fingerprint, status, JSON.stringify(body ?? null), now],
    );
  }
}
