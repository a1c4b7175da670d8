/** The brute-force policy of CONTRACT §2.2, provided from configuration by the module. */
export abstract class LoginPolicy {
  abstract readonly maxFailures: number;
  abstract readonly failureWindowMs: number;
}
