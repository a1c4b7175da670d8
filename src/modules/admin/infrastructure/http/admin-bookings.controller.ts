import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { CurrentActor } from '../../../../shared/auth/current-actor.decorator';
import { CurrentOperator } from '../../../../shared/auth/current-operator.decorator';
import { Actor } from '../../../../shared/domain/actor';
import { Operator } from '../../../../shared/domain/audit-trail';
import { DomainError } from '../../../../shared/domain/domain-error';
import { toMinorUnits } from '../../../../shared/domain/money';
import { ApiErrorResponses } from '../../../../shared/http/api-error-responses.decorator';
import {
  BOOKING_LIST_EXAMPLE,
  BookingActionResponse,
  BookingListResponse,
  COMPLETED_EXAMPLE,
  GetBookingHistoryUseCase,
  GetBookingUseCase,
  SearchBookingsQuery,
  toBookingEventResponse,
  toBookingResponse,
} from '../../../bookings';
import { GetBookingLedgerQuery, toLedgerResponse } from '../../../payments';
import { ResolveDisputeAsOperatorUseCase } from '../../application/resolve-dispute-as-operator.use-case';
import { AdminBookingsRequest, ResolveDisputeRequest } from './dto/admin-bookings.request';
import {
  ADMIN_BOOKING_DETAIL_EXAMPLE,
  AdminBookingDetailResponse,
} from './dto/admin-bookings.response';

const NOT_FOUND = 'Booking not found';

/** Operators' bookings (CONTRACT §8): every booking, one in full, and dispute settlement. */
@ApiTags('admin')
@Controller('api/admin/bookings')
@Auth({ roles: ['admin'] })
export class AdminBookingsController {
  constructor(
    private readonly search: SearchBookingsQuery,
    private readonly getBooking: GetBookingUseCase,
    private readonly history: GetBookingHistoryUseCase,
    private readonly ledger: GetBookingLedgerQuery,
    private readonly resolveDispute: ResolveDisputeAsOperatorUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every booking, newest first, by status, event date, party or code' })
  @ApiOkResponse({ type: BookingListResponse, example: BOOKING_LIST_EXAMPLE })
  async list(@Query() query: AdminBookingsRequest): Promise<BookingListResponse> {
    const { items, total } = await this.search.execute({
      status: query.status,
      from: query.from,
      to: query.to,
      staffUserId: query.staff_id,
      clientUserId: query.client_id,
      code: query.code,
      page: query.page,
      limit: query.limit,
    });
    return { bookings: items.map(toBookingResponse), page: query.page, limit: query.limit, total };
  }

  @Get(':code')
  @ApiOperation({ summary: 'A booking in full: the record, its event history and its ledger' })
  @ApiParam({ name: 'code', example: 'PS-A1B2C3D4' })
  @ApiOkResponse({ type: AdminBookingDetailResponse, example: ADMIN_BOOKING_DETAIL_EXAMPLE })
  @ApiErrorResponses({ 404: NOT_FOUND })
  async get(
    @Param('code') code: string,
    @CurrentActor() admin: Actor,
  ): Promise<AdminBookingDetailResponse> {
    const booking = await this.getBooking.execute(code, admin);
    const [events, ledger] = await Promise.all([
      this.history.execute(code, admin),
      this.ledger.execute(code, admin),
    ]);
    return {
      booking: toBookingResponse(booking),
      events: events.map(toBookingEventResponse),
      ledger: toLedgerResponse(ledger),
    };
  }

  @Post(':code/resolve')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Settle a dispute: release (completed, paid out) or refund all or `amount` (cancelled, the rest paid out minus the fee)',
  })
  @ApiParam({ name: 'code', example: 'PS-A1B2C3D4' })
  @ApiOkResponse({ type: BookingActionResponse, example: COMPLETED_EXAMPLE })
  @ApiErrorResponses({ 404: NOT_FOUND, 409: 'Cannot resolve a paid booking' })
  async resolve(
    @Param('code') code: string,
    @Body() body: ResolveDisputeRequest,
    @CurrentActor() admin: Actor,
    @CurrentOperator() operator: Operator,
  ): Promise<BookingActionResponse> {
    if (body.outcome === 'release' && body.amount != null) {
      throw DomainError.invalidField('amount', 'Only a refund takes an amount');
    }
    const refundCents = body.amount == null ? null : toMinorUnits(body.amount);
    if (body.amount != null && refundCents === null) {
      throw DomainError.invalidField('amount', 'Invalid amount');
    }
    await this.resolveDispute.execute(
      code,
      body.outcome === 'release' ? { outcome: 'release' } : { outcome: 'refund', refundCents },
      admin,
      operator,
    );
    return {
      success: true,
      booking: toBookingResponse(await this.getBooking.execute(code, admin)),
    };
  }
}
