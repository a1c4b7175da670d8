import { Permission } from '../../../shared/domain/actor';

export const MAX_ACTIVE_KEYS_PER_ACCOUNT = 5;

export interface ApiKey {
  id: number;
  userId: number;
  name: string;
  /** The first characters of the key, safe to show (`ps_a1b2c3d4`). */
  prefix: string;
  permissions: Permission[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}
