import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { CurrentOperator } from '../../../../shared/auth/current-operator.decorator';
import { Operator } from '../../../../shared/domain/audit-trail';
import { ApiErrorResponses } from '../../../../shared/http/api-error-responses.decorator';
import { COMPANION_NOT_FOUND } from '../../application/companion-visibility';
import { HideCompanionUseCase } from '../../application/hide-companion.use-case';
import { ReviewPortfolioItemUseCase } from '../../application/review-portfolio-item.use-case';
import { SetCompanionTierUseCase } from '../../application/set-companion-tier.use-case';
import { SetCompanionVerifiedUseCase } from '../../application/set-companion-verified.use-case';
import { CompanionIdParams, PortfolioItemParams } from './dto/companion-id.request';
import {
  COMPANION_ENVELOPE_EXAMPLE,
  CompanionEnvelope,
  MODERATED_ITEM_EXAMPLE,
  PortfolioItemEnvelope,
  toModeratedPortfolioItemResponse,
  toOwnProfileResponse,
} from './dto/companion.response';
import { TierRequest } from './dto/tier.request';

/** Operators' staff actions (CONTRACT §8). */
@ApiTags('admin')
@Controller('api/admin/companions')
@Auth({ roles: ['admin'] })
@ApiErrorResponses({ 404: COMPANION_NOT_FOUND })
export class AdminCompanionsController {
  constructor(
    private readonly setCompanionVerified: SetCompanionVerifiedUseCase,
    private readonly setCompanionTier: SetCompanionTierUseCase,
    private readonly hideCompanion: HideCompanionUseCase,
    private readonly reviewPortfolioItem: ReviewPortfolioItemUseCase,
  ) {}

  @Post(':id/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give a staff member the verified badge' })
  @ApiOkResponse({ type: CompanionEnvelope, example: COMPANION_ENVELOPE_EXAMPLE })
  async verify(
    @CurrentOperator() operator: Operator,
    @Param() params: CompanionIdParams,
  ): Promise<CompanionEnvelope> {
    return {
      companion: toOwnProfileResponse(
        await this.setCompanionVerified.execute(operator, params.id, true),
      ),
    };
  }

  @Post(':id/unverify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take the verified badge away' })
  @ApiOkResponse({ type: CompanionEnvelope, example: COMPANION_ENVELOPE_EXAMPLE })
  async unverify(
    @CurrentOperator() operator: Operator,
    @Param() params: CompanionIdParams,
  ): Promise<CompanionEnvelope> {
    return {
      companion: toOwnProfileResponse(
        await this.setCompanionVerified.execute(operator, params.id, false),
      ),
    };
  }

  @Put(':id/tier')
  @ApiOperation({ summary: "Change a staff member's tier" })
  @ApiOkResponse({ type: CompanionEnvelope, example: COMPANION_ENVELOPE_EXAMPLE })
  async setTier(
    @CurrentOperator() operator: Operator,
    @Param() params: CompanionIdParams,
    @Body() body: TierRequest,
  ): Promise<CompanionEnvelope> {
    return {
      companion: toOwnProfileResponse(
        await this.setCompanionTier.execute(operator, params.id, body.tier),
      ),
    };
  }

  @Post(':id/hide')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hide a profile from search and public views' })
  @ApiOkResponse({ type: CompanionEnvelope, example: COMPANION_ENVELOPE_EXAMPLE })
  async hide(
    @CurrentOperator() operator: Operator,
    @Param() params: CompanionIdParams,
  ): Promise<CompanionEnvelope> {
    return {
      companion: toOwnProfileResponse(await this.hideCompanion.execute(operator, params.id)),
    };
  }

  @Post(':id/portfolio/:itemId/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a portfolio item: it appears on the public profile' })
  @ApiOkResponse({ type: PortfolioItemEnvelope, example: MODERATED_ITEM_EXAMPLE })
  @ApiErrorResponses({ 404: 'Portfolio item not found' })
  async approve(
    @CurrentOperator() operator: Operator,
    @Param() params: PortfolioItemParams,
  ): Promise<PortfolioItemEnvelope> {
    const item = await this.reviewPortfolioItem.execute(
      operator,
      params.id,
      params.itemId,
      'approved',
    );
    return { item: toModeratedPortfolioItemResponse(item) };
  }

  @Post(':id/portfolio/:itemId/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a portfolio item' })
  @ApiOkResponse({ type: PortfolioItemEnvelope, example: MODERATED_ITEM_EXAMPLE })
  @ApiErrorResponses({ 404: 'Portfolio item not found' })
  async reject(
    @CurrentOperator() operator: Operator,
    @Param() params: PortfolioItemParams,
  ): Promise<PortfolioItemEnvelope> {
    const item = await this.reviewPortfolioItem.execute(
      operator,
      params.id,
      params.itemId,
      'rejected',
    );
    return { item: toModeratedPortfolioItemResponse(item) };
  }
}
