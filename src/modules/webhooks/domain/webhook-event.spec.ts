import { DomainEvent, eventPosition } from '../../../shared/events/domain-event';
import { invalidEventTypes, subscribesTo } from './event-catalogue';
import { audienceOf, mayHear, publicDataOf, webhookBody } from './webhook-event';

function event(type: string, payload: Record<string, unknown>): DomainEvent {
  return {
    position: eventPosition('10', '7'),
    id: 7,
    type,
    aggregateType: 'booking',
    aggregateId: '3',
    aggregateVersion: 2,
    payload,
    actorUserId: 5,
    occurredAt: new Date('2026-12-01T09:00:00.000Z'),
    recordedAt: new Date('2026-12-01T09:00:00.001Z'),
  };
}

const accepted = event('booking.accepted', {
  booking: { id: 3, version: 2, status: 'accepted' },
  transition: {
    action: 'accept',
    from: 'pending',
    to: 'accepted',
    by: 'staff',
    by_user_id: 9,
    reason: null,
  },
  client_user_id: 5,
  staff_user_id: 9,
  created_by_user_id: 6,
});

describe('webhook events', () => {
  it('reach the parties of the booking and admins, nobody else', () => {
    const audience = audienceOf(accepted);
    expect(mayHear(audience, { userId: 5, isAdmin: false })).toBe(true);
    expect(mayHear(audience, { userId: 6, isAdmin: false })).toBe(true);
    expect(mayHear(audience, { userId: 9, isAdmin: false })).toBe(true);
    expect(mayHear(audience, { userId: 11, isAdmin: false })).toBe(false);
    expect(mayHear(audience, { userId: 11, isAdmin: true })).toBe(true);
    expect(mayHear(audienceOf(event('review.created', {})), { userId: 5, isAdmin: false })).toBe(
      false,
    );
  });

  it('carry the resource with its version, without internal user ids', () => {
    const data = publicDataOf(accepted);
    expect(data).toEqual({
      booking: { id: 3, version: 2, status: 'accepted' },
      transition: { action: 'accept', from: 'pending', to: 'accepted', by: 'staff', reason: null },
    });
    expect(webhookBody(accepted, data!, 4)).toEqual({
      id: 'evt_7',
      type: 'booking.accepted',
      created_at: '2026-12-01T09:00:00.000Z',
      sequence: 4,
      data,
    });
    expect(publicDataOf(event('payments.internal', {}))).toBeNull();
  });

  it('are subscribed by type or with "*" alone', () => {
    expect(subscribesTo(['*'], 'payment.completed')).toBe(true);
    expect(subscribesTo(['booking.created'], 'payment.completed')).toBe(false);
    expect(invalidEventTypes(['booking.created', 'review.created', 'booking.disputed'])).toEqual(
      [],
    );
    expect(invalidEventTypes(['booking.nope'])).toEqual(['booking.nope']);
    expect(invalidEventTypes(['*', 'booking.created'])).toEqual(['*']);
  });
});
