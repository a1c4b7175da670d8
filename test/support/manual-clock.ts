import { Clock } from '../../src/shared/domain/clock';

/** A clock that only moves when a test moves it. */
export class ManualClock extends Clock {
  private current: Date;

  constructor(start: Date | string = '2026-05-01T10:00:00.000Z') {
    super();
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to);
  }

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }

  advanceHours(hours: number): void {
    this.advance(hours * 3_600_000);
  }
}
