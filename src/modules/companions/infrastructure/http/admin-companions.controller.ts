import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { HideCompanionUseCase } from '../../application/hide-companion.use-case';
import { ReviewPortfolioItemUseCase } from '../../application/review-portfolio-item.use-case';
import { SetCompanionTierUseCase } from '../../application/set-companion-tier.use-case';
import { SetCompanionVerifiedUseCase } from '../../application/set-companion-verified.use-case';
import { CompanionIdParams, PortfolioItemParams } from './dto/companion-id.request';
import { toModeratedPortfolioItemResponse, toOwnProfileResponse } from './dto/companion.response';
import { TierRequest } from './dto/tier.request';

/** Operators' staff actions (CONTRACT §8). */
@ApiTags('admin')
@Controller('api/admin/companions')
@Auth({ roles: ['admin'] })
export class AdminCompanionsController {
  constructor(
    private readonly setCompanionVerified: SetCompanionVerifiedUseCase,
    private readonly setCompanionTier: SetCompanionTierUseCase,
    private readonly hideCompanion: HideCompanionUseCase,
    private readonly reviewPortfolioItem: ReviewPortfolioItemUseCase,
  ) {}

  @Post(':id/verify')
  @HttpCode(200)
  async verify(@Param() params: CompanionIdParams) {
    return {
      companion: toOwnProfileResponse(await this.setCompanionVerified.execute(params.id, true)),
    };
  }

  @Post(':id/unverify')
  @HttpCode(200)
  async unverify(@Param() params: CompanionIdParams) {
    return {
      companion: toOwnProfileResponse(await this.setCompanionVerified.execute(params.id, false)),
    };
  }

  @Put(':id/tier')
  async setTier(@Param() params: CompanionIdParams, @Body() body: TierRequest) {
    return {
      companion: toOwnProfileResponse(await this.setCompanionTier.execute(params.id, body.tier)),
    };
  }

  @Post(':id/hide')
  @HttpCode(200)
  async hide(@Param() params: CompanionIdParams) {
    return { companion: toOwnProfileResponse(await this.hideCompanion.execute(params.id)) };
  }

  @Post(':id/portfolio/:itemId/approve')
  @HttpCode(200)
  async approve(@Param() params: PortfolioItemParams) {
    const item = await this.reviewPortfolioItem.execute(params.id, params.itemId, 'approved');
    return { item: toModeratedPortfolioItemResponse(item) };
  }

  @Post(':id/portfolio/:itemId/reject')
  @HttpCode(200)
  async reject(@Param() params: PortfolioItemParams) {
    const item = await this.reviewPortfolioItem.execute(params.id, params.itemId, 'rejected');
    return { item: toModeratedPortfolioItemResponse(item) };
  }
}
