import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Trimmed } from '../../../../../shared/http/trimmed.decorator';

const RESPONSE = 'Response must be 1 to 2000 characters';

export class RespondToReviewRequest {
  @ApiProperty({ minLength: 1, maxLength: 2000, example: 'Thank you, it was a pleasure!' })
  @Trimmed()
  @IsString({ message: RESPONSE })
  @Length(1, 2000, { message: RESPONSE })
  response!: string;
}
