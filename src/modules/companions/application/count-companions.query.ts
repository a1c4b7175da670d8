import { Injectable } from '@nestjs/common';
import {
  CompanionCounts,
  CompanionProfileRepository,
} from '../domain/ports/companion-profile.repository';

/** For the operators' statistics (CONTRACT §8): every staff profile by status. */
@Injectable()
export class CountCompanionsQuery {
  constructor(private readonly profiles: CompanionProfileRepository) {}

  execute(): Promise<CompanionCounts> {
    return this.profiles.countByStatus();
  }
}
