import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { CurrentActor } from '../../../../shared/auth/current-actor.decorator';
import { Actor } from '../../../../shared/domain/actor';
import { RateLimit } from '../../../../shared/rate-limit/rate-limit.decorator';
import { Idempotent } from '../../../../shared/idempotency/idempotent.decorator';
import { AcceptBookingUseCase } from '../../application/accept-booking.use-case';
import { toBookingView } from '../../application/booking.view';
import { CancelBookingUseCase } from '../../application/cancel-booking.use-case';
import { CreateBookingUseCase } from '../../application/create-booking.use-case';
import { DeclineBookingUseCase } from '../../application/decline-booking.use-case';
import { GetBookingHistoryUseCase } from '../../application/get-booking-history.use-case';
import { GetBookingUseCase } from '../../application/get-booking.use-case';
import { ListBookingsUseCase } from '../../application/list-bookings.use-case';
import { BookingReasonRequest } from './dto/booking-reason.request';
import { CreateBookingRequest } from './dto/create-booking.request';
import { ListBookingsRequest } from './dto/list-bookings.request';

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
  ) {}

  @Post()
  @HttpCode(201)
  @Auth({ permission: 'book' })
  @RateLimit('bookingCreation')
  @Idempotent()
  async create(@Body() body: CreateBookingRequest, @CurrentActor() actor: Actor) {
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
    return { success: true, booking: toBookingView(booking) };
  }

  @Get()
  @Auth({ permission: 'read' })
  async list(@Query() query: ListBookingsRequest, @CurrentActor() actor: Actor) {
    const { status, page, limit } = query;
    const result = await this.listBookings.execute({ status, page, limit }, actor);
    return { bookings: result.items.map(toBookingView), page, limit, total: result.total };
  }

  @Get(':code')
  @Auth({ permission: 'read' })
  async get(@Param('code') code: string, @CurrentActor() actor: Actor) {
    return { booking: toBookingView(await this.getBooking.execute(code, actor)) };
  }

  @Get(':code/events')
  @Auth({ permission: 'read' })
  async events(@Param('code') code: string, @CurrentActor() actor: Actor) {
    const history = await this.bookingHistory.execute(code, actor);
    return {
      events: history.map((entry) => ({
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
      })),
    };
  }

  @Post(':code/accept')
  @HttpCode(200)
  @Auth({ permission: 'book' })
  async accept(@Param('code') code: string, @CurrentActor() actor: Actor) {
    return { success: true, booking: toBookingView(await this.acceptBooking.execute(code, actor)) };
  }

  @Post(':code/decline')
  @HttpCode(200)
  @Auth({ permission: 'book' })
  async decline(
    @Param('code') code: string,
    @Body() body: BookingReasonRequest,
    @CurrentActor() actor: Actor,
  ) {
    const booking = await this.declineBooking.execute(code, body?.reason ?? null, actor);
    return { success: true, booking: toBookingView(booking) };
  }

  @Post(':code/cancel')
  @HttpCode(200)
  @Auth({ permission: 'book' })
  async cancel(
    @Param('code') code: string,
    @Body() body: BookingReasonRequest,
    @CurrentActor() actor: Actor,
  ) {
    const booking = await this.cancelBooking.execute(code, body?.reason ?? null, actor);
    return { success: true, booking: toBookingView(booking) };
  }
}
