import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { DomainError } from '../../../shared/domain/domain-error';
import { ApiKeyRepository } from '../domain/ports/api-key.repository';

/** An account revokes one of its keys; other accounts' keys do not exist for it (404). */
@Injectable()
export class RevokeApiKeyUseCase {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(userId: number, keyId: number): Promise<void> {
    const key = await this.keys.findForUser(userId, keyId);
    if (!key) throw DomainError.notFound('API key not found');
    if (key.revokedAt === null) await this.keys.revoke(key.id, this.clock.now());
  }
}
