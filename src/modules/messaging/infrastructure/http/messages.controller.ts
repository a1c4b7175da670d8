import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { CurrentActor } from '../../../../shared/auth/current-actor.decorator';
import { Actor } from '../../../../shared/domain/actor';
import { ApiErrorResponses } from '../../../../shared/http/api-error-responses.decorator';
import { ApiIdParam, IdParamPipe } from '../../../../shared/http/id-param.pipe';
import { PageQuery } from '../../../../shared/http/page.query';
import { SUCCESS, SuccessResponse } from '../../../../shared/http/success.response';
import { CreateGroupUseCase } from '../../application/create-group.use-case';
import { GetConversationMessagesQuery } from '../../application/get-conversation-messages.query';
import { ListConversationsQuery } from '../../application/list-conversations.query';
import { MarkConversationReadUseCase } from '../../application/mark-conversation-read.use-case';
import { SendDirectMessageUseCase } from '../../application/send-direct-message.use-case';
import { ConversationMessagesRequest } from './dto/conversation-messages.request';
import { CreateGroupRequest } from './dto/create-group.request';
import {
  CONVERSATION_LIST_EXAMPLE,
  ConversationEnvelope,
  ConversationListResponse,
  GROUP_EXAMPLE,
  MESSAGE_ENVELOPE_EXAMPLE,
  MESSAGE_PAGE_EXAMPLE,
  MessageEnvelope,
  MessagePageResponse,
} from './dto/messaging.responses';
import { SendMessageRequest } from './dto/send-message.request';

const CONVERSATION_NOT_FOUND = 'Conversation not found';

/** Message history and sending over REST (CONTRACT §6.2); sockets carry the same messages. */
@ApiTags('messages')
@Controller('messages')
export class MessagesController {
  constructor(
    private readonly list: ListConversationsQuery,
    private readonly history: GetConversationMessagesQuery,
    private readonly sendDirect: SendDirectMessageUseCase,
    private readonly createGroup: CreateGroupUseCase,
    private readonly markRead: MarkConversationReadUseCase,
  ) {}

  @Get()
  @Auth({ permission: 'read' })
  @ApiOperation({
    summary: 'Your conversations, latest activity first, with last message and unread count',
  })
  @ApiOkResponse({ type: ConversationListResponse, example: CONVERSATION_LIST_EXAMPLE })
  conversations(
    @CurrentActor() actor: Actor,
    @Query() query: PageQuery,
  ): Promise<ConversationListResponse> {
    return this.list.execute(actor.userId, query.page, query.limit);
  }

  @Get('conversation/:id')
  @Auth({ permission: 'read' })
  @ApiOperation({ summary: "A conversation's messages, newest first, in cursor pages" })
  @ApiIdParam()
  @ApiOkResponse({ type: MessagePageResponse, example: MESSAGE_PAGE_EXAMPLE })
  @ApiErrorResponses({ 404: CONVERSATION_NOT_FOUND })
  messages(
    @CurrentActor() actor: Actor,
    @Param('id', new IdParamPipe()) id: number,
    @Query() query: ConversationMessagesRequest,
  ): Promise<MessagePageResponse> {
    return this.history.execute(actor.userId, id, query.before ?? null, query.limit);
  }

  @Post('send/:userId')
  @Auth({ permission: 'book' })
  @ApiOperation({
    summary: 'Send a message to a user (creates the direct conversation on the first message)',
    description:
      'Content is 1-5,000 characters after trimming. A blocked word is a 422 whose `content` ' +
      'entry says "Message rejected by content filter" (nothing is stored); e-mail addresses ' +
      'and phone numbers are replaced by `[hidden]` unless the parties have a paid booking.',
  })
  @ApiIdParam('userId')
  @ApiCreatedResponse({ type: MessageEnvelope, example: MESSAGE_ENVELOPE_EXAMPLE })
  @ApiErrorResponses({
    403: 'You may not message this user',
    404: 'User not found',
  })
  async send(
    @CurrentActor() actor: Actor,
    @Param('userId', new IdParamPipe('userId')) userId: number,
    @Body() body: SendMessageRequest,
  ): Promise<MessageEnvelope> {
    return { message: await this.sendDirect.execute(actor, userId, body.content) };
  }

  @Post('groups')
  @Auth({ permission: 'book' })
  @ApiOperation({
    summary: 'Create a group conversation with the staff members of your bookings for an event',
  })
  @ApiCreatedResponse({ type: ConversationEnvelope, example: GROUP_EXAMPLE })
  @ApiErrorResponses({ 403: 'Only clients create group conversations' })
  async group(
    @CurrentActor() actor: Actor,
    @Body() body: CreateGroupRequest,
  ): Promise<ConversationEnvelope> {
    const conversation = await this.createGroup.execute(actor, {
      title: body.title,
      bookingCodes: body.booking_codes,
    });
    return { conversation };
  }

  @Post('conversation/:id/read')
  @HttpCode(200)
  @Auth({ permission: 'read' })
  @ApiOperation({ summary: 'Mark every message of the conversation read' })
  @ApiIdParam()
  @ApiOkResponse({ type: SuccessResponse, example: SUCCESS })
  @ApiErrorResponses({ 404: CONVERSATION_NOT_FOUND })
  async read(
    @CurrentActor() actor: Actor,
    @Param('id', new IdParamPipe()) id: number,
  ): Promise<SuccessResponse> {
    await this.markRead.execute(actor.userId, id);
    return SUCCESS;
  }
}
