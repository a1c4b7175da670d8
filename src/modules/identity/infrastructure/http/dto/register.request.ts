import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { Trimmed } from '../../../../../shared/http/trimmed.decorator';

export class RegisterRequest {
  @ApiProperty({ example: 'maria@example.com' })
  @IsEmail({}, { message: 'Invalid email address' })
  @MaxLength(254, { message: 'Invalid email address' })
  email!: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10, { message: 'Password must be at least 10 characters long' })
  @MaxLength(200, { message: 'Password must be at most 200 characters long' })
  password!: string;

  @ApiProperty({ example: 'Maria' })
  @Trimmed()
  @IsString()
  @Length(1, 100, { message: 'first_name must be 1 to 100 characters' })
  first_name!: string;

  @ApiProperty({ example: 'Schmidt' })
  @Trimmed()
  @IsString()
  @Length(1, 100, { message: 'last_name must be 1 to 100 characters' })
  last_name!: string;

  @ApiProperty({ enum: ['client', 'staff'] })
  @IsIn(['client', 'staff'], { message: 'role must be client or staff' })
  role!: 'client' | 'staff';
}
