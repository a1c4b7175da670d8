import { DynamicModule, Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SharedDatabaseModule } from '../../shared/database/shared-database.module';
import { AuthenticateApiKeyUseCase } from './application/authenticate-api-key.use-case';
import { CreateApiKeyUseCase } from './application/create-api-key.use-case';
import { ListApiKeysQuery } from './application/list-api-keys.query';
import { RevokeApiKeyUseCase } from './application/revoke-api-key.use-case';
import { ApiKeyRepository } from './domain/ports/api-key.repository';
import { ApiKeyStrategy } from './infrastructure/auth/api-key.strategy';
import { ApiKeysController } from './infrastructure/http/api-keys.controller';
import { ApiKeyOrmEntity } from './infrastructure/persistence/api-key.orm-entity';
import { TypeOrmApiKeyRepository } from './infrastructure/persistence/typeorm-api-key.repository';

export interface ApiKeysModuleOptions {
  /** The identity module instance (the root's): keys belong to its accounts. */
  identity: DynamicModule | Type;
}

/**
 * API keys (CONTRACT §2.3) and the passport strategy that authenticates them. Owners' accounts
 * come from what the identity module exports; the api_keys table is this module's alone.
 */
@Module({})
export class ApiKeysModule {
  static forRoot(options: ApiKeysModuleOptions): DynamicModule {
    return {
      module: ApiKeysModule,
      imports: [
        TypeOrmModule.forFeature([ApiKeyOrmEntity]),
        SharedDatabaseModule,
        options.identity,
      ],
      controllers: [ApiKeysController],
      providers: [
        { provide: ApiKeyRepository, useClass: TypeOrmApiKeyRepository },
        CreateApiKeyUseCase,
        ListApiKeysQuery,
        RevokeApiKeyUseCase,
        AuthenticateApiKeyUseCase,
        ApiKeyStrategy,
      ],
      // What the messaging module calls to authenticate a socket's handshake.
      exports: [AuthenticateApiKeyUseCase],
    };
  }
}
