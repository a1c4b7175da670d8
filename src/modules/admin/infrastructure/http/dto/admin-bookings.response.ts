import { ApiProperty } from '@nestjs/swagger';
import {
  BOOKING_EVENTS_EXAMPLE,
  BOOKING_LIST_EXAMPLE,
  BookingEventResponse,
  BookingResponse,
} from '../../../../bookings';
import { LEDGER_EXAMPLE, LedgerResponse } from '../../../../payments';

/** The full record of a booking for operators: the booking, its history and its ledger. */
export class AdminBookingDetailResponse {
  @ApiProperty({ type: () => BookingResponse })
  booking!: BookingResponse;

  @ApiProperty({ type: () => [BookingEventResponse], description: 'Oldest first' })
  events!: BookingEventResponse[];

  @ApiProperty({ type: () => LedgerResponse })
  ledger!: LedgerResponse;
}

export const ADMIN_BOOKING_DETAIL_EXAMPLE: AdminBookingDetailResponse = {
  booking: BOOKING_LIST_EXAMPLE.bookings[0],
  events: BOOKING_EVENTS_EXAMPLE.events,
  ledger: {
    ...LEDGER_EXAMPLE,
    booking_code: BOOKING_LIST_EXAMPLE.bookings[0].booking_code,
    entries: [],
    totals: { charged: 0, refunded: 0, transferred: 0, platform_fee: 0 },
  },
};
