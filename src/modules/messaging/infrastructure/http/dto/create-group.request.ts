import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Trimmed } from '../../../../../shared/http/trimmed.decorator';

export class CreateGroupRequest {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Trade fair, 15 May' })
  @Trimmed()
  @IsString({ message: 'Title must be between 1 and 200 characters' })
  @MinLength(1, { message: 'Title must be between 1 and 200 characters' })
  @MaxLength(200, { message: 'Title must be between 1 and 200 characters' })
  title!: string;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 20,
    example: ['PS-A1B2C3D4', 'PS-E5F6G7H8'],
    description: "Codes of the client's bookings for the event; their staff members join",
  })
  @IsArray({ message: 'booking_codes must be a list of 1 to 20 booking codes' })
  @ArrayMinSize(1, { message: 'booking_codes must be a list of 1 to 20 booking codes' })
  @ArrayMaxSize(20, { message: 'booking_codes must be a list of 1 to 20 booking codes' })
  @IsString({ each: true, message: 'Each booking code looks like PS-A1B2C3D4' })
  @Matches(/^PS-[A-Za-z0-9]{8}$/, {
    each: true,
    message: 'Each booking code looks like PS-A1B2C3D4',
  })
  booking_codes!: string[];
}
