import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { ModerateCompanionUseCase } from '../../application/moderate-companion.use-case';
import { CompanionIdParams, PortfolioItemParams } from './companion-id.params';
import { toModeratedPortfolioItemResponse, toOwnProfileResponse } from './companion.responses';
import { TierRequest } from './portfolio-item.request';

/** Operators' staff actions (CONTRACT §8). */
@ApiTags('admin')
@Controller('api/admin/companions')
@Auth({ roles: ['admin'] })
export class AdminCompanionsController {
  constructor(private readonly moderate: ModerateCompanionUseCase) {}

  @Post(':id/verify')
  @HttpCode(200)
  async verify(@Param() params: CompanionIdParams) {
    return { companion: toOwnProfileResponse(await this.moderate.setVerified(params.id, true)) };
  }

  @Post(':id/unverify')
  @HttpCode(200)
  async unverify(@Param() params: CompanionIdParams) {
    return { companion: toOwnProfileResponse(await this.moderate.setVerified(params.id, false)) };
  }

  @Put(':id/tier')
  async setTier(@Param() params: CompanionIdParams, @Body() body: TierRequest) {
    return { companion: toOwnProfileResponse(await this.moderate.setTier(params.id, body.tier)) };
  }

  @Post(':id/hide')
  @HttpCode(200)
  async hide(@Param() params: CompanionIdParams) {
    return { companion: toOwnProfileResponse(await this.moderate.hide(params.id)) };
  }

  @Post(':id/portfolio/:itemId/approve')
  @HttpCode(200)
  async approve(@Param() params: PortfolioItemParams) {
    const item = await this.moderate.reviewPortfolioItem(params.id, params.itemId, 'approved');
    return { item: toModeratedPortfolioItemResponse(item) };
  }

  @Post(':id/portfolio/:itemId/reject')
  @HttpCode(200)
  async reject(@Param() params: PortfolioItemParams) {
    const item = await this.moderate.reviewPortfolioItem(params.id, params.itemId, 'rejected');
    return { item: toModeratedPortfolioItemResponse(item) };
  }
}
