import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { CurrentActor } from '../../../../shared/auth/current-actor.decorator';
import { Actor } from '../../../../shared/domain/actor';
import { IdParamPipe } from '../../../../shared/http/id-param.pipe';
import { SearchUsersQuery } from '../../application/search-users.query';
import { UpdateUserUseCase } from '../../application/update-user.use-case';
import { SearchUsersRequest, UpdateUserRequest } from './dto/admin-user.request';
import { toUserResponse, UserResponse } from './dto/user.response';

@ApiTags('admin')
@Controller('api/admin/users')
@Auth({ roles: ['admin'] })
export class AdminUsersController {
  constructor(
    private readonly searchUsers: SearchUsersQuery,
    private readonly updateUser: UpdateUserUseCase,
  ) {}

  @Get()
  async list(@Query() query: SearchUsersRequest) {
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
  async update(
    @CurrentActor() admin: Actor,
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: UpdateUserRequest,
  ): Promise<{ user: UserResponse }> {
    const account = await this.updateUser.execute(admin.userId, id, {
      role: body.role,
      status: body.status,
      subscriptionTier: body.subscription_tier,
      organizationId: body.organization_id,
    });
    return { user: toUserResponse(account) };
  }
}
