import {
  AttemptOutcome,
  AttemptResult,
  DeliveryKind,
  outcomeOf,
  streakAfter,
} from './delivery-policy';

const SCHEDULE = [1, 4, 16];
const failed = (statusCode: number | null): AttemptResult => ({
  statusCode,
  durationMs: 5,
  error: 'failed',
});
const ok: AttemptResult = { statusCode: 204, durationMs: 5, error: null };

describe('delivery policy (CONTRACT §7.2)', () => {
  it('retries a failed event 3 times, after 1 s, 4 s and 16 s, then gives up', () => {
    expect(
      [1, 2, 3, 4].map((attempt) => outcomeOf(failed(500), attempt, 'event', SCHEDULE)),
    ).toEqual([
      { kind: 'retry', delaySeconds: 1 },
      { kind: 'retry', delaySeconds: 4 },
      { kind: 'retry', delaySeconds: 16 },
      { kind: 'failed' },
    ]);
    expect(outcomeOf(failed(null), 2, 'recovery', SCHEDULE)).toEqual({
      kind: 'retry',
      delaySeconds: 4,
    });
  });

  it('counts any 2xx as success, and a redirect as a failure (never followed)', () => {
    expect(outcomeOf(ok, 1, 'event', SCHEDULE)).toEqual({ kind: 'succeeded' });
    expect(outcomeOf(failed(302), 1, 'event', SCHEDULE)).toEqual({
      kind: 'retry',
      delaySeconds: 1,
    });
  });

  it('stops at once on 410 Gone', () => {
    expect(outcomeOf(failed(410), 1, 'event', SCHEDULE)).toEqual({ kind: 'gone' });
    expect(outcomeOf(failed(410), 1, 'test', SCHEDULE)).toEqual({ kind: 'gone' });
  });

  it('tries test events and manual redeliveries once', () => {
    expect(outcomeOf(failed(500), 1, 'test', SCHEDULE)).toEqual({ kind: 'failed' });
    expect(outcomeOf(failed(500), 1, 'redelivery', SCHEDULE)).toEqual({ kind: 'failed' });
  });

  describe('the failure streak after outcomes recorded together', () => {
    const event = (kind: AttemptOutcome['kind']): { kind: DeliveryKind; outcome: AttemptOutcome } =>
      ({
        kind: 'event',
        outcome: kind === 'retry' ? { kind, delaySeconds: 1 } : { kind },
      }) as { kind: DeliveryKind; outcome: AttemptOutcome };

    it('adds failed events, ignores retries, and a success resets it', () => {
      expect(streakAfter(2, [event('failed'), event('retry'), event('failed')])).toEqual({
        consecutiveFailures: 4,
        disabledReason: null,
      });
      expect(streakAfter(7, [event('failed'), event('succeeded'), event('failed')])).toEqual({
        consecutiveFailures: 1,
        disabledReason: null,
      });
    });

    it('disables at the 10th failed event even when a later success in the batch resets it', () => {
      expect(streakAfter(9, [event('failed'), event('succeeded')])).toEqual({
        consecutiveFailures: 0,
        disabledReason: 'Disabled after 10 consecutive failed events',
      });
      expect(streakAfter(8, [event('failed')]).disabledReason).toBeNull();
    });

    it('disables on 410 from any kind; tests and redeliveries never touch the streak', () => {
      expect(
        streakAfter(3, [
          { kind: 'test', outcome: { kind: 'succeeded' } },
          { kind: 'redelivery', outcome: { kind: 'failed' } },
        ]),
      ).toEqual({ consecutiveFailures: 3, disabledReason: null });
      expect(streakAfter(0, [{ kind: 'test', outcome: { kind: 'gone' } }])).toEqual({
        consecutiveFailures: 0,
        disabledReason: 'Disabled: the endpoint answered 410 Gone',
      });
    });
  });
});
