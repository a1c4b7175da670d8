import { Body, Controller, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { CurrentOperator } from '../../../../shared/auth/current-operator.decorator';
import { Operator } from '../../../../shared/domain/audit-trail';
import { ApiErrorResponses } from '../../../../shared/http/api-error-responses.decorator';
import { ApiIdParam, IdParamPipe } from '../../../../shared/http/id-param.pipe';
import { ChangeOrganizationTierUseCase } from '../../application/change-organization-tier.use-case';
import { CreateOrganizationUseCase } from '../../application/create-organization.use-case';
import { CreateOrganizationRequest, UpdateOrganizationRequest } from './dto/organization.request';
import {
  ORGANIZATION_CREATED_EXAMPLE,
  ORGANIZATION_EXAMPLE,
  OrganizationEnvelope,
  toOrganizationResponse,
} from './dto/organization.response';

@ApiTags('admin')
@Controller('api/admin/organizations')
@Auth({ roles: ['admin'] })
export class AdminOrganizationsController {
  constructor(
    private readonly createOrganization: CreateOrganizationUseCase,
    private readonly changeOrganizationTier: ChangeOrganizationTierUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an organization' })
  @ApiCreatedResponse({ type: OrganizationEnvelope, example: ORGANIZATION_CREATED_EXAMPLE })
  async create(
    @CurrentOperator() operator: Operator,
    @Body() body: CreateOrganizationRequest,
  ): Promise<OrganizationEnvelope> {
    const organization = await this.createOrganization.execute(
      operator,
      body.name,
      body.subscription_tier,
    );
    return { organization: toOrganizationResponse(organization) };
  }

  @Patch(':id')
  @ApiIdParam()
  @ApiOperation({ summary: "Change an organization's subscription tier" })
  @ApiOkResponse({ type: OrganizationEnvelope, example: ORGANIZATION_EXAMPLE })
  @ApiErrorResponses({ 404: 'Organization not found' })
  async changeTier(
    @CurrentOperator() operator: Operator,
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: UpdateOrganizationRequest,
  ): Promise<OrganizationEnvelope> {
    const organization = await this.changeOrganizationTier.execute(
      operator,
      id,
      body.subscription_tier,
    );
    return { organization: toOrganizationResponse(organization) };
  }
}
