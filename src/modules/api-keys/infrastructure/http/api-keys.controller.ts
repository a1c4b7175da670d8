import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { CurrentActor } from '../../../../shared/auth/current-actor.decorator';
import { Actor } from '../../../../shared/domain/actor';
import { ApiErrorResponses } from '../../../../shared/http/api-error-responses.decorator';
import { ApiIdParam, IdParamPipe } from '../../../../shared/http/id-param.pipe';
import { SUCCESS, SuccessResponse } from '../../../../shared/http/success.response';
import { CreateApiKeyUseCase } from '../../application/create-api-key.use-case';
import { ListApiKeysQuery } from '../../application/list-api-keys.query';
import { RevokeApiKeyUseCase } from '../../application/revoke-api-key.use-case';
import {
  API_KEY_CREATED_EXAMPLE,
  API_KEY_LIST_EXAMPLE,
  ApiKeyListResponse,
  CreatedApiKeyResponse,
  toApiKeyResponse,
  toCreatedApiKeyResponse,
} from './dto/api-key.response';
import { CreateApiKeyRequest } from './dto/create-api-key.request';

/** CONTRACT §2.3. Key management needs the web session: a key cannot mint or list keys. */
@ApiTags('api-keys')
@Controller('api/keys')
@Auth({ sessionOnly: true })
export class ApiKeysController {
  constructor(
    private readonly createApiKey: CreateApiKeyUseCase,
    private readonly listApiKeys: ListApiKeysQuery,
    private readonly revokeApiKey: RevokeApiKeyUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key (Enterprise subscribers and administrators)' })
  @ApiCreatedResponse({ type: CreatedApiKeyResponse, example: API_KEY_CREATED_EXAMPLE })
  @ApiErrorResponses({
    403: ['Enterprise subscription required', 'API key limit reached (5 active keys)'],
  })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateApiKeyRequest,
  ): Promise<CreatedApiKeyResponse> {
    const { key, token } = await this.createApiKey.execute(
      actor.userId,
      body.name,
      body.permissions,
    );
    return toCreatedApiKeyResponse(key, token);
  }

  @Get()
  @ApiOperation({ summary: 'List your API keys (masked), revoked ones included' })
  @ApiOkResponse({ type: ApiKeyListResponse, example: API_KEY_LIST_EXAMPLE })
  async list(@CurrentActor() actor: Actor): Promise<ApiKeyListResponse> {
    return { keys: (await this.listApiKeys.execute(actor.userId)).map(toApiKeyResponse) };
  }

  @Delete(':id')
  @ApiIdParam()
  @ApiOperation({ summary: 'Revoke an API key (at once: its next request is refused)' })
  @ApiOkResponse({ type: SuccessResponse, example: SUCCESS })
  @ApiErrorResponses({ 404: 'API key not found' })
  async revoke(
    @CurrentActor() actor: Actor,
    @Param('id', new IdParamPipe()) id: number,
  ): Promise<SuccessResponse> {
    await this.revokeApiKey.execute(actor.userId, id);
    return SUCCESS;
  }
}
