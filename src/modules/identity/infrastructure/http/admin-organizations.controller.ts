import { Body, Controller, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { IdParamPipe } from '../../../../shared/http/id-param.pipe';
import { ManageOrganizations } from '../../application/manage-organizations.use-case';
import {
  CreateOrganizationRequest,
  toOrganizationResponse,
  UpdateOrganizationRequest,
} from './dto/organization.request';

@ApiTags('admin')
@Controller('api/admin/organizations')
@Auth({ roles: ['admin'] })
export class AdminOrganizationsController {
  constructor(private readonly organizations: ManageOrganizations) {}

  @Post()
  async create(@Body() body: CreateOrganizationRequest) {
    const organization = await this.organizations.create(body.name, body.subscription_tier);
    return { organization: toOrganizationResponse(organization) };
  }

  @Patch(':id')
  async changeTier(
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: UpdateOrganizationRequest,
  ) {
    const organization = await this.organizations.changeTier(id, body.subscription_tier);
    return { organization: toOrganizationResponse(organization) };
  }
}
