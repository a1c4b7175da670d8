import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { DomainError } from '../../../shared/domain/domain-error';
import { ApiKey } from '../domain/api-key';
import { ApiKeyRepository } from '../domain/ports/api-key.repository';

/** An account lists and revokes its own keys; other accounts' keys do not exist for it. */
@Injectable()
export class ManageApiKeys {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly clock: Clock,
  ) {}

  list(userId: number): Promise<ApiKey[]> {
    return this.keys.listForUser(userId);
  }

  async revoke(userId: number, keyId: number): Promise<void> {
    const key = await this.keys.findForUser(userId, keyId);
    if (!key) throw DomainError.notFound('API key not found');
    if (key.revokedAt === null) await this.keys.revoke(key.id, this.clock.now());
  }
}
