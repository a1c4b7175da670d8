import { Controller, Headers, HttpCode, Post, RawBodyRequest, Req } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Public } from '../../../../shared/auth/auth.decorator';
import { ApiErrorResponses } from '../../../../shared/http/api-error-responses.decorator';
import { RateLimit } from '../../../../shared/rate-limit/rate-limit.decorator';
import { HandleGatewayEventUseCase } from '../../application/handle-gateway-event.use-case';
import { PaymentError } from '../../domain/payment.errors';
import { PaymentGateway } from '../../domain/ports/payment-gateway';
import { WEBHOOK_RECEIVED, WebhookReceivedResponse } from './dto/payment.responses';

/**
 * CONTRACT §5.2: Stripe's events. Public (Stripe signs instead), no CSRF, rate-limited per IP on
 * its own budget. The signature is checked over the exact bytes received; a replayed event is
 * acknowledged and changes nothing.
 */
@ApiTags('payments')
@Controller('payments/stripe')
export class StripeWebhookController {
  constructor(
    private readonly gateway: PaymentGateway,
    private readonly events: HandleGatewayEventUseCase,
  ) {}

  @Post('webhook')
  @HttpCode(200)
  @Public()
  @RateLimit('paymentWebhook')
  @ApiOperation({ summary: "Stripe's webhook: payments, refunds and Connect account updates" })
  @ApiHeader({ name: 'Stripe-Signature', required: true, description: "Stripe's signature" })
  @ApiOkResponse({ type: WebhookReceivedResponse, example: WEBHOOK_RECEIVED })
  @ApiErrorResponses({ 400: PaymentError.invalidSignature().message })
  async receive(
    @Req() request: RawBodyRequest<FastifyRequest>,
    @Headers('stripe-signature') signature: string | undefined,
  ): Promise<WebhookReceivedResponse> {
    if (!request.rawBody) throw PaymentError.invalidSignature();
    await this.events.execute(this.gateway.verifyWebhook(request.rawBody, signature));
    return WEBHOOK_RECEIVED;
  }
}
