/**
 * The event types an endpoint may subscribe to and the feed shows (CONTRACT §7.2): the
 * reference's catalogue, then the other booking transitions as extra types.
 */
export const REFERENCE_EVENT_TYPES = [
  'booking.created',
  'booking.completed',
  'booking.cancelled',
  'payment.completed',
  'review.created',
] as const;

export const EXTRA_EVENT_TYPES = [
  'booking.accepted',
  'booking.declined',
  'booking.expired',
  'booking.checked_in',
  'booking.disputed',
] as const;

export const WEBHOOK_EVENT_TYPES: readonly string[] = [
  ...REFERENCE_EVENT_TYPES,
  ...EXTRA_EVENT_TYPES,
];

/** Sent only by `POST /api/webhooks/:id/test`, to that endpoint. */
export const TEST_EVENT_TYPE = 'webhook.test';

export const ALL_EVENTS = '*';

export function isPublishedEventType(type: string): boolean {
  return WEBHOOK_EVENT_TYPES.includes(type);
}

export function subscribesTo(eventTypes: readonly string[], type: string): boolean {
  return eventTypes.includes(ALL_EVENTS) || eventTypes.includes(type);
}

/** The unknown entries of a subscription list; `["*"]` must stand alone. */
export function invalidEventTypes(eventTypes: readonly string[]): string[] {
  if (eventTypes.includes(ALL_EVENTS)) return eventTypes.length === 1 ? [] : [ALL_EVENTS];
  return eventTypes.filter((type) => !isPublishedEventType(type));
}
