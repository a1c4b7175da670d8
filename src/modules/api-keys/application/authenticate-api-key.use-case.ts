import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { Clock } from '../../../shared/domain/clock';
import { DomainError } from '../../../shared/domain/domain-error';
import { actorFor } from '../../identity';
import { digestApiKeyToken, isWellFormedApiKeyToken } from '../domain/api-key-token';
import { ApiKeyRepository } from '../domain/ports/api-key.repository';

const INVALID_KEY = 'Invalid API key';
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolves a bearer token to the actor it stands for: its owner, with the key's scopes. The key and
 * its owner's account are read in one round trip on every request; nothing is cached, so a
 * revocation, suspension or downgrade applies to the very next request on every instance.
 */
@Injectable()
export class AuthenticateApiKeyUseCase {
  /** When this instance last wrote each key's last_used_at; spares the write on most requests. */
  private readonly lastWritten = new Map<number, number>();

  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(token: string): Promise<Actor> {
    if (!isWellFormedApiKeyToken(token)) throw DomainError.unauthorized(INVALID_KEY);
    const credential = await this.keys.findCredentialByDigest(digestApiKeyToken(token));
    if (!credential || credential.key.revokedAt !== null) {
      throw DomainError.unauthorized(INVALID_KEY);
    }
    const { key, owner } = credential;
    const actor = actorFor(owner, {
      kind: 'api_key',
      keyId: key.id,
      permissions: key.permissions,
    });
    await this.recordUse(key.id);
    return actor;
  }

  private async recordUse(keyId: number): Promise<void> {
    const now = this.clock.now();
    const previous = this.lastWritten.get(keyId);
    if (previous !== undefined && now.getTime() - previous < LAST_USED_RESOLUTION_MS) return;
    this.lastWritten.set(keyId, now.getTime());
    await this.keys.touchLastUsed(keyId, now);
  }
}
