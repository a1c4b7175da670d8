import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BookingHistoryEntry } from '../../../domain/ports/booking-history.reader';
import {
  BOOKING_STATUSES,
  BookingStatus,
  PAYMENT_STATUSES,
  PaymentStatus,
} from '../../../domain/booking-status';
import { BOOKING_ACTIONS, BookingParty } from '../../../domain/booking-transitions';
import { BookingView, toBookingView } from '../../../application/booking.view';
import { Booking } from '../../../domain/booking';
import { ClientRating } from '../../../domain/ports/client-rating.reader';
import { PageMetaResponse } from '../../../../../shared/http/page-meta.response';

const PARTIES: BookingParty[] = ['client', 'staff', 'system'];
const MAJOR_UNITS = 'In major units of `currency` (180 is 180.00)';

/** How staff members rated the client, published reviews only (CONTRACT §7.1). */
export class ClientRatingResponse {
  @ApiProperty({ minimum: 0, maximum: 5, example: 4.67, description: '0 while nobody rated them' })
  rating_avg!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 3 })
  total_reviews!: number;
}

/** The booking as every bookings endpoint shows it; `toBookingView` shapes it. */
export class BookingResponse implements BookingView {
  @ApiProperty({ type: 'integer', example: 1234 })
  id!: number;

  @ApiProperty({ pattern: '^PS-[A-Z0-9]{8}$', example: 'PS-A1B2C3D4' })
  booking_code!: string;

  @ApiProperty({ enum: BOOKING_STATUSES, enumName: 'BookingStatus' })
  status!: BookingStatus;

  @ApiProperty({ minimum: 0, description: `Subtotal plus insurance fee. ${MAJOR_UNITS}` })
  total_amount!: number;

  @ApiProperty({ minimum: 0, description: `Staff rate × duration. ${MAJOR_UNITS}` })
  subtotal_amount!: number;

  @ApiProperty({ minimum: 0, description: `Cancellation insurance, 0 without. ${MAJOR_UNITS}` })
  insurance_fee!: number;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ type: 'integer', example: 42 })
  companion_id!: number;

  @ApiProperty({ format: 'date', description: "Local date in the staff member's `timezone`" })
  event_date!: string;

  @ApiProperty({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'Local wall-clock time' })
  start_time!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 24 })
  duration_hours!: number;

  @ApiProperty({ description: "The staff member's IANA time zone", example: 'Europe/Berlin' })
  timezone!: string;

  @ApiProperty({ format: 'date-time', description: 'The start as an instant (UTC)' })
  starts_at!: string;

  @ApiProperty({ format: 'date-time', description: 'The end as an instant (UTC)' })
  ends_at!: string;

  @ApiProperty()
  service_type!: string;

  @ApiProperty()
  location!: string;

  @ApiProperty({ type: 'string', nullable: true })
  notes!: string | null;

  @ApiProperty()
  cancellation_insurance!: boolean;

  @ApiProperty({ enum: PARTIES, enumName: 'BookingParty', nullable: true })
  cancelled_by!: BookingParty | null;

  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Free text of the party, or `expired` / `slot_taken` when the platform cancelled',
  })
  cancellation_reason!: string | null;

  @ApiProperty({
    type: 'number',
    nullable: true,
    minimum: 0,
    description: `What goes back to the client once the booking is cancelled after payment (or a dispute is settled with a refund); null otherwise. ${MAJOR_UNITS}`,
  })
  refund_amount!: number | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  checked_in_at!: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  completed_at!: string | null;

  @ApiProperty({
    enum: PAYMENT_STATUSES,
    enumName: 'PaymentStatus',
    description:
      '`unpaid` until the payment arrives; `refunded` or `partially_refunded` after a refund',
  })
  payment_status!: PaymentStatus;

  @ApiProperty({
    description:
      'Priority rebooking: the client had a booking cancelled by a staff member within the last 30 days, so staff see this request first',
  })
  priority!: boolean;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'When a pending request lapses unanswered; null once it is not pending',
  })
  expires_at!: string | null;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Grows by one with every transition' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;

  @ApiPropertyOptional({
    type: () => ClientRatingResponse,
    description:
      "The client's rating by the staff members who reviewed them: shown to the booking's staff member (and admins) when reading a booking or the list",
  })
  client_rating?: ClientRatingResponse;
}

/** The answer of a booking action (create, accept, decline, cancel, check-in, complete, dispute). */
export class BookingActionResponse {
  @ApiProperty({ type: 'boolean', enum: [true] })
  success!: true;

  @ApiProperty({ type: () => BookingResponse })
  booking!: BookingResponse;
}

export class BookingEnvelope {
  @ApiProperty({ type: () => BookingResponse })
  booking!: BookingResponse;
}

export class BookingListResponse extends PageMetaResponse {
  @ApiProperty({ type: () => [BookingResponse] })
  bookings!: BookingResponse[];
}

/** One recorded step of a booking's lifecycle (CONTRACT §4.7). */
export class BookingEventResponse {
  @ApiProperty({ type: 'integer', description: 'Position in the global event order' })
  sequence!: number;

  @ApiProperty({ example: 'booking.accepted' })
  type!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The booking version it produced' })
  version!: number | null;

  @ApiProperty({ enum: ['request', ...BOOKING_ACTIONS], enumName: 'BookingAction' })
  action!: string;

  @ApiProperty({ enum: BOOKING_STATUSES, enumName: 'BookingStatus', nullable: true })
  from!: string | null;

  @ApiProperty({ enum: BOOKING_STATUSES, enumName: 'BookingStatus' })
  to!: string;

  @ApiProperty({ enum: PARTIES, enumName: 'BookingParty' })
  by!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Null when the platform acted' })
  by_user_id!: number | null;

  @ApiProperty({ type: 'string', nullable: true })
  reason!: string | null;

  @ApiProperty({ format: 'date-time' })
  occurred_at!: string;
}

export class BookingEventsResponse {
  @ApiProperty({ type: () => [BookingEventResponse], description: 'Oldest first' })
  events!: BookingEventResponse[];
}

export const toBookingResponse: (booking: Booking) => BookingResponse = toBookingView;

/** The booking with its client's rating, for the staff member who handles it. */
export function toRatedBookingResponse(
  booking: Booking,
  ratings: ReadonlyMap<number, ClientRating>,
): BookingResponse {
  const rating = ratings.get(booking.snapshot.id as number);
  const response = toBookingView(booking);
  return rating
    ? {
        ...response,
        client_rating: { rating_avg: rating.ratingAvg, total_reviews: rating.totalReviews },
      }
    : response;
}

export function toBookingEventResponse(entry: BookingHistoryEntry): BookingEventResponse {
  return {
    sequence: entry.sequence,
    type: entry.type,
    version: entry.version,
    action: entry.action,
    from: entry.from,
    to: entry.to,
    by: entry.byParty,
    by_user_id: entry.byUserId,
    reason: entry.reason,
    occurred_at: entry.occurredAt.toISOString(),
  };
}

// Examples: real responses of the API (demo data), documented per operation.
const REQUESTED: BookingResponse = {
  id: 1,
  booking_code: 'PS-0SNXZWO7',
  status: 'pending',
  total_amount: 260,
  subtotal_amount: 260,
  insurance_fee: 0,
  currency: 'EUR',
  companion_id: 1,
  event_date: '2027-03-12',
  start_time: '18:00',
  duration_hours: 4,
  timezone: 'Europe/Berlin',
  starts_at: '2027-03-12T17:00:00.000Z',
  ends_at: '2027-03-12T21:00:00.000Z',
  service_type: 'DJ',
  location: 'Messe Berlin, Messedamm 22, 14055 Berlin',
  notes: null,
  cancellation_insurance: false,
  cancelled_by: null,
  cancellation_reason: null,
  refund_amount: null,
  checked_in_at: null,
  completed_at: null,
  payment_status: 'unpaid',
  priority: false,
  expires_at: '2026-12-03T04:59:34.623Z',
  version: 1,
  created_at: '2026-12-01T04:59:34.623Z',
  updated_at: '2026-12-01T04:59:34.623Z',
};
const CANCELLED_BY_CLIENT: BookingResponse = {
  ...REQUESTED,
  id: 3,
  booking_code: 'PS-X711UEAF',
  status: 'cancelled',
  event_date: '2027-03-26',
  starts_at: '2027-03-26T17:00:00.000Z',
  ends_at: '2027-03-26T21:00:00.000Z',
  cancelled_by: 'client',
  cancellation_reason: 'Event postponed',
  expires_at: null,
  version: 2,
  created_at: '2026-12-01T04:59:34.694Z',
  updated_at: '2026-12-01T04:59:34.704Z',
};

export const CREATED_EXAMPLE: BookingActionResponse = { success: true, booking: REQUESTED };
export const BOOKING_EXAMPLE: BookingEnvelope = { booking: REQUESTED };
export const ACCEPTED_EXAMPLE: BookingActionResponse = {
  success: true,
  booking: {
    ...REQUESTED,
    status: 'accepted',
    expires_at: null,
    version: 2,
    updated_at: '2026-12-01T04:59:34.645Z',
  },
};
export const DECLINED_EXAMPLE: BookingActionResponse = {
  success: true,
  booking: {
    ...REQUESTED,
    id: 2,
    booking_code: 'PS-T6IQTL86',
    status: 'cancelled',
    total_amount: 286,
    insurance_fee: 26,
    event_date: '2027-03-19',
    starts_at: '2027-03-19T17:00:00.000Z',
    ends_at: '2027-03-19T21:00:00.000Z',
    notes: 'Dress code: black',
    cancellation_insurance: true,
    cancelled_by: 'staff',
    cancellation_reason: 'Already booked elsewhere that weekend',
    expires_at: null,
    version: 2,
    created_at: '2026-12-01T04:59:34.673Z',
    updated_at: '2026-12-01T04:59:34.688Z',
  },
};
export const CANCELLED_EXAMPLE: BookingActionResponse = {
  success: true,
  booking: CANCELLED_BY_CLIENT,
};
export const BOOKING_LIST_EXAMPLE: BookingListResponse = {
  bookings: [CANCELLED_BY_CLIENT],
  page: 1,
  limit: 1,
  total: 3,
};
export const BOOKING_EVENTS_EXAMPLE: BookingEventsResponse = {
  events: [
    {
      sequence: 1,
      type: 'booking.created',
      version: 1,
      action: 'request',
      from: null,
      to: 'pending',
      by: 'client',
      by_user_id: 2,
      reason: null,
      occurred_at: '2026-12-01T04:59:34.623Z',
    },
    {
      sequence: 2,
      type: 'booking.accepted',
      version: 2,
      action: 'accept',
      from: 'pending',
      to: 'accepted',
      by: 'staff',
      by_user_id: 4,
      reason: null,
      occurred_at: '2026-12-01T04:59:34.645Z',
    },
  ],
};
const PAID: BookingResponse = {
  ...REQUESTED,
  id: 4,
  booking_code: 'PS-7Q2KX9LM',
  status: 'paid',
  event_date: '2027-04-02',
  starts_at: '2027-04-02T16:00:00.000Z',
  ends_at: '2027-04-02T20:00:00.000Z',
  payment_status: 'paid',
  expires_at: null,
  version: 3,
  created_at: '2026-12-01T06:09:31.220Z',
  updated_at: '2026-12-01T06:10:02.114Z',
};
export const CHECKED_IN_EXAMPLE: BookingActionResponse = {
  success: true,
  booking: {
    ...PAID,
    checked_in_at: '2027-04-02T15:12:40.000Z',
    version: 4,
    updated_at: '2027-04-02T15:12:40.000Z',
  },
};
export const COMPLETED_EXAMPLE: BookingActionResponse = {
  success: true,
  booking: {
    ...PAID,
    status: 'completed',
    checked_in_at: '2027-04-02T15:12:40.000Z',
    completed_at: '2027-04-02T20:31:05.000Z',
    version: 5,
    updated_at: '2027-04-02T20:31:05.000Z',
  },
};
export const DISPUTED_EXAMPLE: BookingActionResponse = {
  success: true,
  booking: { ...PAID, status: 'disputed', version: 4, updated_at: '2027-04-02T21:02:11.000Z' },
};
export const CANCELLED_PAID_EXAMPLE: BookingActionResponse = {
  success: true,
  booking: {
    ...PAID,
    status: 'cancelled',
    cancelled_by: 'client',
    cancellation_reason: 'Event moved to another city',
    refund_amount: 130,
    payment_status: 'partially_refunded',
    version: 4,
    updated_at: '2027-03-31T10:00:00.000Z',
  },
};
