import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Length } from 'class-validator';
import { Permission, PERMISSIONS } from '../../../../../shared/domain/actor';
import { Trimmed } from '../../../../../shared/http/trimmed.decorator';

export class CreateApiKeyRequest {
  @ApiProperty({ example: 'Booking integration' })
  @Trimmed()
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name!: string;

  @ApiProperty({ enum: PERMISSIONS, isArray: true, example: ['read', 'book'] })
  @IsArray({ message: 'permissions must be a list of read and/or book' })
  @ArrayMinSize(1, { message: 'permissions must contain at least one permission' })
  @ArrayMaxSize(2, { message: 'permissions must be a list of read and/or book' })
  @IsIn(PERMISSIONS, { each: true, message: 'permissions must be a list of read and/or book' })
  permissions!: Permission[];
}
