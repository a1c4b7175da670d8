import { Injectable } from '@nestjs/common';
import { RecordPublishedRatingsUseCase } from '../../../companions';
import { StaffRatings } from '../../domain/ports/staff-ratings';

/** The profile's average through the companions module's use case, which joins our transaction. */
@Injectable()
export class CompanionsUseCaseStaffRatings extends StaffRatings {
  constructor(private readonly record: RecordPublishedRatingsUseCase) {
    super();
  }

  addPublished(companionId: number, ratings: readonly number[]): Promise<void> {
    return this.record.execute(companionId, ratings);
  }
}
