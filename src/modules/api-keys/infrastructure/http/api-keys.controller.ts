import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { CurrentActor } from '../../../../shared/auth/current-actor.decorator';
import { Actor } from '../../../../shared/domain/actor';
import { IdParamPipe } from '../../../../shared/http/id-param.pipe';
import { CreateApiKey } from '../../application/create-api-key.use-case';
import { ManageApiKeys } from '../../application/manage-api-keys.use-case';
import { ApiKey } from '../../domain/api-key';
import { CreateApiKeyRequest } from './dto/create-api-key.request';

function toKeyResponse(key: ApiKey) {
  return {
    id: key.id,
    name: key.name,
    prefix: `${key.prefix}…`,
    permissions: key.permissions,
    created_at: key.createdAt.toISOString(),
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
    revoked_at: key.revokedAt?.toISOString() ?? null,
  };
}

/** CONTRACT §2.3. Key management needs the web session: a key cannot mint or list keys. */
@ApiTags('api-keys')
@Controller('api/keys')
@Auth({ sessionOnly: true })
export class ApiKeysController {
  constructor(
    private readonly createApiKey: CreateApiKey,
    private readonly apiKeys: ManageApiKeys,
  ) {}

  @Post()
  async create(@CurrentActor() actor: Actor, @Body() body: CreateApiKeyRequest) {
    const { key, token } = await this.createApiKey.execute(
      actor.userId,
      body.name,
      body.permissions,
    );
    return {
      id: key.id,
      name: key.name,
      key: token,
      prefix: `${key.prefix}…`,
      permissions: key.permissions,
      created_at: key.createdAt.toISOString(),
    };
  }

  @Get()
  async list(@CurrentActor() actor: Actor) {
    return { keys: (await this.apiKeys.list(actor.userId)).map(toKeyResponse) };
  }

  @Delete(':id')
  async revoke(@CurrentActor() actor: Actor, @Param('id', new IdParamPipe()) id: number) {
    await this.apiKeys.revoke(actor.userId, id);
    return { success: true };
  }
}
