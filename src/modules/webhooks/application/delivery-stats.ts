import { Injectable } from '@nestjs/common';

export type DeliveryPhase = 'fanOut' | 'claim' | 'send' | 'record';

export interface PhaseTotals {
  calls: number;
  rows: number;
  ms: number;
}

/**
 * Where delivery time goes, per phase since the last read: calls, rows and milliseconds (the
 * worker logs them at debug level; the webhooks benchmark reads them there).
 */
@Injectable()
export class DeliveryStats {
  private totals = new Map<DeliveryPhase, PhaseTotals>();

  add(phase: DeliveryPhase, rows: number, ms: number): void {
    const totals = this.totals.get(phase) ?? { calls: 0, rows: 0, ms: 0 };
    totals.calls += 1;
    totals.rows += rows;
    totals.ms += ms;
    this.totals.set(phase, totals);
  }

  /** The totals since the previous call, then starts again from zero. */
  take(): Map<DeliveryPhase, PhaseTotals> {
    const taken = this.totals;
    this.totals = new Map();
    return taken;
  }
}
