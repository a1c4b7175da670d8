/** What the webhooks module needs to know about an endpoint's owner, now. */
export interface OwnerAccess {
  /** Enterprise or admin, and not suspended. */
  mayUseApi: boolean;
  isAdmin: boolean;
}

export abstract class EndpointOwners {
  /** Null for an account that is gone or suspended. */
  abstract accessOf(userId: number): Promise<OwnerAccess | null>;
}
