import { Role } from '../../../shared/domain/actor';
import { counterpartsOf, displayNameOf, mayWriteDirect, mustMaskBetween } from './conversation';

describe('who may write to whom (CONTRACT §6.1)', () => {
  const ROLES: Role[] = ['client', 'staff', 'admin'];

  /** Every pair of roles, with and without a reply to answer and a shared booking. */
  const cases = ROLES.flatMap((sender) =>
    ROLES.flatMap((recipient) =>
      [false, true].flatMap((otherHasWritten) =>
        [false, true].map((shareBooking) => ({ sender, recipient, otherHasWritten, shareBooking })),
      ),
    ),
  );

  function expected(c: (typeof cases)[number]): boolean {
    if (c.sender === 'admin') return true;
    if (c.otherHasWritten) return true;
    if (c.sender === 'client' && c.recipient === 'staff') return true;
    return c.sender === 'staff' && c.recipient === 'client' && c.shareBooking;
  }

  it.each(cases)('%o', async (c) => {
    const allowed = await mayWriteDirect(
      { role: c.sender },
      { role: c.recipient },
      {
        otherHasWritten: async () => c.otherHasWritten,
        relation: async () => ({ shareBooking: c.shareBooking }),
      },
    );
    expect(allowed).toBe(expected(c));
  });
});

describe('masking between parties (CONTRACT §6.4)', () => {
  const client = { userId: 1, role: 'client' as const };
  const staff = { userId: 2, role: 'staff' as const };
  const otherStaff = { userId: 3, role: 'staff' as const };
  const admin = { userId: 4, role: 'admin' as const };

  it('masks unless every counterpart has a paid booking with the sender', () => {
    expect(mustMaskBetween(client, [staff], new Set())).toBe(true);
    expect(mustMaskBetween(client, [staff], new Set([2]))).toBe(false);
    expect(mustMaskBetween(client, [staff, otherStaff], new Set([2]))).toBe(true);
    expect(mustMaskBetween(staff, [client, otherStaff], new Set([1]))).toBe(false);
  });

  it('never masks administrators or between people on the same side', () => {
    expect(mustMaskBetween(admin, [client], new Set())).toBe(false);
    expect(mustMaskBetween(client, [admin], new Set())).toBe(false);
    expect(mustMaskBetween(staff, [otherStaff], new Set())).toBe(false);
    expect(counterpartsOf(staff, [client, otherStaff, admin])).toEqual([1]);
    expect(counterpartsOf(admin, [client])).toEqual([]);
  });

  it('names people by first name and initial', () => {
    expect(displayNameOf({ firstName: 'Anna', lastName: 'klein' })).toBe('Anna K.');
    expect(displayNameOf({ firstName: 'Anna', lastName: ' ' })).toBe('Anna');
  });
});
