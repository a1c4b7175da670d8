import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class BookingDisputeRequest {
  @ApiProperty({ minLength: 1, maxLength: 2000, example: 'The DJ left two hours early' })
  @IsString({ message: 'Reason must be 1 to 2000 characters' })
  @Length(1, 2000, { message: 'Reason must be 1 to 2000 characters' })
  reason!: string;
}
