import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Matches } from 'class-validator';

export class BlockedDatesRequest {
  @ApiProperty({ type: [String], example: ['2026-05-15', '2026-05-16'] })
  @IsArray({ message: 'Invalid dates' })
  @ArrayMaxSize(366, { message: 'Invalid dates' })
  @IsString({ each: true, message: 'Invalid dates' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'Invalid dates' })
  dates!: string[];
}
