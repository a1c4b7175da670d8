/** An endpoint whose events failed (every attempt) this many times in a row is disabled. */
export const FAILURES_BEFORE_DISABLE = 10;
export const MAX_ENDPOINTS_PER_USER = 10;
/** Both secrets sign for this long after a rotation. */
export const SECRET_ROTATION_OVERLAP_MS = 24 * 3_600_000;
/** A receiver must answer within this, with a 2xx, for a delivery to succeed. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** At most this much of a response body is read (and kept, truncated, as the error). */
export const MAX_RESPONSE_BYTES = 64 * 1024;

export type DeliveryKind = 'event' | 'recovery' | 'test' | 'redelivery';

export interface AttemptResult {
  statusCode: number | null;
  durationMs: number;
  /** Why the attempt failed (network error, refused address, non-2xx), null on success. */
  error: string | null;
}

export function succeeded(result: AttemptResult): boolean {
  return result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
}

export type AttemptOutcome =
  | { kind: 'succeeded' }
  /** Try again after this many seconds. */
  | { kind: 'retry'; delaySeconds: number }
  /** Every attempt failed: the event counts against the endpoint. */
  | { kind: 'failed' }
  /** 410 Gone: the receiver asked to be removed; the endpoint is disabled at once. */
  | { kind: 'gone' };

/**
 * What follows attempt number `attempt` (1-based) of a delivery: the contract's schedule retries a
 * failed event 3 times, after 1 s, 4 s and 16 s (`retryDelaysSeconds`). Tests, redeliveries sent
 * by hand and `webhook.test` are tried once.
 */
export function outcomeOf(
  result: AttemptResult,
  attempt: number,
  kind: DeliveryKind,
  retryDelaysSeconds: readonly number[],
): AttemptOutcome {
  if (succeeded(result)) return { kind: 'succeeded' };
  if (result.statusCode === 410) return { kind: 'gone' };
  const retries = kind === 'event' || kind === 'recovery';
  if (retries && attempt <= retryDelaysSeconds.length) {
    return { kind: 'retry', delaySeconds: retryDelaysSeconds[attempt - 1] };
  }
  return { kind: 'failed' };
}

export function disabledReasonAfterFailures(): string {
  return `Disabled after ${FAILURES_BEFORE_DISABLE} consecutive failed events`;
}

export const GONE_REASON = 'Disabled: the endpoint answered 410 Gone';

/**
 * A worker claims a due delivery for this long: a worker that dies with it (sent, not recorded)
 * leaves it due again when the lease ends, and another worker sends it — at least once.
 */
export const DELIVERY_LEASE_SECONDS = 60;

/** Whether the attempt's outcome touches its endpoint's failure streak: events and recoveries do. */
export function countsTowardsStreak(kind: DeliveryKind): boolean {
  return kind === 'event' || kind === 'recovery';
}

export interface StreakVerdict {
  consecutiveFailures: number;
  /** Why the endpoint is disabled now, null when these outcomes do not disable it. */
  disabledReason: string | null;
}

/**
 * An endpoint's failure streak after outcomes recorded together, in the order they happened: a
 * counted success resets it, a counted event that failed for good adds one, and reaching
 * FAILURES_BEFORE_DISABLE at any point — or a 410 — disables the endpoint, even if a later
 * success in the same batch resets the streak. Retries change nothing yet.
 */
export function streakAfter(
  consecutiveFailures: number,
  outcomes: ReadonlyArray<{ kind: DeliveryKind; outcome: AttemptOutcome }>,
): StreakVerdict {
  let streak = consecutiveFailures;
  let disabledReason: string | null = null;
  for (const { kind, outcome } of outcomes) {
    if (outcome.kind === 'gone') disabledReason ??= GONE_REASON;
    if (!countsTowardsStreak(kind)) continue;
    if (outcome.kind === 'succeeded') streak = 0;
    if (outcome.kind === 'failed') {
      streak += 1;
      if (streak >= FAILURES_BEFORE_DISABLE) disabledReason ??= disabledReasonAfterFailures();
    }
  }
  return { consecutiveFailures: streak, disabledReason };
}
