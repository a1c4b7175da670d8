import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthenticateApiKeyUseCase } from './application/authenticate-api-key.use-case';
import { CreateApiKeyUseCase } from './application/create-api-key.use-case';
import { ListApiKeysQuery } from './application/list-api-keys.query';
import { RevokeApiKeyUseCase } from './application/revoke-api-key.use-case';
import { ApiKeyRepository } from './domain/ports/api-key.repository';
import { ApiKeyStrategy } from './infrastructure/auth/api-key.strategy';
import { ApiKeysController } from './infrastructure/http/api-keys.controller';
import { ApiKeyOrmEntity } from './infrastructure/persistence/api-key.orm-entity';
import { TypeOrmApiKeyRepository } from './infrastructure/persistence/typeorm-api-key.repository';

/**
 * API keys (CONTRACT §2.3) and the passport strategy that authenticates them. Accounts come from
 * the identity module's exported GetActiveAccountQuery.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ApiKeyOrmEntity])],
  controllers: [ApiKeysController],
  providers: [
    { provide: ApiKeyRepository, useClass: TypeOrmApiKeyRepository },
    CreateApiKeyUseCase,
    ListApiKeysQuery,
    RevokeApiKeyUseCase,
    AuthenticateApiKeyUseCase,
    ApiKeyStrategy,
  ],
})
export class ApiKeysModule {}
