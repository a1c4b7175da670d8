import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class AvailabilityRequest {
  @ApiProperty({ example: '2026-05-01' })
  @IsString({ message: 'Invalid start date' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Invalid start date' })
  start_date!: string;

  @ApiProperty({ example: '2026-05-31' })
  @IsString({ message: 'Invalid end date' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Invalid end date' })
  end_date!: string;
}
