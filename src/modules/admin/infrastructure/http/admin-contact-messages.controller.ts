import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { CurrentOperator } from '../../../../shared/auth/current-operator.decorator';
import { Operator } from '../../../../shared/domain/audit-trail';
import { ApiErrorResponses } from '../../../../shared/http/api-error-responses.decorator';
import { ApiIdParam, IdParamPipe } from '../../../../shared/http/id-param.pipe';
import { ContactMessagesUseCase } from '../../application/contact-messages.use-case';
import {
  CONTACT_HANDLED_EXAMPLE,
  CONTACT_LIST_EXAMPLE,
  ContactMessageEnvelope,
  ContactMessageListResponse,
  ContactMessagesRequest,
  toContactMessageResponse,
} from './dto/contact-messages.dto';

/** Operators read the contact form's messages and mark them handled (CONTRACT §8). */
@ApiTags('admin')
@Controller('api/admin/contact-messages')
@Auth({ roles: ['admin'] })
export class AdminContactMessagesController {
  constructor(private readonly contact: ContactMessagesUseCase) {}

  @Get()
  @ApiOperation({ summary: 'Contact messages, newest first, optionally only open or handled' })
  @ApiOkResponse({ type: ContactMessageListResponse, example: CONTACT_LIST_EXAMPLE })
  async list(@Query() query: ContactMessagesRequest): Promise<ContactMessageListResponse> {
    const { items, total } = await this.contact.list({
      status: query.status,
      page: query.page,
      limit: query.limit,
    });
    return {
      messages: items.map(toContactMessageResponse),
      page: query.page,
      limit: query.limit,
      total,
    };
  }

  @Post(':id/handled')
  @HttpCode(200)
  @ApiIdParam()
  @ApiOperation({ summary: 'Mark a contact message handled' })
  @ApiOkResponse({ type: ContactMessageEnvelope, example: CONTACT_HANDLED_EXAMPLE })
  @ApiErrorResponses({
    404: 'Contact message not found',
    409: 'Contact message already handled',
  })
  async markHandled(
    @Param('id', new IdParamPipe()) id: number,
    @CurrentOperator() operator: Operator,
  ): Promise<ContactMessageEnvelope> {
    return {
      message: toContactMessageResponse(await this.contact.markHandled(operator, id)),
    };
  }
}
