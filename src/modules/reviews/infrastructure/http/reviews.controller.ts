import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { CurrentActor } from '../../../../shared/auth/current-actor.decorator';
import { Actor } from '../../../../shared/domain/actor';
import { ApiErrorResponses } from '../../../../shared/http/api-error-responses.decorator';
import { ApiIdParam, IdParamPipe } from '../../../../shared/http/id-param.pipe';
import { PageQuery } from '../../../../shared/http/page.query';
import { RequestValidationError } from '../../../../shared/http/request-validation.error';
import { MAX_INTEGER_ID } from '../../../../shared/parsing/numeric-text';
import { ListUserReviewsQuery } from '../../application/list-user-reviews.query';
import { RespondToReviewUseCase } from '../../application/respond-to-review.use-case';
import { SubmitReviewUseCase } from '../../application/submit-review.use-case';
import { ReviewError } from '../../domain/review.errors';
import { RespondToReviewRequest } from './dto/respond-to-review.request';
import {
  RESPONDED_EXAMPLE,
  REVIEW_LIST_EXAMPLE,
  ReviewEnvelope,
  ReviewListResponse,
  SUBMITTED_EXAMPLE,
  toReviewResponse,
} from './dto/review.response';
import { SubmitReviewRequest } from './dto/submit-review.request';

const BOOKING_CODE = /^PS-[A-Z0-9]{8}$/;

/** `:bookingId` is the booking's `id` as the API returns it, or its code (CONTRACT §7.1). */
function bookingReference(value: string): { id: number } | { code: string } {
  if (BOOKING_CODE.test(value)) return { code: value };
  if (/^[1-9]\d{0,9}$/.test(value) && Number(value) <= MAX_INTEGER_ID) return { id: Number(value) };
  throw new RequestValidationError([
    { field: 'bookingId', message: 'Must be a booking id or a booking code (PS-XXXXXXXX)' },
  ]);
}

/** Reviews and ratings (CONTRACT §7.1, reference "Reviews and Ratings"): double-blind. */
@ApiTags('reviews')
@Controller('reviews')
export class ReviewsController {
  constructor(
    private readonly submitReview: SubmitReviewUseCase,
    private readonly respondToReview: RespondToReviewUseCase,
    private readonly listUserReviews: ListUserReviewsQuery,
  ) {}

  @Post('booking/:bookingId')
  @HttpCode(201)
  @Auth({ sessionOnly: true })
  @ApiOperation({
    summary:
      "Review a completed booking (its client or staff member, once each, within 30 days of completion); hidden until the other party's review or 14 days",
  })
  @ApiParam({
    name: 'bookingId',
    description: "The booking's `id` as the API returns it, or its `booking_code`",
    schema: { type: 'string', pattern: '^([1-9][0-9]{0,9}|PS-[A-Z0-9]{8})$' },
    example: '1234',
  })
  @ApiCreatedResponse({ type: ReviewEnvelope, example: SUBMITTED_EXAMPLE })
  @ApiErrorResponses({
    404: ReviewError.bookingNotFound().message,
    409: [
      ReviewError.alreadyReviewed().message,
      ReviewError.notCompleted('paid').message,
      ReviewError.windowClosed(new Date('2026-06-17T10:00:00.000Z')).message,
    ],
  })
  async submit(
    @Param('bookingId') bookingId: string,
    @Body() body: SubmitReviewRequest,
    @CurrentActor() actor: Actor,
  ): Promise<ReviewEnvelope> {
    const booking = bookingReference(bookingId);
    const review = await this.submitReview.execute(
      {
        booking,
        rating: body.rating,
        comment: body.comment ?? null,
        punctuality: body.punctuality ?? null,
        professionalism: body.professionalism ?? null,
        communication: body.communication ?? null,
        appearance: body.appearance ?? null,
      },
      actor,
    );
    return { success: true, review: toReviewResponse(review) };
  }

  @Get('user/:userId')
  @Auth({ permission: 'read' })
  @ApiOperation({
    summary:
      'Published reviews about a user (as staff member or client), newest first; hidden ones only to their author and admins',
  })
  @ApiIdParam('userId')
  @ApiOkResponse({ type: ReviewListResponse, example: REVIEW_LIST_EXAMPLE })
  async list(
    @Param('userId', new IdParamPipe('userId')) userId: number,
    @Query() query: PageQuery,
    @CurrentActor() actor: Actor,
  ): Promise<ReviewListResponse> {
    const { page, limit } = query;
    const result = await this.listUserReviews.execute(userId, { page, limit }, actor);
    return { reviews: result.items.map(toReviewResponse), page, limit, total: result.total };
  }

  @Post(':reviewId/respond')
  @HttpCode(200)
  @Auth({ sessionOnly: true })
  @ApiOperation({ summary: 'Answer a published review of you (the staff member reviewed), once' })
  @ApiIdParam('reviewId')
  @ApiOkResponse({ type: ReviewEnvelope, example: RESPONDED_EXAMPLE })
  @ApiErrorResponses({
    403: ReviewError.notReviewedStaff().message,
    404: ReviewError.notFound().message,
    409: ReviewError.alreadyResponded().message,
  })
  async respond(
    @Param('reviewId', new IdParamPipe('reviewId')) reviewId: number,
    @Body() body: RespondToReviewRequest,
    @CurrentActor() actor: Actor,
  ): Promise<ReviewEnvelope> {
    const review = await this.respondToReview.execute(reviewId, body.response, actor);
    return { success: true, review: toReviewResponse(review) };
  }
}
