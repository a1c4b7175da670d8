import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import {
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../../../../shared/auth/auth.decorator';
import { ApiErrorResponses } from '../../../../shared/http/api-error-responses.decorator';
import { AcceptsFormPost } from '../../../../shared/http/form-posts';
import { LocalGatewayUseCase } from '../../application/local-gateway.use-case';
import { checkoutPage, onboardingDonePage, onboardingPage, returnPage } from '../local/local-pages';

/** Only a page that was built is sent as HTML: errors keep their JSON body (CONTRACT §1.2). */
function html(reply: FastifyReply, page: string): string {
  void reply.type('text/html; charset=utf-8');
  return page;
}
const htmlResponse = (example: string) =>
  ApiOkResponse({
    description: 'An HTML page',
    content: { 'text/html': { schema: { type: 'string' }, example } },
  });

/**
 * The local payment gateway's pages (CONTRACT §5.6): a checkout page with a Pay button and an
 * onboarding page, both plain forms. They answer 404 while Stripe serves payments. The return
 * page is where Stripe sends the client back, with either gateway.
 */
@ApiTags('payments')
@Controller('payments')
@Public()
export class LocalGatewayController {
  constructor(private readonly local: LocalGatewayUseCase) {}

  @Get('local/checkout/:id')
  @ApiOperation({ summary: "The local gateway's checkout page (development only)" })
  @ApiParam({ name: 'id', description: 'The checkout id from `checkout_url`' })
  @ApiProduces('text/html')
  @htmlResponse(
    '<!doctype html><html lang="en">…<button type="submit" id="pay">Pay 180.00 EUR</button>…</html>',
  )
  @ApiErrorResponses({ 404: 'Not found' })
  async checkout(
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const view = await this.local.checkout(id);
    return html(reply, checkoutPage(view, `/payments/local/checkout/${id}/pay`));
  }

  @Post('local/checkout/:id/pay')
  @HttpCode(200)
  @AcceptsFormPost()
  @ApiOperation({ summary: "The local checkout page's Pay button: the payment succeeds" })
  @ApiParam({ name: 'id', description: 'The checkout id from `checkout_url`' })
  @ApiProduces('text/html')
  @htmlResponse('<!doctype html><html lang="en">…<h1>Payment received</h1>…</html>')
  @ApiErrorResponses({ 404: 'Not found' })
  async pay(
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const view = await this.local.pay(id);
    return html(reply, checkoutPage(view, `/payments/local/checkout/${id}/pay`));
  }

  @Get('local/onboarding/:accountId')
  @ApiOperation({ summary: "The local gateway's payout onboarding page (development only)" })
  @ApiProduces('text/html')
  @htmlResponse(
    '<!doctype html><html lang="en">…<button type="submit" id="complete">Finish setup</button>…</html>',
  )
  @ApiErrorResponses({ 404: 'Not found' })
  async onboarding(
    @Param('accountId') accountId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    await this.local.onboarding(accountId);
    return html(reply, onboardingPage(`/payments/local/onboarding/${accountId}/complete`));
  }

  @Post('local/onboarding/:accountId/complete')
  @HttpCode(200)
  @AcceptsFormPost()
  @ApiOperation({ summary: "The onboarding page's button: the account is ready for payouts" })
  @ApiProduces('text/html')
  @htmlResponse('<!doctype html><html lang="en">…<h1>Payouts ready</h1>…</html>')
  @ApiErrorResponses({ 404: 'Not found' })
  async completeOnboarding(
    @Param('accountId') accountId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    await this.local.completeOnboarding(accountId);
    return html(reply, onboardingDonePage());
  }

  @Get('return')
  @ApiOperation({ summary: 'Where the payment and onboarding pages send the user back' })
  @ApiQuery({ name: 'outcome', required: false, enum: ['paid', 'cancelled', 'onboarding'] })
  @ApiQuery({ name: 'booking', required: false })
  @ApiProduces('text/html')
  @htmlResponse(
    '<!doctype html><html lang="en">…<p id="status">You can close this page.</p>…</html>',
  )
  returned(
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('outcome') outcome?: string,
  ): string {
    return html(reply, returnPage(typeof outcome === 'string' ? outcome : undefined));
  }
}
