import { CancellationPolicy } from './cancellation-policy';
import { BookingStatus } from './booking-status';
import {
  allowedBy,
  allowedFrom,
  BOOKING_TRANSITIONS,
  BookingAction,
  BookingParty,
} from './booking-transitions';
import { BookingError } from './booking.errors';

/** Who acts on a booking: a user (as one of its parties) or the platform. */
export interface BookingActor {
  userId: number | null;
  party: BookingParty;
}

export const SYSTEM: BookingActor = { userId: null, party: 'system' };

/** One recorded step of the lifecycle (CONTRACT §4.7: who, when, from, to, reason). */
export interface BookingTransition {
  action: BookingAction | 'request';
  from: BookingStatus | null;
  to: BookingStatus;
  by: BookingActor;
  reason: string | null;
  at: Date;
  version: number;
}

export interface BookingProps {
  id: number | null;
  code: string;
  companionId: number;
  staffUserId: number;
  clientUserId: number;
  createdByUserId: number;
  createdByApiKeyId: number | null;
  status: BookingStatus;
  eventDate: string;
  startTime: string;
  durationHours: number;
  timezone: string;
  startsAt: Date;
  endsAt: Date;
  serviceType: string;
  location: string;
  notes: string | null;
  cancellationInsurance: boolean;
  hourlyRateCents: number;
  dailyRateCents: number | null;
  subtotalCents: number;
  insuranceFeeCents: number;
  totalCents: number;
  currency: string;
  cancellationPolicy: CancellationPolicy;
  cancelledBy: BookingParty | null;
  cancellationReason: string | null;
  refundCents: number | null;
  checkedInAt: Date | null;
  completedAt: Date | null;
  paymentStatus: string;
  expiresAt: Date;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A booking request that passed every check (CONTRACT §4.1–4.3): who books whom, when and where,
 * priced, with the cancellation policy in force. Everything the aggregate needs to create it.
 */
export type BookingDraft = Omit<
  BookingProps,
  | 'id'
  | 'code'
  | 'status'
  | 'cancelledBy'
  | 'cancellationReason'
  | 'refundCents'
  | 'checkedInAt'
  | 'completedAt'
  | 'paymentStatus'
  | 'expiresAt'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
> & { requestedAt: Date };

/** Pending requests expire after 48 hours without an answer, or at their start if sooner. */
export const PENDING_TTL_MS = 48 * 3_600_000;

/** The booking aggregate: its state and every rule about how that state may change. */
export class Booking {
  private readonly uncommitted: BookingTransition[] = [];

  private constructor(private props: BookingProps) {}

  /**
   * A new pending request from a checked draft, made by its creator on the client's side. It
   * expires after 48 hours without an answer, or at its start when that is sooner.
   */
  static request(draft: BookingDraft, code: string): Booking {
    const { requestedAt: now, ...requested } = draft;
    const by: BookingActor = { userId: draft.createdByUserId, party: 'client' };
    const expiresAt = new Date(Math.min(now.getTime() + PENDING_TTL_MS, draft.startsAt.getTime()));
    const booking = new Booking({
      ...requested,
      id: null,
      code,
      status: 'pending',
      cancelledBy: null,
      cancellationReason: null,
      refundCents: null,
      checkedInAt: null,
      completedAt: null,
      paymentStatus: 'unpaid',
      expiresAt,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    booking.uncommitted.push({
      action: 'request',
      from: null,
      to: 'pending',
      by,
      reason: null,
      at: now,
      version: 1,
    });
    return booking;
  }

  static restore(props: BookingProps): Booking {
    return new Booking({ ...props });
  }

  get id(): number | null {
    return this.props.id;
  }

  get code(): string {
    return this.props.code;
  }

  get status(): BookingStatus {
    return this.props.status;
  }

  /** Increases with every transition; tells whether the booking changed since it was read. */
  get version(): number {
    return this.props.version;
  }

  get snapshot(): Readonly<BookingProps> {
    return this.props;
  }

  assignId(id: number): void {
    this.props = { ...this.props, id };
  }

  /** A fresh code after a collision; only before the booking is stored. */
  reassignCode(code: string): void {
    if (this.props.id !== null) throw new Error('A stored booking keeps its code');
    this.props = { ...this.props, code };
  }

  /** Which party a user is on this booking, if any. */
  partyOf(userId: number): 'client' | 'staff' | null {
    if (userId === this.props.staffUserId) return 'staff';
    if (userId === this.props.clientUserId || userId === this.props.createdByUserId)
      return 'client';
    return null;
  }

  isVisibleTo(userId: number, isAdmin: boolean): boolean {
    return isAdmin || this.partyOf(userId) !== null;
  }

  accept(by: BookingActor, now: Date): BookingTransition {
    return this.apply('accept', by, null, now);
  }

  decline(by: BookingActor, reason: string | null, now: Date): BookingTransition {
    return this.apply('decline', by, reason, now);
  }

  cancel(by: BookingActor, reason: string | null, now: Date): BookingTransition {
    return this.apply('cancel', by, reason, now);
  }

  /** Another request for the same slot was accepted (CONTRACT §4.3). */
  declineAsSlotTaken(now: Date): BookingTransition {
    return this.apply('decline_slot_taken', SYSTEM, 'slot_taken', now);
  }

  isDueToExpire(now: Date): boolean {
    return this.props.status === 'pending' && now.getTime() >= this.props.expiresAt.getTime();
  }

  expire(now: Date): BookingTransition {
    if (!this.isDueToExpire(now) && this.props.status === 'pending') {
      throw BookingError.notYetDue();
    }
    return this.apply('expire', SYSTEM, 'expired', now);
  }

  /** Transitions not yet written to the outbox; BookingEventRecorder drains them into it. */
  pullTransitions(): BookingTransition[] {
    return this.uncommitted.splice(0, this.uncommitted.length);
  }

  private apply(
    action: BookingAction,
    by: BookingActor,
    reason: string | null,
    now: Date,
  ): BookingTransition {
    if (!allowedBy(action, by.party)) throw BookingError.wrongParty();
    if (!allowedFrom(action, this.props.status)) {
      throw BookingError.notAllowed(action, this.props.status);
    }
    const to = BOOKING_TRANSITIONS[action].to;
    const transition: BookingTransition = {
      action,
      from: this.props.status,
      to,
      by,
      reason,
      at: now,
      version: this.props.version + 1,
    };
    this.props = {
      ...this.props,
      status: to,
      version: transition.version,
      updatedAt: now,
      ...(to === 'cancelled' ? { cancelledBy: by.party, cancellationReason: reason } : {}),
      ...(to === 'completed' ? { completedAt: now } : {}),
    };
    this.uncommitted.push(transition);
    return transition;
  }
}
