import { Message } from '../conversation';

/** The booking as the bookings module announced it (its public view). */
export type BookingSnapshot = Record<string, unknown>;

/**
 * Pushes to the users' open sockets, on every instance (ARCHITECTURE §2.6: socket pushes go
 * through an outbound port). Fire and forget: nobody waits for a socket to receive.
 */
export abstract class RealtimeNotifier {
  abstract newMessage(recipients: readonly number[], message: Message): void;

  abstract typing(recipients: readonly number[], conversationId: number, userId: number): void;

  abstract presence(recipients: readonly number[], userId: number, online: boolean): void;

  abstract bookingUpdated(
    recipients: readonly number[],
    event: string,
    booking: BookingSnapshot,
  ): void;

  /** Closes every socket of the user (suspension). */
  abstract disconnectUser(userId: number): void;

  /** Closes the sockets opened with one web session (its logout). */
  abstract disconnectSession(sessionReference: string): void;
}
