/**
 * Named steps at which a crash test may kill the process (SIGKILL: no shutdown hook, no rollback
 * handler, connections cut as they are). Production code marks the steps where a crash would be
 * hardest to survive; only a test run (NODE_ENV=test with FAILPOINTS) arms any of them.
 */
export abstract class Failpoints {
  /** Dies here if this step is armed; otherwise returns at once. */
  abstract reach(name: string): void;
}

/** No step armed: what unit tests and every non-test start use. */
export class NoFailpoints extends Failpoints {
  reach(): void {
    return undefined;
  }
}

/** The steps a crash test can arm, so that a mistyped name fails loudly instead of never firing. */
export const FAILPOINT_NAMES = {
  /** The transfer was made at the provider; the payout and its ledger entry are not yet recorded. */
  payoutAfterTransfer: 'payments.payout.after-transfer',
  /** The refund was made at the provider; it is not yet recorded. */
  refundAfterCreate: 'payments.refund.after-create',
  /** A webhook delivery was sent and answered; the attempt is not yet recorded. */
  webhookAfterSend: 'webhooks.delivery.after-send',
} as const;

/** `http.before-response:<METHOD> <route>`: after the handler and its transaction, before a 2xx is sent. */
export const BEFORE_RESPONSE_PREFIX = 'http.before-response:';

export function isKnownFailpoint(name: string): boolean {
  return (
    (Object.values(FAILPOINT_NAMES) as string[]).includes(name) ||
    /^http\.before-response:(GET|POST|PUT|PATCH|DELETE) \/\S*$/.test(name)
  );
}
