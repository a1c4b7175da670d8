import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class ConversationMessagesRequest {
  @ApiPropertyOptional({
    description: 'A message id: only older messages (the next_cursor of the previous page)',
    minimum: 1,
    example: 1042,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'before must be a message id' })
  @Min(1, { message: 'before must be a message id' })
  @Max(Number.MAX_SAFE_INTEGER, { message: 'before must be a message id' })
  before?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @Type(() => Number)
  @IsInt({ message: 'Invalid limit' })
  @Min(1, { message: 'Invalid limit' })
  @Max(100, { message: 'Invalid limit' })
  limit = 50;
}
