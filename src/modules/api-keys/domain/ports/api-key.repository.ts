import { Permission } from '../../../../shared/domain/actor';
import { Account } from '../../../identity';
import { ApiKey } from '../api-key';

export interface NewApiKey {
  userId: number;
  name: string;
  digest: string;
  prefix: string;
  permissions: Permission[];
}

/** A key together with its owner's account, as read for authentication. */
export interface ApiKeyCredential {
  key: ApiKey;
  owner: Account;
}

export abstract class ApiKeyRepository {
  /** Serializes key creation per account (until the transaction ends): the key limit holds under races. */
  abstract lockAccount(userId: number): Promise<void>;
  abstract countActive(userId: number): Promise<number>;
  abstract create(key: NewApiKey): Promise<ApiKey>;
  abstract listForUser(userId: number): Promise<ApiKey[]>;
  abstract findForUser(userId: number, id: number): Promise<ApiKey | null>;
  /**
   * The key and its owner's current account (status, role, effective tier) in one round trip: the
   * hot path of every API-key request. Nothing about the owner is cached, so a suspension or a
   * downgrade applies to the next request.
   */
  abstract findCredentialByDigest(digest: string): Promise<ApiKeyCredential | null>;
  abstract revoke(id: number, at: Date): Promise<void>;
  /** Writes last_used_at unless it was written less than a minute before `at`. */
  abstract touchLastUsed(id: number, at: Date): Promise<void>;
}
