/** How many password checks one e-mail may get within a window (CONTRACT §2.2). */
export interface LoginBudget {
  /** Failures counted from this instant on. */
  since: Date;
  /** For one e-mail from one client IP. */
  perEmailAndIp: number;
  /** For one e-mail from all IPs together. */
  perEmail: number;
}

/**
 * Failed logins, shared by every instance. An attempt is counted as a failure before its
 * password is checked, and forgiven when the password was right, so that parallel guesses can
 * never get more checks than the budget allows.
 */
export abstract class LoginFailureLog {
  /**
   * Counts one attempt as a failure if both budgets still allow it, atomically with respect to
   * every other attempt for the e-mail; false (and nothing counted) when a budget is spent.
   */
  abstract reserveAttempt(
    email: string,
    clientIp: string,
    at: Date,
    budget: LoginBudget,
  ): Promise<boolean>;

  /** The password was right: this e-mail and IP start afresh. */
  abstract forgive(email: string, clientIp: string): Promise<void>;

  /** Forgets failures older than `before` (no budget counts them any more); how many went. */
  abstract prune(before: Date): Promise<number>;
}
