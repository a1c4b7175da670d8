import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { CurrentActor } from '../../../../shared/auth/current-actor.decorator';
import { Actor } from '../../../../shared/domain/actor';
import { ApiErrorResponses } from '../../../../shared/http/api-error-responses.decorator';
import { RateLimit } from '../../../../shared/rate-limit/rate-limit.decorator';
import { Idempotent } from '../../../../shared/idempotency/idempotent.decorator';
import { AcceptBookingUseCase } from '../../application/accept-booking.use-case';
import { CancelBookingUseCase } from '../../application/cancel-booking.use-case';
import { ClientRatingsQuery } from '../../application/client-ratings.query';
import { CheckInBookingUseCase } from '../../application/check-in-booking.use-case';
import { CompleteBookingUseCase } from '../../application/complete-booking.use-case';
import { DisputeBookingUseCase } from '../../application/dispute-booking.use-case';
import { CreateBookingUseCase } from '../../application/create-booking.use-case';
import { DeclineBookingUseCase } from '../../application/decline-booking.use-case';
import { GetBookingHistoryUseCase } from '../../application/get-booking-history.use-case';
import { GetBookingUseCase } from '../../application/get-booking.use-case';
import { ListBookingsUseCase } from '../../application/list-bookings.use-case';
import { BookingError } from '../../domain/booking.errors';
import { BookingDisputeRequest } from './dto/booking-dispute.request';
import { BookingReasonRequest } from './dto/booking-reason.request';
import {
  ACCEPTED_EXAMPLE,
  BOOKING_EVENTS_EXAMPLE,
  BOOKING_EXAMPLE,
  BOOKING_LIST_EXAMPLE,
  BookingActionResponse,
  BookingEnvelope,
  BookingEventsResponse,
  BookingListResponse,
  CANCELLED_EXAMPLE,
  CHECKED_IN_EXAMPLE,
  COMPLETED_EXAMPLE,
  CREATED_EXAMPLE,
  DECLINED_EXAMPLE,
  DISPUTED_EXAMPLE,
  toBookingEventResponse,
  toBookingResponse,
  toRatedBookingResponse,
} from './dto/booking.response';
import { CreateBookingRequest } from './dto/create-booking.request';
import { ListBookingsRequest } from './dto/list-bookings.request';

const NOT_FOUND = BookingError.notFound().message;
const WRONG_PARTY = BookingError.wrongParty().message;
/** What every party transition answers: the booking, or why it did not move. */
const ApiTransition = (action: string, example: BookingActionResponse) =>
  applyDecorators(
    ApiParam({ name: 'code', example: 'PS-A1B2C3D4' }),
    ApiOkResponse({ type: BookingActionResponse, example }),
    ApiErrorResponses({
      403: WRONG_PARTY,
      404: NOT_FOUND,
      409: BookingError.notAllowed(action, 'cancelled').message,
    }),
  );

@ApiTags('bookings')
@Controller('api/v1/bookings')
export class BookingsController {
  constructor(
    private readonly createBooking: CreateBookingUseCase,
    private readonly getBooking: GetBookingUseCase,
    private readonly listBookings: ListBookingsUseCase,
    private readonly acceptBooking: AcceptBookingUseCase,
    private readonly declineBooking: DeclineBookingUseCase,
    private readonly cancelBooking: CancelBookingUseCase,
    private readonly bookingHistory: GetBookingHistoryUseCase,
    private readonly checkInBooking: CheckInBookingUseCase,
    private readonly completeBooking: CompleteBookingUseCase,
    private readonly disputeBooking: DisputeBookingUseCase,
    private readonly clientRatings: ClientRatingsQuery,
  ) {}

  @Post()
  @HttpCode(201)
  @Auth({ permission: 'book' })
  @RateLimit('bookingCreation')
  @Idempotent()
  @ApiOperation({ summary: 'Request a booking: pending until the staff member accepts' })
  @ApiCreatedResponse({ type: BookingActionResponse, example: CREATED_EXAMPLE })
  @ApiErrorResponses({
    403: 'Only clients can request bookings',
    409: BookingError.notAvailable().message,
  })
  async create(
    @Body() body: CreateBookingRequest,
    @CurrentActor() actor: Actor,
  ): Promise<BookingActionResponse> {
    const booking = await this.createBooking.execute(
      {
        companionId: body.companion_id,
        eventDate: body.event_date,
        startTime: body.start_time,
        durationHours: body.duration_hours,
        serviceType: body.service_type,
        location: body.location,
        customerEmail: body.customer_email,
        notes: body.notes ?? null,
        cancellationInsurance: body.cancellation_insurance ?? false,
      },
      actor,
    );
    return { success: true, booking: toBookingResponse(booking) };
  }

  @Get()
  @Auth({ permission: 'read' })
  @ApiOperation({ summary: 'Your bookings (as client, staff member or creator), newest first' })
  @ApiOkResponse({ type: BookingListResponse, example: BOOKING_LIST_EXAMPLE })
  async list(
    @Query() query: ListBookingsRequest,
    @CurrentActor() actor: Actor,
  ): Promise<BookingListResponse> {
    const { status, page, limit } = query;
    const result = await this.listBookings.execute({ status, page, limit }, actor);
    const ratings = await this.clientRatings.forStaffOf(result.items, actor);
    return {
      bookings: result.items.map((booking) => toRatedBookingResponse(booking, ratings)),
      page,
      limit,
      total: result.total,
    };
  }

  @Get(':code')
  @Auth({ permission: 'read' })
  @ApiOperation({ summary: 'A booking and its status, by code' })
  @ApiParam({ name: 'code', example: 'PS-A1B2C3D4' })
  @ApiOkResponse({ type: BookingEnvelope, example: BOOKING_EXAMPLE })
  @ApiErrorResponses({ 404: NOT_FOUND })
  async get(@Param('code') code: string, @CurrentActor() actor: Actor): Promise<BookingEnvelope> {
    const booking = await this.getBooking.execute(code, actor);
    const ratings = await this.clientRatings.forStaffOf([booking], actor);
    return { booking: toRatedBookingResponse(booking, ratings) };
  }

  @Get(':code/events')
  @Auth({ permission: 'read' })
  @ApiOperation({ summary: "A booking's history: every transition, oldest first" })
  @ApiParam({ name: 'code', example: 'PS-A1B2C3D4' })
  @ApiOkResponse({ type: BookingEventsResponse, example: BOOKING_EVENTS_EXAMPLE })
  @ApiErrorResponses({ 404: NOT_FOUND })
  async events(
    @Param('code') code: string,
    @CurrentActor() actor: Actor,
  ): Promise<BookingEventsResponse> {
    const history = await this.bookingHistory.execute(code, actor);
    return { events: history.map(toBookingEventResponse) };
  }

  @Post(':code/accept')
  @HttpCode(200)
  @Auth({ permission: 'book' })
  @ApiOperation({ summary: 'Accept a pending request (staff); overlapping requests are declined' })
  @ApiErrorResponses({ 409: BookingError.notAvailable().message })
  @ApiTransition('accept', ACCEPTED_EXAMPLE)
  async accept(
    @Param('code') code: string,
    @CurrentActor() actor: Actor,
  ): Promise<BookingActionResponse> {
    return {
      success: true,
      booking: toBookingResponse(await this.acceptBooking.execute(code, actor)),
    };
  }

  @Post(':code/decline')
  @HttpCode(200)
  @Auth({ permission: 'book' })
  @ApiOperation({ summary: 'Decline a pending request (staff)' })
  @ApiTransition('decline', DECLINED_EXAMPLE)
  async decline(
    @Param('code') code: string,
    @Body() body: BookingReasonRequest,
    @CurrentActor() actor: Actor,
  ): Promise<BookingActionResponse> {
    const booking = await this.declineBooking.execute(code, body?.reason ?? null, actor);
    return { success: true, booking: toBookingResponse(booking) };
  }

  @Post(':code/cancel')
  @HttpCode(200)
  @Auth({ permission: 'book' })
  @ApiOperation({
    summary:
      'Cancel a pending, accepted or paid booking (client or staff); a paid one is refunded as its cancellation quote says',
  })
  @ApiTransition('cancel', CANCELLED_EXAMPLE)
  async cancel(
    @Param('code') code: string,
    @Body() body: BookingReasonRequest,
    @CurrentActor() actor: Actor,
  ): Promise<BookingActionResponse> {
    const booking = await this.cancelBooking.execute(code, body?.reason ?? null, actor);
    return { success: true, booking: toBookingResponse(booking) };
  }

  @Post(':code/check-in')
  @HttpCode(200)
  @Auth({ permission: 'book' })
  @ApiOperation({ summary: 'Check in at the event (staff): from 2 h before the start to the end' })
  @ApiErrorResponses({
    409: [
      'Check-in opens 2 hours before the start, at 2027-04-02T14:00:00.000Z',
      'Check-in closed at the end of the booking, 2027-04-02T20:00:00.000Z',
      BookingError.alreadyCheckedIn().message,
    ],
  })
  @ApiTransition('check-in', CHECKED_IN_EXAMPLE)
  async checkIn(
    @Param('code') code: string,
    @CurrentActor() actor: Actor,
  ): Promise<BookingActionResponse> {
    return {
      success: true,
      booking: toBookingResponse(await this.checkInBooking.execute(code, actor)),
    };
  }

  @Post(':code/complete')
  @HttpCode(200)
  @Auth({ permission: 'book' })
  @ApiOperation({
    summary: 'Confirm the booking took place (client), once it ended; the payout follows',
  })
  @ApiErrorResponses({
    409: 'Completion opens at the end of the booking, 2027-04-02T20:00:00.000Z',
  })
  @ApiTransition('complete', COMPLETED_EXAMPLE)
  async complete(
    @Param('code') code: string,
    @CurrentActor() actor: Actor,
  ): Promise<BookingActionResponse> {
    return {
      success: true,
      booking: toBookingResponse(await this.completeBooking.execute(code, actor)),
    };
  }

  @Post(':code/dispute')
  @HttpCode(200)
  @Auth({ permission: 'book' })
  @ApiOperation({ summary: 'Dispute a paid booking (client); an operator settles it' })
  @ApiTransition('dispute', DISPUTED_EXAMPLE)
  async dispute(
    @Param('code') code: string,
    @Body() body: BookingDisputeRequest,
    @CurrentActor() actor: Actor,
  ): Promise<BookingActionResponse> {
    const booking = await this.disputeBooking.execute(code, body.reason, actor);
    return { success: true, booking: toBookingResponse(booking) };
  }
}
