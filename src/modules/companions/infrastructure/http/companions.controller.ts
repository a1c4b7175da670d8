import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { CurrentActor } from '../../../../shared/auth/current-actor.decorator';
import { Actor } from '../../../../shared/domain/actor';
import { AddMyPortfolioItemUseCase } from '../../application/add-my-portfolio-item.use-case';
import { GetCompanionAvailabilityQuery } from '../../application/get-companion-availability.query';
import { GetCompanionProfileQuery } from '../../application/get-companion-profile.query';
import { GetMyCompanionProfileQuery } from '../../application/get-my-companion-profile.query';
import { ReplaceMyBlockedDatesUseCase } from '../../application/replace-my-blocked-dates.use-case';
import { SearchCompanionsQuery } from '../../application/search-companions.query';
import { UpdateMyCompanionProfileUseCase } from '../../application/update-my-companion-profile.use-case';
import { AvailabilityRequest } from './dto/availability.request';
import { BlockedDatesRequest } from './dto/blocked-dates.request';
import { CompanionIdParams } from './dto/companion-id.request';
import {
  toAvailabilityResponse,
  toModeratedPortfolioItemResponse,
  toOwnProfileResponse,
  toProfileResponse,
  toSearchResponse,
} from './dto/companion.response';
import { PortfolioItemRequest } from './dto/portfolio-item.request';
import { SearchCompanionsRequest } from './dto/search-companions.request';
import { UpdateMyProfileRequest } from './dto/update-my-profile.request';

const STAFF_SELF_SERVICE = { roles: ['staff' as const], sessionOnly: true };

@ApiTags('companions')
@Controller('api/v1/companions')
export class CompanionsController {
  constructor(
    private readonly searchCompanions: SearchCompanionsQuery,
    private readonly getProfile: GetCompanionProfileQuery,
    private readonly getAvailability: GetCompanionAvailabilityQuery,
    private readonly getMyProfile: GetMyCompanionProfileQuery,
    private readonly updateMyProfile: UpdateMyCompanionProfileUseCase,
    private readonly replaceBlockedDates: ReplaceMyBlockedDatesUseCase,
    private readonly addPortfolioItem: AddMyPortfolioItemUseCase,
  ) {}

  @Get()
  @Auth({ permission: 'read' })
  async search(@Query() query: SearchCompanionsRequest) {
    const result = await this.searchCompanions.execute({
      location: query.location,
      service: query.service,
      minPrice: query.min_price,
      maxPrice: query.max_price,
      date: query.date,
      sort: query.sort,
      page: query.page,
      limit: query.limit,
    });
    return toSearchResponse(result);
  }

  @Get('me')
  @Auth(STAFF_SELF_SERVICE)
  async me(@CurrentActor() actor: Actor) {
    return toOwnProfileResponse(await this.getMyProfile.execute(actor.userId));
  }

  @Patch('me')
  @Auth(STAFF_SELF_SERVICE)
  async updateMe(@CurrentActor() actor: Actor, @Body() body: UpdateMyProfileRequest) {
    const profile = await this.updateMyProfile.execute(actor.userId, {
      firstName: body.first_name,
      profilePhoto: body.profile_photo,
      tagline: body.tagline,
      bio: body.bio,
      hourlyRate: body.hourly_rate,
      dailyRate: body.daily_rate,
      city: body.location_city,
      country: body.location_country,
      timezone: body.timezone,
      serviceTypes: body.service_types,
      languages: body.languages,
      status: body.status,
    });
    return toOwnProfileResponse(profile);
  }

  @Put('me/blocked-dates')
  @Auth(STAFF_SELF_SERVICE)
  async putBlockedDates(@CurrentActor() actor: Actor, @Body() body: BlockedDatesRequest) {
    return { dates: await this.replaceBlockedDates.execute(actor.userId, body.dates) };
  }

  @Post('me/portfolio')
  @Auth(STAFF_SELF_SERVICE)
  async postPortfolioItem(@CurrentActor() actor: Actor, @Body() body: PortfolioItemRequest) {
    const item = await this.addPortfolioItem.execute(actor.userId, {
      type: body.type,
      url: body.url,
      caption: body.caption ?? null,
    });
    return { item: toModeratedPortfolioItemResponse(item) };
  }

  @Get(':id')
  @Auth({ permission: 'read' })
  async profile(@Param() params: CompanionIdParams, @CurrentActor() actor: Actor) {
    return toProfileResponse(await this.getProfile.execute(params.id, actor));
  }

  @Get(':id/availability')
  @Auth({ permission: 'read' })
  async availability(
    @Param() params: CompanionIdParams,
    @Query() query: AvailabilityRequest,
    @CurrentActor() actor: Actor,
  ) {
    const availability = await this.getAvailability.execute(
      params.id,
      query.start_date,
      query.end_date,
      actor,
    );
    return toAvailabilityResponse(availability);
  }
}
