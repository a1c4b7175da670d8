import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { CurrentActor } from '../../../../shared/auth/current-actor.decorator';
import { Actor } from '../../../../shared/domain/actor';
import { ApiErrorResponses } from '../../../../shared/http/api-error-responses.decorator';
import { COMPANION_NOT_FOUND } from '../../application/companion-visibility';
import { NO_STAFF_PROFILE } from '../../application/get-my-companion-profile.query';
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
  AVAILABILITY_EXAMPLE,
  AvailabilityResponse,
  BLOCKED_DATES_EXAMPLE,
  BlockedDatesResponse,
  CompanionProfileResponse,
  CompanionSearchResponse,
  OWN_PROFILE_EXAMPLE,
  OwnCompanionProfileResponse,
  PORTFOLIO_ITEM_EXAMPLE,
  PortfolioItemEnvelope,
  PROFILE_EXAMPLE,
  SEARCH_EXAMPLE,
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
const NO_SUCH_COMPANION = { 404: COMPANION_NOT_FOUND };
const NO_OWN_PROFILE = { 404: NO_STAFF_PROFILE };

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
  @ApiOperation({ summary: 'Search listed staff by place, service, price and a free day' })
  @ApiOkResponse({ type: CompanionSearchResponse, example: SEARCH_EXAMPLE })
  async search(@Query() query: SearchCompanionsRequest): Promise<CompanionSearchResponse> {
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
  @ApiOperation({ summary: 'Your own staff profile, in any status' })
  @ApiOkResponse({ type: OwnCompanionProfileResponse, example: OWN_PROFILE_EXAMPLE })
  @ApiErrorResponses(NO_OWN_PROFILE)
  async me(@CurrentActor() actor: Actor): Promise<OwnCompanionProfileResponse> {
    return toOwnProfileResponse(await this.getMyProfile.execute(actor.userId));
  }

  @Patch('me')
  @Auth(STAFF_SELF_SERVICE)
  @ApiOperation({
    summary: 'Change your staff profile; `status: "active"` lists it once it is complete',
  })
  @ApiOkResponse({ type: OwnCompanionProfileResponse, example: OWN_PROFILE_EXAMPLE })
  @ApiErrorResponses(NO_OWN_PROFILE)
  async updateMe(
    @CurrentActor() actor: Actor,
    @Body() body: UpdateMyProfileRequest,
  ): Promise<OwnCompanionProfileResponse> {
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
  @ApiOperation({ summary: 'Replace the days you cannot be booked' })
  @ApiOkResponse({ type: BlockedDatesResponse, example: BLOCKED_DATES_EXAMPLE })
  @ApiErrorResponses(NO_OWN_PROFILE)
  async putBlockedDates(
    @CurrentActor() actor: Actor,
    @Body() body: BlockedDatesRequest,
  ): Promise<BlockedDatesResponse> {
    return { dates: await this.replaceBlockedDates.execute(actor.userId, body.dates) };
  }

  @Post('me/portfolio')
  @Auth(STAFF_SELF_SERVICE)
  @ApiOperation({ summary: 'Add a portfolio item, pending until an operator approves it' })
  @ApiCreatedResponse({ type: PortfolioItemEnvelope, example: PORTFOLIO_ITEM_EXAMPLE })
  @ApiErrorResponses(NO_OWN_PROFILE)
  async postPortfolioItem(
    @CurrentActor() actor: Actor,
    @Body() body: PortfolioItemRequest,
  ): Promise<PortfolioItemEnvelope> {
    const item = await this.addPortfolioItem.execute(actor.userId, {
      type: body.type,
      url: body.url,
      caption: body.caption ?? null,
    });
    return { item: toModeratedPortfolioItemResponse(item) };
  }

  @Get(':id')
  @Auth({ permission: 'read' })
  @ApiOperation({ summary: 'A staff profile with recent reviews and the approved portfolio' })
  @ApiOkResponse({ type: CompanionProfileResponse, example: PROFILE_EXAMPLE })
  @ApiErrorResponses(NO_SUCH_COMPANION)
  async profile(
    @Param() params: CompanionIdParams,
    @CurrentActor() actor: Actor,
  ): Promise<CompanionProfileResponse> {
    return toProfileResponse(await this.getProfile.execute(params.id, actor));
  }

  @Get(':id/availability')
  @Auth({ permission: 'read' })
  @ApiOperation({
    summary: "Free and booked days in a range (at most 92), in the staff member's zone",
  })
  @ApiOkResponse({ type: AvailabilityResponse, example: AVAILABILITY_EXAMPLE })
  @ApiErrorResponses(NO_SUCH_COMPANION)
  async availability(
    @Param() params: CompanionIdParams,
    @Query() query: AvailabilityRequest,
    @CurrentActor() actor: Actor,
  ): Promise<AvailabilityResponse> {
    const availability = await this.getAvailability.execute(
      params.id,
      query.start_date,
      query.end_date,
      actor,
    );
    return toAvailabilityResponse(availability);
  }
}
