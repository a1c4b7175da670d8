import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const RATING = 'Rating must be a whole number from 1 to 5';
const subRating = (name: string) => `${name} must be a whole number from 1 to 5`;

/** A sub-rating: optional, a whole number from 1 to 5 (null counts as not given). */
const SubRatingField = (name: string): PropertyDecorator => {
  const message = subRating(name);
  return (target: object, key: string | symbol) => {
    ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 5, nullable: true })(target, key);
    IsOptional()(target, key);
    IsInt({ message })(target, key);
    Min(1, { message })(target, key);
    Max(5, { message })(target, key);
  };
};

/** CONTRACT §7.1 / reference "Review submission fields". */
export class SubmitReviewRequest {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, example: 5 })
  @IsInt({ message: RATING })
  @Min(1, { message: RATING })
  @Max(5, { message: RATING })
  rating!: number;

  @ApiPropertyOptional({
    type: 'string',
    maxLength: 2000,
    nullable: true,
    example: 'Punctual, friendly and knew the venue.',
  })
  @IsOptional()
  @IsString({ message: 'Comment must be at most 2000 characters' })
  @MaxLength(2000, { message: 'Comment must be at most 2000 characters' })
  comment?: string | null;

  @SubRatingField('Punctuality')
  punctuality?: number | null;

  @SubRatingField('Professionalism')
  professionalism?: number | null;

  @SubRatingField('Communication')
  communication?: number | null;

  @SubRatingField('Appearance')
  appearance?: number | null;
}
