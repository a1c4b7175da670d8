import { Injectable } from '@nestjs/common';
import { Actor, isAdmin } from '../../../shared/domain/actor';
import { EventPosition } from '../../../shared/events/domain-event';
import { EventLog } from '../../../shared/events/event-log';
import { audienceOf, eventIdOf, mayHear, publicDataOf } from '../domain/webhook-event';

/** An event of the feed: the webhook payload's fields, with its cursor instead of a sequence. */
export interface FeedEvent {
  id: string;
  type: string;
  created_at: string;
  cursor: EventPosition;
  data: Record<string, unknown>;
}

export interface FeedPage {
  events: FeedEvent[];
  /** Pass as `after` for the next page; the same as `after` when nothing new was committed. */
  nextCursor: EventPosition;
}

/** How many events one request looks at, at most, to fill a page with what the caller may see. */
const MAX_SCANNED = 1_000;

/**
 * CONTRACT §7.3: the events webhooks deliver, in commit order (the outbox's cursor, which never
 * skips an event that commits late), only those the caller may see.
 */
@Injectable()
export class EventFeedQuery {
  constructor(private readonly log: EventLog) {}

  async execute(actor: Actor, after: EventPosition, limit: number): Promise<FeedPage> {
    const listener = { userId: actor.userId, isAdmin: isAdmin(actor) };
    const events: FeedEvent[] = [];
    let cursor = after;
    let scanned = 0;
    while (events.length < limit && scanned < MAX_SCANNED) {
      const batch = await this.log.readAfter(cursor, Math.min(MAX_SCANNED - scanned, 200));
      if (batch.length === 0) break;
      for (const event of batch) {
        scanned += 1;
        cursor = event.position;
        const data = publicDataOf(event);
        if (data && mayHear(audienceOf(event), listener)) {
          events.push({
            id: eventIdOf(event),
            type: event.type,
            created_at: event.occurredAt.toISOString(),
            cursor: event.position,
            data,
          });
          if (events.length === limit) break;
        }
      }
    }
    return { events, nextCursor: cursor };
  }
}
