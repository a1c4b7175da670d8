import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../../../shared/auth/auth.decorator';
import { RateLimit } from '../../../../shared/rate-limit/rate-limit.decorator';
import { ContactMessagesUseCase } from '../../application/contact-messages.use-case';
import {
  CONTACT_RECEIVED_EXAMPLE,
  ContactReceivedResponse,
  ContactRequest,
} from './dto/contact-messages.dto';

/** The public contact form (CONTRACT §8), 5 messages per hour per client IP (§2.4). */
@ApiTags('contact')
@Controller('contact')
export class ContactController {
  constructor(private readonly contact: ContactMessagesUseCase) {}

  @Post()
  @Public()
  @RateLimit('contactForm')
  @ApiOperation({ summary: 'Send a message to the operators' })
  @ApiCreatedResponse({ type: ContactReceivedResponse, example: CONTACT_RECEIVED_EXAMPLE })
  async send(@Body() body: ContactRequest): Promise<ContactReceivedResponse> {
    const message = await this.contact.submit({
      name: body.name.trim(),
      email: body.email.trim(),
      subject: body.subject.trim(),
      message: body.message,
    });
    return { success: true, id: message.id };
  }
}
