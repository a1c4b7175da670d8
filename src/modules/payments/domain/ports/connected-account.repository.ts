export interface ConnectedAccount {
  userId: number;
  /** The provider's account id; never shown to API callers. */
  accountId: string;
  payoutsEnabled: boolean;
}

export abstract class ConnectedAccountRepository {
  abstract findByUser(userId: number): Promise<ConnectedAccount | null>;

  abstract findByAccountId(accountId: string): Promise<ConnectedAccount | null>;

  /** Inserts the account, or keeps the one already stored for the user; returns the stored one. */
  abstract insertIfAbsent(account: ConnectedAccount): Promise<ConnectedAccount>;

  abstract setPayoutsEnabled(accountId: string, enabled: boolean): Promise<void>;
}
