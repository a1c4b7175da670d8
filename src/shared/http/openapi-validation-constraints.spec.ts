import { ApiPropertyOptional, DECORATORS } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { documentValidationConstraints } from './openapi-validation-constraints';

class SampleRequest {
  @IsInt()
  @Min(1)
  @Max(24)
  hours!: number;

  @IsEmail()
  email!: string;

  @IsString()
  @Length(1, 100)
  @Matches(/^[A-Z]/)
  name!: string;

  @IsOptional()
  @IsIn(['a', 'b'])
  choice?: 'a' | 'b';

  @ApiPropertyOptional({ nullable: true, description: 'kept' })
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  @IsString()
  @Length(1, 10)
  note?: string | null;

  @ArrayMaxSize(3)
  @IsString({ each: true })
  @Length(1, 20, { each: true })
  tags!: string[];
}

const documented = (property: string) =>
  Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, SampleRequest.prototype, property);

describe('request constraints read from the validation rules', () => {
  beforeAll(() => documentValidationConstraints([SampleRequest]));

  it('documents ranges, formats, lengths, patterns and enums', () => {
    expect(documented('hours')).toMatchObject({ type: 'integer', minimum: 1, maximum: 24 });
    expect(documented('email')).toMatchObject({ format: 'email' });
    expect(documented('name')).toMatchObject({ minLength: 1, maxLength: 100, pattern: '^[A-Z]' });
    expect(documented('choice')).toMatchObject({ enum: ['a', 'b'], required: false });
  });

  it('keeps what @ApiProperty states and types a nullable property', () => {
    expect(documented('note')).toMatchObject({
      type: 'string',
      nullable: true,
      description: 'kept',
      required: false,
      maxLength: 10,
    });
  });

  it('puts per-item rules on the items of an array', () => {
    expect(documented('tags')).toMatchObject({
      maxItems: 3,
      items: { minLength: 1, maxLength: 20 },
    });
  });
});
