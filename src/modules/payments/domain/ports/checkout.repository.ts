import { Checkout } from '../checkout';

export abstract class CheckoutRepository {
  /**
   * Serializes checkout work on one booking until the transaction ends (a transaction-scoped
   * advisory lock): two `pay` requests cannot both open a checkout.
   */
  abstract lockBooking(bookingId: number): Promise<void>;

  /** The booking's latest checkout, if any. */
  abstract latestOf(bookingId: number): Promise<Checkout | null>;

  abstract findByExternalId(externalId: string): Promise<Checkout | null>;

  abstract findByPaymentId(paymentId: string): Promise<Checkout | null>;

  abstract insert(checkout: Checkout): Promise<void>;

  abstract save(checkout: Checkout): Promise<void>;

  /**
   * Like save, written just before the transaction commits (with its other deferred writes): for a
   * change nothing later in the transaction reads.
   */
  abstract saveAtCommit(checkout: Checkout): Promise<void>;
}
