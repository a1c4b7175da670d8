import { CountCompanionsQuery } from './application/count-companions.query';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../shared/audit/audit.module';
import { SharedDatabaseModule } from '../../shared/database/shared-database.module';
import { AddMyPortfolioItemUseCase } from './application/add-my-portfolio-item.use-case';
import { BookableCompanionQuery } from './application/bookable-companion.query';
import { GetCompanionAvailabilityQuery } from './application/get-companion-availability.query';
import { GetCompanionProfileQuery } from './application/get-companion-profile.query';
import { GetMyCompanionProfileQuery } from './application/get-my-companion-profile.query';
import { CompanionModeration } from './application/companion-moderation';
import { HideCompanionUseCase } from './application/hide-companion.use-case';
import { ReplaceMyBlockedDatesUseCase } from './application/replace-my-blocked-dates.use-case';
import { ReviewPortfolioItemUseCase } from './application/review-portfolio-item.use-case';
import { SearchCompanionsQuery } from './application/search-companions.query';
import { SetCompanionTierUseCase } from './application/set-companion-tier.use-case';
import { SetCompanionVerifiedUseCase } from './application/set-companion-verified.use-case';
import { UpdateMyCompanionProfileUseCase } from './application/update-my-companion-profile.use-case';
import { CompanionProfileRepository } from './domain/ports/companion-profile.repository';
import { CompanionSearchReader } from './domain/ports/companion-search.reader';
import { HeldIntervalsReader } from './domain/ports/held-intervals.reader';
import { RecentReviewsReader } from './domain/ports/recent-reviews.reader';
import { AdminCompanionsController } from './infrastructure/http/admin-companions.controller';
import { CompanionsController } from './infrastructure/http/companions.controller';
import { CompanionProfileOrmEntity } from './infrastructure/persistence/companion-profile.orm-entity';
import { CompanionsDemoData } from './infrastructure/persistence/companions-demo-data';
import { PortfolioItemOrmEntity } from './infrastructure/persistence/portfolio-item.orm-entity';
import { PostgresCompanionSearchReader } from './infrastructure/persistence/postgres-companion-search.reader';
import { TypeOrmCompanionProfileRepository } from './infrastructure/persistence/typeorm-companion-profile.repository';

/**
 * The root binds the ports that other modules implement for companions. Their classes are
 * instantiated inside this module, so they may depend only on the shared kernel
 * (TransactionContext, Clock).
 */
export interface CompanionsModuleOptions {
  /** The root's identity module instance: demo staff accounts are created through it. */
  identity: DynamicModule | Type;
  /** Intervals held by bookings: the bookings module's adapter. */
  heldIntervalsReader: Type<HeldIntervalsReader>;
  /** Reviews shown on a profile: the reviews module's adapter (no reviews until it exists). */
  recentReviewsReader: Type<RecentReviewsReader>;
}

/** Staff profiles (CONTRACT §3, §8 staff). Exports BookableCompanionQuery for bookings. */
@Module({})
export class CompanionsModule {
  static forRoot(options: CompanionsModuleOptions): DynamicModule {
    return {
      module: CompanionsModule,
      imports: [
        TypeOrmModule.forFeature([CompanionProfileOrmEntity, PortfolioItemOrmEntity]),
        SharedDatabaseModule,
        AuditModule,
        options.identity,
      ],
      controllers: [CompanionsController, AdminCompanionsController],
      providers: [
        CountCompanionsQuery,
        { provide: CompanionProfileRepository, useClass: TypeOrmCompanionProfileRepository },
        { provide: CompanionSearchReader, useClass: PostgresCompanionSearchReader },
        { provide: HeldIntervalsReader, useClass: options.heldIntervalsReader },
        { provide: RecentReviewsReader, useClass: options.recentReviewsReader },
        BookableCompanionQuery,
        SearchCompanionsQuery,
        GetCompanionProfileQuery,
        GetCompanionAvailabilityQuery,
        GetMyCompanionProfileQuery,
        UpdateMyCompanionProfileUseCase,
        ReplaceMyBlockedDatesUseCase,
        AddMyPortfolioItemUseCase,
        SetCompanionVerifiedUseCase,
        SetCompanionTierUseCase,
        CompanionModeration,
        HideCompanionUseCase,
        ReviewPortfolioItemUseCase,
        CompanionsDemoData,
      ],
      exports: [BookableCompanionQuery, CountCompanionsQuery],
    };
  }
}
