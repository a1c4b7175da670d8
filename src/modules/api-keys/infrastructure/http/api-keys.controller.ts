import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { CurrentActor } from '../../../../shared/auth/current-actor.decorator';
import { Actor } from '../../../../shared/domain/actor';
import { IdParamPipe } from '../../../../shared/http/id-param.pipe';
import { CreateApiKeyUseCase } from '../../application/create-api-key.use-case';
import { ListApiKeysQuery } from '../../application/list-api-keys.query';
import { RevokeApiKeyUseCase } from '../../application/revoke-api-key.use-case';
import { toCreatedKeyResponse, toKeyResponse } from './dto/api-key.response';
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
  async create(@CurrentActor() actor: Actor, @Body() body: CreateApiKeyRequest) {
    const { key, token } = await this.createApiKey.execute(
      actor.userId,
      body.name,
      body.permissions,
    );
    return toCreatedKeyResponse(key, token);
  }

  @Get()
  async list(@CurrentActor() actor: Actor) {
    return { keys: (await this.listApiKeys.execute(actor.userId)).map(toKeyResponse) };
  }

  @Delete(':id')
  async revoke(@CurrentActor() actor: Actor, @Param('id', new IdParamPipe()) id: number) {
    await this.revokeApiKey.execute(actor.userId, id);
    return { success: true };
  }
}
