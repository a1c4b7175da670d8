import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { CurrentActor } from '../../../../shared/auth/current-actor.decorator';
import { Actor } from '../../../../shared/domain/actor';
import { EventPosition, START_OF_STREAM } from '../../../../shared/events/domain-event';
import { EventFeedQuery } from '../../application/event-feed.query';
import { EventFeedRequest } from './dto/webhook.requests';
import { EVENT_FEED_EXAMPLE, EventFeedResponse } from './dto/webhook.responses';

/** CONTRACT §7.3: the event feed, for integrators who cannot receive webhooks. */
@ApiTags('events')
@Controller('api/v1/events')
export class EventsFeedController {
  constructor(private readonly feed: EventFeedQuery) {}

  @Get()
  @Auth({ permission: 'read' })
  @ApiOperation({
    summary:
      'Events in commit order, as webhooks deliver them, for the resources you may see; ' +
      'page with `after` = the previous `next_cursor`',
  })
  @ApiOkResponse({ type: EventFeedResponse, example: EVENT_FEED_EXAMPLE })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: EventFeedRequest,
  ): Promise<EventFeedResponse> {
    const after = (query.after as EventPosition | undefined) ?? START_OF_STREAM;
    const page = await this.feed.execute(actor, after, query.limit);
    return { events: page.events, next_cursor: page.nextCursor };
  }
}
