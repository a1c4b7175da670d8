import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { CurrentOperator } from '../../../../shared/auth/current-operator.decorator';
import { Operator } from '../../../../shared/domain/audit-trail';
import { ApiErrorResponses } from '../../../../shared/http/api-error-responses.decorator';
import { ApiIdParam, IdParamPipe } from '../../../../shared/http/id-param.pipe';
import { ManagePayoutsUseCase } from '../../../payments';
import { RetryPayoutUseCase } from '../../application/retry-payout.use-case';
import {
  PAYOUT_LIST_EXAMPLE,
  PAYOUT_RETRIED_EXAMPLE,
  PayoutEnvelope,
  PayoutListResponse,
  PayoutsRequest,
  toPayoutResponse,
} from './dto/payouts.dto';

/** Operators' payouts (CONTRACT §8): the list by status, and a failed one tried again. */
@ApiTags('admin')
@Controller('api/admin/payouts')
@Auth({ roles: ['admin'] })
export class AdminPayoutsController {
  constructor(
    private readonly payouts: ManagePayoutsUseCase,
    private readonly retryPayout: RetryPayoutUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Payouts, newest first, optionally of one status (e.g. failed)' })
  @ApiOkResponse({ type: PayoutListResponse, example: PAYOUT_LIST_EXAMPLE })
  async list(@Query() query: PayoutsRequest): Promise<PayoutListResponse> {
    const { items, total } = await this.payouts.list({
      status: query.status,
      page: query.page,
      limit: query.limit,
    });
    return { payouts: items.map(toPayoutResponse), page: query.page, limit: query.limit, total };
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiIdParam()
  @ApiOperation({
    summary: 'Try a failed payout again (same idempotency key: it is never paid twice)',
  })
  @ApiOkResponse({ type: PayoutEnvelope, example: PAYOUT_RETRIED_EXAMPLE })
  @ApiErrorResponses({ 404: 'Payout not found', 409: 'Cannot retry a paid payout' })
  async retry(
    @Param('id', new IdParamPipe()) id: number,
    @CurrentOperator() operator: Operator,
  ): Promise<PayoutEnvelope> {
    return { payout: toPayoutResponse(await this.retryPayout.execute(operator, id)) };
  }
}
