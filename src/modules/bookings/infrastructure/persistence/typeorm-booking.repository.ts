import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { Booking } from '../../domain/booking';
import { HOLDING_STATUSES } from '../../domain/booking-status';
import { BookingError } from '../../domain/booking.errors';
import { BookingPage, BookingRepository } from '../../domain/ports/booking.repository';
import { BookingOrmEntity } from './booking.orm-entity';
import { toDomain, toOrmRow } from './booking.mapper';

const EXCLUSION_VIOLATION = '23P01';

@Injectable()
export class TypeOrmBookingRepository extends BookingRepository {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  private rows() {
    return this.context.manager().getRepository(BookingOrmEntity);
  }

  async insertIfCodeFree(booking: Booking): Promise<boolean> {
    const result = await this.rows()
      .createQueryBuilder()
      .insert()
      .into(BookingOrmEntity)
      .values(toOrmRow(booking))
      .orIgnore()
      .returning(['id'])
      .execute();
    const [row] = result.raw as Array<{ id: number }>;
    if (!row) return false;
    booking.assignId(row.id);
    return true;
  }

  async findByCode(code: string): Promise<Booking | null> {
    const row = await this.rows().findOneBy({ bookingCode: code });
    return row ? toDomain(row) : null;
  }

  async lockByCode(code: string): Promise<Booking | null> {
    const row = await this.rows()
      .createQueryBuilder('b')
      .where('b.booking_code = :code', { code })
      .setLock('pessimistic_write')
      .getOne();
    return row ? toDomain(row) : null;
  }

  async lockById(id: number): Promise<Booking | null> {
    const row = await this.rows()
      .createQueryBuilder('b')
      .where('b.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    return row ? toDomain(row) : null;
  }

  async lockWithOverlappingPending(booking: Booking): Promise<Booking[]> {
    const b = booking.snapshot;
    // One statement, locking in id order, so that concurrent accepts cannot deadlock each other.
    const rows = await this.rows()
      .createQueryBuilder('b')
      .where('b.id = :id', { id: b.id })
      .orWhere(
        `(b.companion_id = :companionId AND b.status = 'pending'
          AND tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange(:startsAt, :endsAt, '[)'))`,
        { companionId: b.companionId, startsAt: b.startsAt, endsAt: b.endsAt },
      )
      .orderBy('b.id')
      .setLock('pessimistic_write')
      .getMany();
    return rows.map(toDomain);
  }

  async save(booking: Booking): Promise<void> {
    const { id, ...changes } = { id: booking.id, ...toOrmRow(booking) };
    try {
      await this.rows().update({ id: id as number }, changes);
    } catch (error) {
      if (error instanceof QueryFailedError && errorCode(error) === EXCLUSION_VIOLATION) {
        throw BookingError.notAvailable();
      }
      throw error;
    }
  }

  async overlapsHeldInterval(companionId: number, startsAt: Date, endsAt: Date): Promise<boolean> {
    const found: unknown[] = await this.context.manager().query(
      `SELECT 1 FROM bookings
        WHERE companion_id = $1 AND status = ANY($2)
          AND tstzrange(starts_at, ends_at, '[)') && tstzrange($3, $4, '[)')
        LIMIT 1`,
      [companionId, HOLDING_STATUSES, startsAt, endsAt],
    );
    return found.length > 0;
  }

  async listFor(
    userId: number,
    filter: { status?: string; page: number; limit: number },
  ): Promise<BookingPage> {
    const query = this.rows()
      .createQueryBuilder('b')
      .where(
        '(b.client_user_id = :userId OR b.staff_user_id = :userId OR b.created_by_user_id = :userId)',
        { userId },
      );
    if (filter.status) query.andWhere('b.status = :status', { status: filter.status });
    const [rows, total] = await query
      .orderBy('b.created_at', 'DESC')
      .addOrderBy('b.id', 'DESC')
      .skip((filter.page - 1) * filter.limit)
      .take(filter.limit)
      .getManyAndCount();
    return { items: rows.map(toDomain), total };
  }
}

function errorCode(error: QueryFailedError): string | undefined {
  return (error.driverError as { code?: string } | undefined)?.code;
}
