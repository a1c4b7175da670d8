import { DynamicModule, Module, Type } from '@nestjs/common';
import { SharedDatabaseModule } from '../../shared/database/shared-database.module';
import { EventsModule } from '../../shared/events/events.module';
import { JobsModule } from '../../shared/jobs/jobs.module';
import { ListUserReviewsQuery } from './application/list-user-reviews.query';
import { PublishDueReviewsUseCase } from './application/publish-due-reviews.use-case';
import { RespondToReviewUseCase } from './application/respond-to-review.use-case';
import { ReviewPublicationScheduler } from './application/review-publication.scheduler';
import { ReviewPublisher } from './application/review-publisher';
import { SubmitReviewUseCase } from './application/submit-review.use-case';
import { ReviewRepository } from './domain/ports/review.repository';
import { ReviewableBookings } from './domain/ports/reviewable-bookings';
import { StaffRatings } from './domain/ports/staff-ratings';
import { BookingsQueryReviewableBookings } from './infrastructure/bookings/bookings-query.reviewable-bookings';
import { CompanionsUseCaseStaffRatings } from './infrastructure/companions/companions-use-case.staff-ratings';
import { ReviewsController } from './infrastructure/http/reviews.controller';
import { PublishReviewsWorker } from './infrastructure/jobs/publish-reviews.worker';
import { PostgresReviewRepository } from './infrastructure/persistence/postgres-review.repository';

export interface ReviewsModuleOptions {
  /** The root's bookings module instance: only completed bookings are reviewed. */
  bookings: DynamicModule | Type;
  /** The root's companions module instance: publication moves the profile's average. */
  companions: DynamicModule | Type;
}

/** Reviews (CONTRACT §7.1): the only place where its ports meet their adapters. */
@Module({})
export class ReviewsModule {
  static forRoot(options: ReviewsModuleOptions): DynamicModule {
    return {
      module: ReviewsModule,
      imports: [
        SharedDatabaseModule,
        EventsModule,
        JobsModule,
        options.bookings,
        options.companions,
      ],
      controllers: [ReviewsController],
      providers: [
        { provide: ReviewRepository, useClass: PostgresReviewRepository },
        { provide: ReviewableBookings, useClass: BookingsQueryReviewableBookings },
        { provide: StaffRatings, useClass: CompanionsUseCaseStaffRatings },
        ReviewPublisher,
        ReviewPublicationScheduler,
        SubmitReviewUseCase,
        PublishDueReviewsUseCase,
        RespondToReviewUseCase,
        ListUserReviewsQuery,
        PublishReviewsWorker,
      ],
    };
  }
}
