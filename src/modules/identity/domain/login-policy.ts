/** The brute-force policy of CONTRACT §2.2, provided from configuration by the module. */
export abstract class LoginPolicy {
  /** Failures per e-mail and client IP within the window. */
  abstract readonly maxFailures: number;
  /** Failures per e-mail across all client IPs within the window. */
  abstract readonly maxFailuresPerEmail: number;
  abstract readonly failureWindowMs: number;
}
