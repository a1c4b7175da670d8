import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { CurrentOperator } from '../../../../shared/auth/current-operator.decorator';
import { Operator } from '../../../../shared/domain/audit-trail';
import { ApiErrorResponses } from '../../../../shared/http/api-error-responses.decorator';
import { ApiIdParam, IdParamPipe } from '../../../../shared/http/id-param.pipe';
import { SearchUsersQuery } from '../../application/search-users.query';
import { UpdateUserUseCase } from '../../application/update-user.use-case';
import { SearchUsersRequest, UpdateUserRequest } from './dto/admin-user.request';
import {
  toUserResponse,
  USER_LIST_EXAMPLE,
  USER_UPDATED_EXAMPLE,
  UserEnvelope,
  UserListResponse,
} from './dto/user.response';

@ApiTags('admin')
@Controller('api/admin/users')
@Auth({ roles: ['admin'] })
export class AdminUsersController {
  constructor(
    private readonly searchUsers: SearchUsersQuery,
    private readonly updateUser: UpdateUserUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Search users by e-mail or name, role and status' })
  @ApiOkResponse({ type: UserListResponse, example: USER_LIST_EXAMPLE })
  async list(@Query() query: SearchUsersRequest): Promise<UserListResponse> {
    const { accounts, total } = await this.searchUsers.execute({
      query: query.q,
      role: query.role,
      status: query.status,
      page: query.page,
      limit: query.limit,
    });
    return { users: accounts.map(toUserResponse), page: query.page, limit: query.limit, total };
  }

  @Patch(':id')
  @ApiIdParam()
  @ApiOperation({ summary: "Change a user's role, status, tier or organization" })
  @ApiOkResponse({ type: UserEnvelope, example: USER_UPDATED_EXAMPLE })
  @ApiErrorResponses({
    403: 'Administrators cannot change their own role or status',
    404: 'User not found',
  })
  async update(
    @CurrentOperator() operator: Operator,
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: UpdateUserRequest,
  ): Promise<UserEnvelope> {
    const account = await this.updateUser.execute(operator, id, {
      role: body.role,
      status: body.status,
      subscriptionTier: body.subscription_tier,
      organizationId: body.organization_id,
    });
    return { user: toUserResponse(account) };
  }
}
