import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../database/transaction-context';

export interface AuditLogFilter {
  actorId?: number;
  targetType?: string;
  targetId?: string;
  action?: string;
  /** Inclusive bounds of `occurred_at`. */
  from?: Date;
  to?: Date;
  page: number;
  limit: number;
}

export interface AuditLogRecord {
  id: number;
  actorUserId: number;
  action: string;
  targetType: string;
  targetId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  occurredAt: Date;
}

interface AuditLogRow {
  id: string;
  actor_user_id: number;
  action: string;
  target_type: string;
  target_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string | null;
  occurred_at: Date;
}

/** Reads the audit log for operators, newest first; each filter has its index. */
@Injectable()
export class AuditLogReader {
  constructor(private readonly context: TransactionContext) {}

  async list(filter: AuditLogFilter): Promise<{ items: AuditLogRecord[]; total: number }> {
    const parameters: unknown[] = [];
    const conditions: string[] = [];
    const add = (sql: string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql.replace('?', `$${parameters.length}`));
    };
    if (filter.actorId !== undefined) add('actor_user_id = ?', filter.actorId);
    if (filter.targetType !== undefined) add('target_type = ?', filter.targetType);
    if (filter.targetId !== undefined) add('target_id = ?', filter.targetId);
    if (filter.action !== undefined) add('action = ?', filter.action);
    if (filter.from !== undefined) add('occurred_at >= ?', filter.from);
    if (filter.to !== undefined) add('occurred_at <= ?', filter.to);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const manager = this.context.manager();
    const [{ total }]: Array<{ total: number }> = await manager.query(
      `SELECT count(*)::int AS total FROM audit_log ${where}`,
      parameters,
    );
    const rows: AuditLogRow[] = await manager.query(
      `SELECT id, actor_user_id, action, target_type, target_id, before, after, request_id,
              occurred_at
         FROM audit_log ${where}
        ORDER BY occurred_at DESC, id DESC
        LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}`,
      [...parameters, filter.limit, (filter.page - 1) * filter.limit],
    );
    return {
      total,
      items: rows.map((row) => ({
        id: Number(row.id),
        actorUserId: row.actor_user_id,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        before: row.before,
        after: row.after,
        requestId: row.request_id,
        occurredAt: row.occurred_at,
      })),
    };
  }
}
