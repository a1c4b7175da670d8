import { Refund } from '../refund';

export abstract class RefundRepository {
  /** The sequence number the booking's next refund takes (1 for its first). */
  abstract nextSequence(bookingId: number): Promise<number>;

  abstract insert(refund: Refund): Promise<void>;

  abstract lockById(id: number): Promise<Refund | null>;

  abstract lockByExternalId(externalId: string): Promise<Refund | null>;

  abstract save(refund: Refund): Promise<void>;
}
