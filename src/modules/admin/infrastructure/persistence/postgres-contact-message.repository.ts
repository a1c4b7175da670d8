import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import {
  ContactMessage,
  ContactMessageStatus,
  NewContactMessage,
} from '../../domain/contact-message';
import { ContactMessageRepository } from '../../domain/ports/contact-message.repository';

interface ContactMessageRow {
  id: number;
  name: string;
  email: string;
  subject: string;
  message: string;
  created_at: Date;
  handled_at: Date | null;
  handled_by_user_id: number | null;
}

const COLUMNS = 'id, name, email, subject, message, created_at, handled_at, handled_by_user_id';

@Injectable()
export class PostgresContactMessageRepository extends ContactMessageRepository {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  async insert(message: NewContactMessage, now: Date): Promise<ContactMessage> {
    const [row]: ContactMessageRow[] = await this.context.manager().query(
      `INSERT INTO contact_messages (name, email, subject, message, created_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [message.name, message.email, message.subject, message.message, now],
    );
    return toMessage(row);
  }

  async lockById(id: number): Promise<ContactMessage | null> {
    const rows: ContactMessageRow[] = await this.context
      .manager()
      .query(`SELECT ${COLUMNS} FROM contact_messages WHERE id = $1 FOR UPDATE`, [id]);
    return rows.length > 0 ? toMessage(rows[0]) : null;
  }

  async markHandled(id: number, byUserId: number, now: Date): Promise<ContactMessage> {
    const [rows]: [ContactMessageRow[], number] = await this.context.manager().query(
      `UPDATE contact_messages SET handled_at = $2, handled_by_user_id = $3
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, now, byUserId],
    );
    return toMessage(rows[0]);
  }

  async list(filter: {
    status?: ContactMessageStatus;
    page: number;
    limit: number;
  }): Promise<{ items: ContactMessage[]; total: number }> {
    const where =
      filter.status === 'open'
        ? 'WHERE handled_at IS NULL'
        : filter.status === 'handled'
          ? 'WHERE handled_at IS NOT NULL'
          : '';
    const manager = this.context.manager();
    const [{ total }]: Array<{ total: number }> = await manager.query(
      `SELECT count(*)::int AS total FROM contact_messages ${where}`,
    );
    const rows: ContactMessageRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM contact_messages ${where}
        ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2`,
      [filter.limit, (filter.page - 1) * filter.limit],
    );
    return { items: rows.map(toMessage), total };
  }
}

function toMessage(row: ContactMessageRow): ContactMessage {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    subject: row.subject,
    message: row.message,
    createdAt: row.created_at,
    handledAt: row.handled_at,
    handledByUserId: row.handled_by_user_id,
  };
}
