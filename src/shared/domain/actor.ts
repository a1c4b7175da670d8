export const ROLES = ['client', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = ['read', 'book'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type AuthenticationMethod = 'session' | 'api_key';

/** Who is calling: the authenticated user, and how (a session or an API key acting as its owner). */
export interface Actor {
  userId: number;
  email: string;
  firstName: string;
  role: Role;
  organizationId: number | null;
  authenticatedBy: AuthenticationMethod;
  /** The key used, when authenticated by API key. */
  apiKeyId: number | null;
  /** What an API key may do; sessions carry every permission (their role decides). */
  permissions: readonly Permission[];
}

export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin';
}
