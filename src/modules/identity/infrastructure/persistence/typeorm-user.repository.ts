import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { ROLES, Role } from '../../../../shared/domain/actor';
import {
  UserChanges,
  UserCounts,
  UserRepository,
  UserSearch,
} from '../../domain/ports/user.repository';
import { Account, NewUser, User, USER_STATUSES, UserStatus } from '../../domain/user';
import { ACCOUNT_COLUMNS, ORGANIZATION_OF_USER } from './account.sql';
import { AccountRow, toAccount, toUser } from './identity.mapper';
import { UserOrmEntity } from './user.orm-entity';

const ACCOUNT_QUERY = `SELECT ${ACCOUNT_COLUMNS} FROM users u ${ORGANIZATION_OF_USER}`;

@Injectable()
export class TypeOrmUserRepository extends UserRepository {
  constructor(private readonly transactions: TransactionContext) {
    super();
  }

  private get rows() {
    return this.transactions.manager().getRepository(UserOrmEntity);
  }

  async findById(id: number): Promise<User | null> {
    const row = await this.rows.findOneBy({ id });
    return row ? toUser(row) : null;
  }

  async findByEmail(email: string): Promise<User | null> {
    const row = await this.rows
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
    return row ? toUser(row) : null;
  }

  async findAccount(id: number): Promise<Account | null> {
    const [row] = await this.query<AccountRow>(`${ACCOUNT_QUERY} WHERE u.id = $1`, [id]);
    return row ? toAccount(row) : null;
  }

  async findAccountByEmail(email: string): Promise<Account | null> {
    const [row] = await this.query<AccountRow>(
      `${ACCOUNT_QUERY} WHERE lower(u.email) = lower($1)`,
      [email],
    );
    return row ? toAccount(row) : null;
  }

  async create(user: NewUser): Promise<User | null> {
    const inserted = await this.query<{ id: number }>(
      `INSERT INTO users (email, password_hash, first_name, last_name, role, status,
                          organization_id, subscription_tier)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ((lower(email))) DO NOTHING
       RETURNING id`,
      [
        user.email,
        user.passwordHash,
        user.firstName,
        user.lastName,
        user.role,
        user.status,
        user.organizationId,
        user.subscriptionTier,
      ],
    );
    return inserted[0] ? this.findById(inserted[0].id) : null;
  }

  async update(id: number, changes: UserChanges): Promise<void> {
    const values: Partial<UserOrmEntity> = {};
    if (changes.role !== undefined) values.role = changes.role;
    if (changes.status !== undefined) values.status = changes.status;
    if (changes.subscriptionTier !== undefined) values.subscriptionTier = changes.subscriptionTier;
    if (changes.organizationId !== undefined) values.organizationId = changes.organizationId;
    if (Object.keys(values).length > 0) await this.rows.update({ id }, values);
  }

  async search(search: UserSearch): Promise<{ accounts: Account[]; total: number }> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    if (search.query) {
      parameters.push(`%${escapeLike(search.query)}%`);
      const p = `$${parameters.length}`;
      conditions.push(`(u.email ILIKE ${p} OR u.first_name ILIKE ${p} OR u.last_name ILIKE ${p})`);
    }
    if (search.role) {
      parameters.push(search.role);
      conditions.push(`u.role = $${parameters.length}`);
    }
    if (search.status) {
      parameters.push(search.status);
      conditions.push(`u.status = $${parameters.length}`);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const [{ total }] = await this.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM users u ${where}`,
      parameters,
    );
    const page = parameters.length;
    const rows = await this.query<AccountRow>(
      `${ACCOUNT_QUERY} ${where} ORDER BY u.created_at DESC, u.id DESC
       LIMIT $${page + 1} OFFSET $${page + 2}`,
      [...parameters, search.limit, (search.page - 1) * search.limit],
    );
    return { accounts: rows.map(toAccount), total };
  }

  async countByRoleAndStatus(): Promise<UserCounts> {
    const rows: Array<{ role: Role; status: UserStatus; n: number }> = await this.transactions
      .manager()
      .query('SELECT role, status, count(*)::int AS n FROM users GROUP BY role, status');
    const counts: UserCounts = {
      total: 0,
      byRole: Object.fromEntries(ROLES.map((role) => [role, 0])) as Record<Role, number>,
      byStatus: Object.fromEntries(USER_STATUSES.map((status) => [status, 0])) as Record<
        UserStatus,
        number
      >,
    };
    for (const row of rows) {
      counts.total += row.n;
      counts.byRole[row.role] += row.n;
      counts.byStatus[row.status] += row.n;
    }
    return counts;
  }

  private query<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    return this.transactions.manager().query(sql, parameters);
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
