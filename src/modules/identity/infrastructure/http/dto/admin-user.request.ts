import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { MAX_INTEGER_ID } from '../../../../../shared/parsing/numeric-text';
import { PageQuery } from '../../../../../shared/http/page.query';
import { ROLES, Role } from '../../../../../shared/domain/actor';
import { SUBSCRIPTION_TIERS, SubscriptionTier } from '../../../domain/subscription-tier';
import { USER_STATUSES, UserStatus } from '../../../domain/user';

export class SearchUsersRequest extends PageQuery {
  @ApiPropertyOptional({ description: 'Substring of e-mail, first or last name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ enum: USER_STATUSES })
  @IsOptional()
  @IsIn(USER_STATUSES, { message: `status must be one of ${USER_STATUSES.join(', ')}` })
  status?: UserStatus;
}

/** May be left out, but never null: these columns always hold a value (null is 422, not 500). */
const IsOmittable = () => ValidateIf((_object, value) => value !== undefined);

export class UpdateUserRequest {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOmittable()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ enum: USER_STATUSES })
  @IsOmittable()
  @IsIn(USER_STATUSES, { message: `status must be one of ${USER_STATUSES.join(', ')}` })
  status?: UserStatus;

  @ApiPropertyOptional({ enum: SUBSCRIPTION_TIERS })
  @IsOmittable()
  @IsIn(SUBSCRIPTION_TIERS, {
    message: `subscription_tier must be one of ${SUBSCRIPTION_TIERS.join(', ')}`,
  })
  subscription_tier?: SubscriptionTier;

  @ApiPropertyOptional({
    nullable: true,
    description: 'null removes the user from their organization',
  })
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  @Type(() => Number)
  @IsInt({ message: 'organization_id must be an organization id or null' })
  @Min(1, { message: 'organization_id must be an organization id or null' })
  @Max(MAX_INTEGER_ID, { message: 'organization_id must be an organization id or null' })
  organization_id?: number | null;
}
