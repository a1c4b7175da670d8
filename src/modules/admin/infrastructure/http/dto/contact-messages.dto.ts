import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '../../../../../shared/http/page.query';
import {
  CONTACT_MESSAGE_STATUSES,
  ContactMessage,
  ContactMessageStatus,
} from '../../../domain/contact-message';
import { PageMetaResponse } from '../../../../../shared/http/page-meta.response';

/** CONTRACT §8: the public contact form. */
export class ContactRequest {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Maria Schmidt' })
  @IsString({ message: 'Name must be 1 to 100 characters' })
  @Length(1, 100, { message: 'Name must be 1 to 100 characters' })
  name!: string;

  @ApiProperty({ format: 'email', maxLength: 254, example: 'maria@example.com' })
  @IsString({ message: 'Invalid email' })
  @Length(3, 254, { message: 'Invalid email' })
  @IsEmail({}, { message: 'Invalid email' })
  email!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Staff for a trade fair' })
  @IsString({ message: 'Subject must be 1 to 200 characters' })
  @Length(1, 200, { message: 'Subject must be 1 to 200 characters' })
  subject!: string;

  @ApiProperty({ minLength: 1, maxLength: 5000, example: 'We need twelve hostesses in May.' })
  @IsString({ message: 'Message must be 1 to 5000 characters' })
  @Length(1, 5000, { message: 'Message must be 1 to 5000 characters' })
  message!: string;
}

export class ContactMessagesRequest extends PageQuery {
  @ApiPropertyOptional({ enum: CONTACT_MESSAGE_STATUSES, enumName: 'ContactMessageStatus' })
  @IsOptional()
  @IsIn(CONTACT_MESSAGE_STATUSES, { message: 'status must be one of open, handled' })
  status?: ContactMessageStatus;
}

export class ContactReceivedResponse {
  @ApiProperty({ example: true })
  success!: boolean;

  @ApiProperty({ type: 'integer', example: 17 })
  id!: number;
}

export class ContactMessageResponse {
  @ApiProperty({ type: 'integer', example: 17 })
  id!: number;

  @ApiProperty({ example: 'Maria Schmidt' })
  name!: string;

  @ApiProperty({ format: 'email', example: 'maria@example.com' })
  email!: string;

  @ApiProperty({ example: 'Staff for a trade fair' })
  subject!: string;

  @ApiProperty({ example: 'We need twelve hostesses in May.' })
  message!: string;

  @ApiProperty({ enum: CONTACT_MESSAGE_STATUSES, enumName: 'ContactMessageStatus' })
  status!: ContactMessageStatus;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  handled_at!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The operator who handled it' })
  handled_by!: number | null;
}

export class ContactMessageListResponse extends PageMetaResponse {
  @ApiProperty({ type: () => [ContactMessageResponse], description: 'Newest first' })
  messages!: ContactMessageResponse[];
}

export class ContactMessageEnvelope {
  @ApiProperty({ type: () => ContactMessageResponse })
  message!: ContactMessageResponse;
}

export function toContactMessageResponse(message: ContactMessage): ContactMessageResponse {
  return {
    id: message.id,
    name: message.name,
    email: message.email,
    subject: message.subject,
    message: message.message,
    status: message.handledAt ? 'handled' : 'open',
    created_at: message.createdAt.toISOString(),
    handled_at: message.handledAt?.toISOString() ?? null,
    handled_by: message.handledByUserId,
  };
}

const OPEN: ContactMessageResponse = {
  id: 17,
  name: 'Maria Schmidt',
  email: 'maria@example.com',
  subject: 'Staff for a trade fair',
  message: 'We need twelve hostesses in May.',
  status: 'open',
  created_at: '2026-12-01T07:02:11.000Z',
  handled_at: null,
  handled_by: null,
};
export const CONTACT_RECEIVED_EXAMPLE: ContactReceivedResponse = { success: true, id: 17 };
export const CONTACT_LIST_EXAMPLE: ContactMessageListResponse = {
  messages: [OPEN],
  page: 1,
  limit: 12,
  total: 1,
};
export const CONTACT_HANDLED_EXAMPLE: ContactMessageEnvelope = {
  message: { ...OPEN, status: 'handled', handled_at: '2026-12-01T08:15:00.000Z', handled_by: 3 },
};
