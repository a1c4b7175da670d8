import { Booking, BookingProps } from '../../../src/modules/bookings/domain/booking';
import { BookingError } from '../../../src/modules/bookings/domain/booking.errors';
import {
  BOOKING_STATUSES,
  BookingStatus,
  HOLDING_STATUSES,
} from '../../../src/modules/bookings/domain/booking-status';
import {
  BookingCounts,
  BookingInsertOutcome,
  BookingPage,
  BookingRepository,
  BookingSearch,
} from '../../../src/modules/bookings/domain/ports/booking.repository';

const overlaps = (a: BookingProps, b: BookingProps) =>
  a.companionId === b.companionId && a.startsAt < b.endsAt && b.startsAt < a.endsAt;
const holds = (props: BookingProps) => HOLDING_STATUSES.includes(props.status);

/**
 * BookingRepository in memory, with the database's rules that use cases rely on: unique codes,
 * no two held bookings of one staff member overlapping (the exclusion constraint), locks in id
 * order. Every read returns a fresh aggregate, as a query would.
 */
export class InMemoryBookingRepository extends BookingRepository {
  private readonly rows = new Map<number, BookingProps>();
  private nextId = 1;
  /** How many of the next inserts find their code taken, to exercise a collision. */
  codeCollisions = 0;
  /** Every code an insert tried, in order. */
  readonly triedCodes: string[] = [];
  /** Runs once before the next lock: another transaction's change, committed meanwhile. */
  beforeNextLock: (() => void) | null = null;

  /** Stores a booking as if an earlier request had created it; returns it as read back. */
  seed(booking: Booking): Booking {
    const id = this.nextId++;
    booking.assignId(id);
    booking.pullTransitions();
    this.rows.set(id, { ...booking.snapshot });
    return this.read(id);
  }

  /** Changes a stored booking behind the use case's back (another request's commit). */
  change(id: number, change: (props: BookingProps) => BookingProps): void {
    this.rows.set(id, change({ ...(this.rows.get(id) as BookingProps) }));
  }

  all(): BookingProps[] {
    return [...this.rows.values()].map((props) => ({ ...props }));
  }

  async insertIfAvailable(booking: Booking): Promise<BookingInsertOutcome> {
    const props = booking.snapshot;
    this.triedCodes.push(props.code);
    if (this.all().some((row) => holds(row) && overlaps(row, props))) return 'unavailable';
    if (this.codeCollisions > 0 || this.all().some((row) => row.code === props.code)) {
      this.codeCollisions = Math.max(0, this.codeCollisions - 1);
      return 'code_taken';
    }
    const id = this.nextId++;
    booking.assignId(id);
    const priorityUntil = this.rebookingPriorities.get(props.clientUserId);
    if (priorityUntil && priorityUntil > props.createdAt) booking.grantPriority();
    this.rows.set(id, { ...booking.snapshot });
    return 'inserted';
  }

  async findByCode(code: string): Promise<Booking | null> {
    const row = this.all().find((candidate) => candidate.code === code);
    return row ? this.read(row.id as number) : null;
  }

  async findById(id: number): Promise<Booking | null> {
    return this.rows.has(id) ? this.read(id) : null;
  }

  lockByCode(code: string): Promise<Booking | null> {
    this.runBeforeLock();
    return this.findByCode(code);
  }

  async lockById(id: number): Promise<Booking | null> {
    this.runBeforeLock();
    return this.rows.has(id) ? this.read(id) : null;
  }

  async lockWithOverlappingPending(booking: Booking): Promise<Booking[]> {
    this.runBeforeLock();
    return this.all()
      .filter(
        (row) =>
          row.id === booking.id || (row.status === 'pending' && overlaps(row, booking.snapshot)),
      )
      .sort((a, b) => (a.id as number) - (b.id as number))
      .map((row) => this.read(row.id as number));
  }

  async save(booking: Booking): Promise<void> {
    const props = booking.snapshot;
    const clash = this.all().some(
      (row) => row.id !== props.id && holds(row) && holds(props) && overlaps(row, props),
    );
    if (clash) throw BookingError.notAvailable();
    this.rows.set(props.id as number, { ...props });
  }

  async listFor(
    userId: number,
    filter: { status?: string; page: number; limit: number },
  ): Promise<BookingPage> {
    const mine = this.all()
      .filter((row) => [row.clientUserId, row.staffUserId, row.createdByUserId].includes(userId))
      .filter((row) => !filter.status || row.status === filter.status)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id ?? 0) - (a.id ?? 0));
    const start = (filter.page - 1) * filter.limit;
    return {
      items: mine.slice(start, start + filter.limit).map((row) => Booking.restore(row)),
      total: mine.length,
    };
  }

  async search(filter: BookingSearch): Promise<BookingPage> {
    const found = this.all()
      .filter((row) => filter.code === undefined || row.code === filter.code)
      .filter((row) => filter.status === undefined || row.status === filter.status)
      .filter((row) => filter.from === undefined || row.eventDate >= filter.from)
      .filter((row) => filter.to === undefined || row.eventDate <= filter.to)
      .filter((row) => filter.staffUserId === undefined || row.staffUserId === filter.staffUserId)
      .filter(
        (row) => filter.clientUserId === undefined || row.clientUserId === filter.clientUserId,
      )
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id ?? 0) - (a.id ?? 0));
    const start = (filter.page - 1) * filter.limit;
    return {
      items: found.slice(start, start + filter.limit).map((row) => Booking.restore(row)),
      total: found.length,
    };
  }

  async countCreatedBetween(from: Date, until: Date): Promise<BookingCounts> {
    const byStatus = Object.fromEntries(BOOKING_STATUSES.map((status) => [status, 0])) as Record<
      BookingStatus,
      number
    >;
    const created = this.all().filter((row) => row.createdAt >= from && row.createdAt < until);
    for (const row of created) byStatus[row.status] += 1;
    const ids = created.map((row) => row.id as number).sort((x, y) => x - y);
    const idRuns: Array<{ first: number; last: number }> = [];
    for (const id of ids) {
      const run = idRuns.at(-1);
      if (run && run.last === id - 1) run.last = id;
      else idRuns.push({ first: id, last: id });
    }
    return { total: created.length, byStatus, idRuns };
  }

  private runBeforeLock(): void {
    const change = this.beforeNextLock;
    this.beforeNextLock = null;
    change?.();
  }

  /** Client user id → until when their requests are flagged `priority`. */
  readonly rebookingPriorities = new Map<number, Date>();

  async grantRebookingPriority(clientUserId: number, until: Date): Promise<void> {
    const current = this.rebookingPriorities.get(clientUserId);
    if (!current || current < until) this.rebookingPriorities.set(clientUserId, until);
  }

  /** In memory there is no commit to wait for: written at once. */
  saveAtCommit(booking: Booking): Promise<void> {
    return this.save(booking);
  }

  private read(id: number): Booking {
    return Booking.restore({ ...(this.rows.get(id) as BookingProps) });
  }
}
