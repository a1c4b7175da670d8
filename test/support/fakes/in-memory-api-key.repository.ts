import { ApiKey } from '../../../src/modules/api-keys/domain/api-key';
import { digestApiKeyToken } from '../../../src/modules/api-keys/domain/api-key-token';
import {
  ApiKeyCredential,
  ApiKeyRepository,
  NewApiKey,
} from '../../../src/modules/api-keys/domain/ports/api-key.repository';
import { Account } from '../../../src/modules/identity';

/** Keys with their owners' accounts, as the one-round-trip credential read returns them. */
export class InMemoryApiKeyRepository extends ApiKeyRepository {
  private readonly keys = new Map<number, { key: ApiKey; digest: string }>();
  private readonly owners = new Map<number, Account>();
  private nextId = 1;
  readonly credentialReads: string[] = [];
  readonly lastUsedWrites: Array<{ keyId: number; at: Date }> = [];

  /** Stores a key for this token (its owner's account as given) and returns it. */
  addKey(token: string, owner: Account, permissions: ApiKey['permissions']): ApiKey {
    this.owners.set(owner.id, owner);
    const key: ApiKey = {
      id: this.nextId++,
      userId: owner.id,
      name: 'test key',
      prefix: token.slice(0, 11),
      permissions,
      createdAt: new Date('2026-01-01T00:00:00Z'),
      lastUsedAt: null,
      revokedAt: null,
    };
    this.keys.set(key.id, { key, digest: digestApiKeyToken(token) });
    return key;
  }

  /** Changes the owner's account, as identity would (suspension, downgrade). */
  updateOwner(owner: Account): void {
    this.owners.set(owner.id, owner);
  }

  async lockAccount(): Promise<void> {}

  async countActive(userId: number): Promise<number> {
    return [...this.keys.values()].filter(
      ({ key }) => key.userId === userId && key.revokedAt === null,
    ).length;
  }

  async create(key: NewApiKey): Promise<ApiKey> {
    const stored: ApiKey = {
      id: this.nextId++,
      userId: key.userId,
      name: key.name,
      prefix: key.prefix,
      permissions: key.permissions,
      createdAt: new Date('2026-01-01T00:00:00Z'),
      lastUsedAt: null,
      revokedAt: null,
    };
    this.keys.set(stored.id, { key: stored, digest: key.digest });
    return { ...stored };
  }

  async listForUser(userId: number): Promise<ApiKey[]> {
    return [...this.keys.values()]
      .filter(({ key }) => key.userId === userId)
      .map(({ key }) => ({ ...key }));
  }

  async findForUser(userId: number, id: number): Promise<ApiKey | null> {
    const found = this.keys.get(id);
    return found && found.key.userId === userId ? { ...found.key } : null;
  }

  async findCredentialByDigest(digest: string): Promise<ApiKeyCredential | null> {
    this.credentialReads.push(digest);
    const found = [...this.keys.values()].find((stored) => stored.digest === digest);
    if (!found) return null;
    return { key: { ...found.key }, owner: { ...(this.owners.get(found.key.userId) as Account) } };
  }

  async revoke(id: number, at: Date): Promise<void> {
    const found = this.keys.get(id);
    if (found && found.key.revokedAt === null) found.key.revokedAt = at;
  }

  async touchLastUsed(id: number, at: Date): Promise<void> {
    this.lastUsedWrites.push({ keyId: id, at });
  }
}
