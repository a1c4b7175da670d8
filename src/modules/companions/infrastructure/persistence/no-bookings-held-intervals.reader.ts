import { Injectable } from '@nestjs/common';
import {
  CompanionHeldInterval,
  HeldInterval,
  HeldIntervalsReader,
} from '../../domain/ports/held-intervals.reader';

/**
 * Stand-in until the bookings module exists: no booking holds any interval yet. The composition
 * root (app.module.ts) replaces it with the bookings module's adapter over the bookings table.
 */
@Injectable()
export class NoBookingsHeldIntervalsReader extends HeldIntervalsReader {
  findHeld(_companionId: number, _from: Date, _to: Date): Promise<HeldInterval[]> {
    return Promise.resolve([]);
  }

  override findHeldOfAll(_from: Date, _to: Date): Promise<CompanionHeldInterval[]> {
    return Promise.resolve([]);
  }
}
