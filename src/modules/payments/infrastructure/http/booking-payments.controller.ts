import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { CurrentActor } from '../../../../shared/auth/current-actor.decorator';
import { Actor } from '../../../../shared/domain/actor';
import { ApiErrorResponses } from '../../../../shared/http/api-error-responses.decorator';
import { GetBookingLedgerQuery } from '../../application/get-booking-ledger.query';
import { QuoteCancellationQuery } from '../../application/quote-cancellation.query';
import { RequestPaymentUseCase } from '../../application/request-payment.use-case';
import {
  CancellationQuoteResponse,
  CHECKOUT_EXAMPLE,
  CheckoutResponse,
  LEDGER_EXAMPLE,
  LedgerResponse,
  QUOTE_EXAMPLE,
  toCancellationQuoteResponse,
  toLedgerResponse,
} from './dto/payment.responses';

const NOT_FOUND = 'Booking not found';

/** The payment side of a booking (CONTRACT §4.7 `pay`, §4.8, §5.5), under the booking's path. */
@ApiTags('bookings')
@Controller('api/v1/bookings')
export class BookingPaymentsController {
  constructor(
    private readonly requestPayment: RequestPaymentUseCase,
    private readonly ledger: GetBookingLedgerQuery,
    private readonly quote: QuoteCancellationQuery,
  ) {}

  @Post(':code/pay')
  @HttpCode(200)
  @Auth({ permission: 'book' })
  @ApiOperation({
    summary: 'Where the client pays an accepted booking: the open checkout, or a new one',
  })
  @ApiParam({ name: 'code', example: 'PS-A1B2C3D4' })
  @ApiOkResponse({ type: CheckoutResponse, example: CHECKOUT_EXAMPLE })
  @ApiErrorResponses({
    403: 'You are not allowed to do that with this booking',
    404: NOT_FOUND,
    409: 'Cannot pay a paid booking',
  })
  async pay(@Param('code') code: string, @CurrentActor() actor: Actor): Promise<CheckoutResponse> {
    const { checkoutUrl } = await this.requestPayment.execute(code, actor);
    return { checkout_url: checkoutUrl };
  }

  @Get(':code/ledger')
  @Auth({ permission: 'read' })
  @ApiOperation({ summary: "A booking's money movements, oldest first (parties and admins)" })
  @ApiParam({ name: 'code', example: 'PS-A1B2C3D4' })
  @ApiOkResponse({ type: LedgerResponse, example: LEDGER_EXAMPLE })
  @ApiErrorResponses({ 404: NOT_FOUND })
  async getLedger(
    @Param('code') code: string,
    @CurrentActor() actor: Actor,
  ): Promise<LedgerResponse> {
    return toLedgerResponse(await this.ledger.execute(code, actor));
  }

  @Get(':code/cancellation-quote')
  @Auth({ permission: 'read' })
  @ApiOperation({ summary: 'What cancelling the booking right now would refund and pay out' })
  @ApiParam({ name: 'code', example: 'PS-A1B2C3D4' })
  @ApiOkResponse({ type: CancellationQuoteResponse, example: QUOTE_EXAMPLE })
  @ApiErrorResponses({
    403: 'You are not allowed to do that with this booking',
    404: NOT_FOUND,
    409: 'Cannot cancel a completed booking',
  })
  async cancellationQuote(
    @Param('code') code: string,
    @CurrentActor() actor: Actor,
  ): Promise<CancellationQuoteResponse> {
    return toCancellationQuoteResponse(await this.quote.execute(code, actor));
  }
}
