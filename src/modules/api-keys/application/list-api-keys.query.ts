import { Injectable } from '@nestjs/common';
import { ApiKey } from '../domain/api-key';
import { ApiKeyRepository } from '../domain/ports/api-key.repository';

/** An account's own keys, newest first, revoked ones included. */
@Injectable()
export class ListApiKeysQuery {
  constructor(private readonly keys: ApiKeyRepository) {}

  execute(userId: number): Promise<ApiKey[]> {
    return this.keys.listForUser(userId);
  }
}
