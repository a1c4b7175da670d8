import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Trimmed } from '../../../../../shared/http/trimmed.decorator';

export class SendMessageRequest {
  @ApiProperty({
    minLength: 1,
    maxLength: 5000,
    example: 'Hello, I have a question about the event.',
  })
  @Trimmed()
  @IsString({ message: 'Message must be between 1 and 5000 characters' })
  @MinLength(1, { message: 'Message must be between 1 and 5000 characters' })
  @MaxLength(5000, { message: 'Message must be between 1 and 5000 characters' })
  content!: string;
}
