import { Body, Controller, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { IdParamPipe } from '../../../../shared/http/id-param.pipe';
import { ChangeOrganizationTierUseCase } from '../../application/change-organization-tier.use-case';
import { CreateOrganizationUseCase } from '../../application/create-organization.use-case';
import { CreateOrganizationRequest, UpdateOrganizationRequest } from './dto/organization.request';
import { toOrganizationResponse } from './dto/organization.response';

@ApiTags('admin')
@Controller('api/admin/organizations')
@Auth({ roles: ['admin'] })
export class AdminOrganizationsController {
  constructor(
    private readonly createOrganization: CreateOrganizationUseCase,
    private readonly changeOrganizationTier: ChangeOrganizationTierUseCase,
  ) {}

  @Post()
  async create(@Body() body: CreateOrganizationRequest) {
    const organization = await this.createOrganization.execute(body.name, body.subscription_tier);
    return { organization: toOrganizationResponse(organization) };
  }

  @Patch(':id')
  async changeTier(
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: UpdateOrganizationRequest,
  ) {
    const organization = await this.changeOrganizationTier.execute(id, body.subscription_tier);
    return { organization: toOrganizationResponse(organization) };
  }
}
