import { randomBytes } from 'node:crypto';

/** An unguessable id: the local checkout page's address is all it takes to pay it. */
export function localId(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString('base64url')}`;
}
