import { ApiProperty } from '@nestjs/swagger';
import { ConversationView, MessageView, ParticipantView } from '../../../application/message.view';

export class MessageResponse implements MessageView {
  @ApiProperty({ example: 1042 }) id!: number;
  @ApiProperty({ example: 7 }) conversation_id!: number;
  @ApiProperty({ example: 12 }) sender_id!: number;
  @ApiProperty({ example: 'Anna K.' }) sender_name!: string;
  @ApiProperty({ example: 'Hello, I have a question about the event.' }) content!: string;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
}

export class ParticipantResponse implements ParticipantView {
  @ApiProperty({ example: 12 }) user_id!: number;
  @ApiProperty({ example: 'Anna K.' }) name!: string;
  @ApiProperty({ enum: ['client', 'staff', 'admin'] }) role!: string;
  @ApiProperty({ description: 'Connected right now (on any instance)' }) online!: boolean;
}

export class ConversationResponse implements ConversationView {
  @ApiProperty({ example: 7 }) id!: number;
  @ApiProperty({ enum: ['direct', 'group'] }) type!: 'direct' | 'group';
  @ApiProperty({ type: 'string', nullable: true, example: null }) title!: string | null;
  @ApiProperty({ type: [ParticipantResponse] }) participants!: ParticipantResponse[];
  @ApiProperty({ type: MessageResponse, nullable: true }) last_message!: MessageResponse | null;
  @ApiProperty({ example: 2 }) unread_count!: number;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
}

export class ConversationListResponse {
  @ApiProperty({ type: [ConversationResponse] }) conversations!: ConversationResponse[];
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 12 }) limit!: number;
  @ApiProperty({ example: 1 }) total!: number;
}

export class MessagePageResponse {
  @ApiProperty({ type: [MessageResponse], description: 'Newest first' })
  messages!: MessageResponse[];

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Pass as `before` for older messages; null on the last page',
    example: 1001,
  })
  next_cursor!: number | null;
}

export class MessageEnvelope {
  @ApiProperty({ type: MessageResponse }) message!: MessageResponse;
}

export class ConversationEnvelope {
  @ApiProperty({ type: ConversationResponse }) conversation!: ConversationResponse;
}

const MESSAGE_EXAMPLE: MessageView = {
  id: 1042,
  conversation_id: 7,
  sender_id: 12,
  sender_name: 'Anna K.',
  content: 'Hello, I have a question about the event.',
  created_at: '2026-05-01T10:00:00.000Z',
};

const CONVERSATION_EXAMPLE: ConversationView = {
  id: 7,
  type: 'direct',
  title: null,
  participants: [
    { user_id: 12, name: 'Anna K.', role: 'client', online: true },
    { user_id: 31, name: 'Maria S.', role: 'staff', online: false },
  ],
  last_message: MESSAGE_EXAMPLE,
  unread_count: 0,
  created_at: '2026-05-01T09:58:00.000Z',
};

export const MESSAGE_ENVELOPE_EXAMPLE: MessageEnvelope = { message: MESSAGE_EXAMPLE };
export const MESSAGE_PAGE_EXAMPLE: MessagePageResponse = {
  messages: [MESSAGE_EXAMPLE],
  next_cursor: null,
};
export const CONVERSATION_LIST_EXAMPLE: ConversationListResponse = {
  conversations: [CONVERSATION_EXAMPLE],
  page: 1,
  limit: 12,
  total: 1,
};
export const GROUP_EXAMPLE: ConversationEnvelope = {
  conversation: {
    ...CONVERSATION_EXAMPLE,
    id: 8,
    type: 'group',
    title: 'Trade fair, 15 May',
    last_message: null,
  },
};
