import { DomainEvent } from '../../../shared/events/domain-event';
import { isPublishedEventType } from './event-catalogue';

/**
 * What webhooks deliver and the feed lists (CONTRACT §7.2, §7.3): `{id, type, created_at,
 * sequence, data}`. The id is stable (`evt_` + the outbox row's id): a retry, a redelivery and
 * the feed carry the same one, so receivers deduplicate on it.
 */
export interface WebhookEventBody {
  id: string;
  type: string;
  created_at: string;
  sequence: number;
  data: Record<string, unknown>;
}

export function eventIdOf(event: Pick<DomainEvent, 'id'>): string {
  return `evt_${event.id}`;
}

/** Who may hear about an event: the rule of `GET /api/v1/bookings/:code` (parties and admins). */
export interface EventAudience {
  userIds: number[];
}

const PARTY_FIELDS = ['client_user_id', 'staff_user_id', 'created_by_user_id'] as const;

/**
 * The parties named by the event; admins see every event. An event naming no party (a type this
 * module does not know yet) reaches admins only: never more than its owner may see.
 */
export function audienceOf(event: DomainEvent): EventAudience {
  const userIds = PARTY_FIELDS.map((field) => event.payload[field]).filter(
    (value): value is number => typeof value === 'number',
  );
  return { userIds: [...new Set(userIds)] };
}

export function mayHear(
  audience: EventAudience,
  listener: { userId: number; isAdmin: boolean },
): boolean {
  return listener.isAdmin || audience.userIds.includes(listener.userId);
}

/**
 * The public data of an event: the resource as the API shows it (booking events carry
 * `data.booking` with its `version`) and, for transitions, what moved it. Internal fields (party
 * user ids) stay out.
 */
export function publicDataOf(event: DomainEvent): Record<string, unknown> | null {
  if (!isPublishedEventType(event.type)) return null;
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event.payload)) {
    if ((PARTY_FIELDS as readonly string[]).includes(key)) continue;
    if (key === 'transition' && value && typeof value === 'object') {
      const transition = { ...(value as Record<string, unknown>) };
      delete transition.by_user_id;
      data.transition = transition;
      continue;
    }
    data[key] = value;
  }
  return data;
}

export function webhookBody(
  event: DomainEvent,
  data: Record<string, unknown>,
  sequence: number,
): WebhookEventBody {
  return {
    id: eventIdOf(event),
    type: event.type,
    created_at: event.occurredAt.toISOString(),
    sequence,
    data,
  };
}
