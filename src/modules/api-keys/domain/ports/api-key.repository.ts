import { Permission } from '../../../../shared/domain/actor';
import { ApiKey } from '../api-key';

export interface NewApiKey {
  userId: number;
  name: string;
  digest: string;
  prefix: string;
  permissions: Permission[];
}

export abstract class ApiKeyRepository {
  /** Serializes key creation per account (row lock), so the active-key limit holds under races. */
  abstract lockAccount(userId: number): Promise<void>;
  abstract countActive(userId: number): Promise<number>;
  abstract create(key: NewApiKey): Promise<ApiKey>;
  abstract listForUser(userId: number): Promise<ApiKey[]>;
  abstract findForUser(userId: number, id: number): Promise<ApiKey | null>;
  abstract findByDigest(digest: string): Promise<ApiKey | null>;
  abstract revoke(id: number, at: Date): Promise<void>;
  /** Writes last_used_at unless it was written less than a minute before `at`. */
  abstract touchLastUsed(id: number, at: Date): Promise<void>;
}
