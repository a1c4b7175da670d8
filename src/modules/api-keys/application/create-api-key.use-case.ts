import { Injectable } from '@nestjs/common';
import { Permission } from '../../../shared/domain/actor';
import { DomainError } from '../../../shared/domain/domain-error';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { GetActiveAccountQuery, mayUseApi } from '../../identity';
import { ApiKey, MAX_ACTIVE_KEYS_PER_ACCOUNT } from '../domain/api-key';
import { digestApiKeyToken, displayPrefixOf, generateApiKeyToken } from '../domain/api-key-token';
import { ApiKeyRepository } from '../domain/ports/api-key.repository';

export interface CreatedApiKey {
  key: ApiKey;
  /** The only time the plaintext exists outside the caller's hands. */
  token: string;
}

@Injectable()
export class CreateApiKeyUseCase {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly activeAccount: GetActiveAccountQuery,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute(userId: number, name: string, permissions: Permission[]): Promise<CreatedApiKey> {
    const account = await this.activeAccount.execute(userId);
    if (!mayUseApi(account)) throw DomainError.forbidden('Enterprise subscription required');
    const token = generateApiKeyToken();
    const key = await this.transactions.run(async () => {
      await this.keys.lockAccount(userId);
      if ((await this.keys.countActive(userId)) >= MAX_ACTIVE_KEYS_PER_ACCOUNT) {
        throw DomainError.forbidden(
          `API key limit reached (${MAX_ACTIVE_KEYS_PER_ACCOUNT} active keys)`,
        );
      }
      return this.keys.create({
        userId,
        name: name.trim(),
        digest: digestApiKeyToken(token),
        prefix: displayPrefixOf(token),
        permissions: [...new Set(permissions)],
      });
    });
    return { key, token };
  }
}
