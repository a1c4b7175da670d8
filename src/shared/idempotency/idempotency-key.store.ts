import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../database/transaction-context';

export type IdempotencyClaim =
  | { outcome: 'claimed' }
  | { outcome: 'in_flight' }
  | { outcome: 'mismatch' }
  | { outcome: 'completed'; status: number; body: unknown };

export const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000;

interface KeyRow {
  fingerprint: string;
  state: 'in_flight' | 'completed';
  response_status: number | null;
  response_body: unknown;
  created_at: Date;
}

/**
 * Idempotency-Key rows (CONTRACT §4.5). A key is claimed by inserting its row first, in a
 * statement of its own, so that concurrent requests with one key cannot both run.
 */
@Injectable()
export class IdempotencyKeyStore {
  constructor(private readonly context: TransactionContext) {}

  async claim(
    accountId: number,
    key: string,
    fingerprint: string,
    now: Date,
  ): Promise<IdempotencyClaim> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const inserted: unknown[] = await this.context.manager().query(
        `INSERT INTO idempotency_keys (account_id, key, fingerprint, state, created_at)
         VALUES ($1, $2, $3, 'in_flight', $4)
         ON CONFLICT (account_id, key) DO NOTHING
         RETURNING 1 AS claimed`,
        [accountId, key, fingerprint, now],
      );
      if (inserted.length === 1) return { outcome: 'claimed' };
      const [existing]: KeyRow[] = await this.context.manager().query(
        `SELECT fingerprint, state, response_status, response_body, created_at
           FROM idempotency_keys WHERE account_id = $1 AND key = $2`,
        [accountId, key],
      );
      if (!existing) continue;
      if (now.getTime() - existing.created_at.getTime() >= IDEMPOTENCY_WINDOW_MS) {
        await this.context
          .manager()
          .query(
            'DELETE FROM idempotency_keys WHERE account_id = $1 AND key = $2 AND created_at = $3',
            [accountId, key, existing.created_at],
          );
        continue;
      }
      if (existing.fingerprint !== fingerprint) return { outcome: 'mismatch' };
      if (existing.state === 'in_flight') return { outcome: 'in_flight' };
      return {
        outcome: 'completed',
        status: existing.response_status ?? 200,
        body: existing.response_body,
      };
    }
    return { outcome: 'in_flight' };
  }

  /** Records the response; called inside the work's transaction, so both commit together. */
  async complete(
    accountId: number,
    key: string,
    status: number,
    body: unknown,
    now: Date,
  ): Promise<void> {
    await this.context.writeAtCommit(
      `UPDATE idempotency_keys
          SET state = 'completed', response_status = $3, response_body = $4::jsonb, completed_at = $5
        WHERE account_id = $1 AND key = $2`,
      [accountId, key, status, JSON.stringify(body ?? null), now],
    );
  }

  /** The work failed: the key is free again, so the client may retry with it. */
  async release(accountId: number, key: string): Promise<void> {
    await this.context
      .manager()
      .query(
        `DELETE FROM idempotency_keys WHERE account_id = $1 AND key = $2 AND state = 'in_flight'`,
        [accountId, key],
      );
  }
}
