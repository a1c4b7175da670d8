import { CancellationPolicy } from './cancellation-policy';
import { BookingStatus, PaymentStatus, paymentStatusAfterRefund } from './booking-status';
import { CancellationRefund, cancellationRefund } from './cancellation-refund';
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
  paymentStatus: PaymentStatus;
  /** Requested by a client whose booking a staff member cancelled lately: listed first to staff. */
  priority: boolean;
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
  | 'priority'
  | 'expiresAt'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
> & { requestedAt: Date };

const HOUR_MS = 3_600_000;
/** Pending requests expire after 48 hours without an answer, or at their start if sooner. */
export const PENDING_TTL_MS = 48 * HOUR_MS;
/** Check-in opens this long before the start and closes at the end (CONTRACT §4.7). */
export const CHECK_IN_OPENS_BEFORE_MS = 2 * HOUR_MS;
/** After a staff cancellation, the client's requests are flagged `priority` this long (§5.3). */
export const REBOOKING_PRIORITY_MS = 30 * 24 * HOUR_MS;
/** A paid booking nobody completed or disputed completes this long after its end. */
export const AUTO_COMPLETE_AFTER_MS = 72 * HOUR_MS;

/** An operator's settlement of a dispute (CONTRACT §8): the refund in minor units. */
export type DisputeResolution = { outcome: 'release' } | { outcome: 'refund'; refundCents: number };

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
      priority: false,
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

  /**
   * The client has priority rebooking (CONTRACT §5.3: a staff member cancelled one of their
   * bookings within the last 30 days): this request is listed first to staff.
   */
  grantPriority(): void {
    this.props = { ...this.props, priority: true };
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

  /**
   * A paid booking is refunded by the rule of its stored policy at this instant (§5.3), exactly
   * what `quoteCancellation` says; an unpaid one has nothing to refund.
   */
  cancel(by: BookingActor, reason: string | null, now: Date): BookingTransition {
    this.ensureAllowed('cancel', by);
    const refund = this.props.status === 'paid' ? this.refundIfCancelledBy(by, now) : null;
    const transition = this.apply('cancel', by, reason, now);
    if (refund) this.recordRefund(refund.refundCents);
    return transition;
  }

  /** What cancelling by this party would refund right now (CONTRACT §4.8). */
  quoteCancellation(by: BookingActor, now: Date): CancellationRefund {
    this.ensureAllowed('cancel', by);
    return this.refundIfCancelledBy(by, now);
  }

  /** What the client paid: the total once the booking is paid (and until it is cancelled). */
  get chargedCents(): number {
    const paidStates: BookingStatus[] = ['paid', 'completed', 'disputed'];
    return paidStates.includes(this.props.status) ? this.props.totalCents : 0;
  }

  /** The payment of an `accepted` booking arrived: funds held in escrow (CONTRACT §4.7). */
  confirmPayment(now: Date): BookingTransition {
    const transition = this.apply('confirm_payment', SYSTEM, null, now);
    this.props = { ...this.props, paymentStatus: 'paid' };
    return transition;
  }

  /**
   * A payment arrived for a booking that can no longer take it; it is refunded in full, and the
   * booking says so.
   */
  recordRefundedLatePayment(amountCents: number, now: Date): void {
    this.props = {
      ...this.props,
      paymentStatus: 'refunded',
      refundCents: (this.props.refundCents ?? 0) + amountCents,
      updatedAt: now,
    };
  }

  /** The staff member arrived: from 2 h before the start until the end. */
  checkIn(by: BookingActor, now: Date): BookingTransition {
    this.ensureAllowed('check_in', by);
    const opensAt = new Date(this.props.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS);
    if (now.getTime() < opensAt.getTime()) throw BookingError.checkInNotOpen(opensAt);
    if (now.getTime() >= this.props.endsAt.getTime()) {
      throw BookingError.checkInClosed(this.props.endsAt);
    }
    if (this.props.checkedInAt) throw BookingError.alreadyCheckedIn();
    const transition = this.apply('check_in', by, null, now);
    this.props = { ...this.props, checkedInAt: now };
    return transition;
  }

  /** The client confirms the booking took place: once it has ended. */
  complete(by: BookingActor, now: Date): BookingTransition {
    this.ensureAllowed('complete', by);
    if (by.party === 'system') {
      if (!this.isDueToAutoComplete(now)) throw BookingError.autoCompletionNotDue();
    } else if (now.getTime() < this.props.endsAt.getTime()) {
      throw BookingError.completionNotOpen(this.props.endsAt);
    }
    return this.apply('complete', by, null, now);
  }

  get autoCompletesAt(): Date {
    return new Date(this.props.endsAt.getTime() + AUTO_COMPLETE_AFTER_MS);
  }

  /** Paid, undisputed and 72 h past its end (a dispute stops auto-completion). */
  isDueToAutoComplete(now: Date): boolean {
    return this.props.status === 'paid' && now.getTime() >= this.autoCompletesAt.getTime();
  }

  dispute(by: BookingActor, reason: string, now: Date): BookingTransition {
    return this.apply('dispute', by, reason, now);
  }

  /** An operator settles the dispute: completed and paid out, or cancelled with a refund. */
  resolveDispute(
    resolution: DisputeResolution,
    operatorUserId: number,
    now: Date,
  ): BookingTransition {
    const by: BookingActor = { userId: operatorUserId, party: 'system' };
    if (resolution.outcome === 'release')
      return this.apply('resolve_release', by, 'dispute_released', now);
    const refundCents = Math.min(Math.max(0, resolution.refundCents), this.props.totalCents);
    const transition = this.apply('resolve_refund', by, 'dispute_refunded', now);
    this.recordRefund(refundCents);
    return transition;
  }

  private refundIfCancelledBy(by: BookingActor, now: Date): CancellationRefund {
    const b = this.props;
    return cancellationRefund({
      policy: b.cancellationPolicy,
      cancelledBy: by.party === 'staff' ? 'staff' : 'client',
      at: now,
      startsAt: b.startsAt,
      subtotalCents: b.subtotalCents,
      insuranceFeeCents: b.insuranceFeeCents,
      cancellationInsurance: b.cancellationInsurance,
      chargedCents: this.chargedCents,
    });
  }

  private recordRefund(refundCents: number): void {
    this.props = {
      ...this.props,
      refundCents,
      paymentStatus: paymentStatusAfterRefund(refundCents, this.props.totalCents),
    };
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

  /** The party may take the action, and the booking's status allows it (403, then 409). */
  private ensureAllowed(action: BookingAction, by: BookingActor): void {
    if (!allowedBy(action, by.party)) throw BookingError.wrongParty();
    if (!allowedFrom(action, this.props.status)) {
      throw BookingError.notAllowed(actionName(action), this.props.status);
    }
  }

  private apply(
    action: BookingAction,
    by: BookingActor,
    reason: string | null,
    now: Date,
  ): BookingTransition {
    this.ensureAllowed(action, by);
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

/** How an action is named in messages: `check_in` is the `check-in` of the API. */
function actionName(action: BookingAction): string {
  return action.replace(/_/g, '-');
}
