import { Injectable } from '@nestjs/common';
import { toMessageView } from '../../application/message.view';
import { Message } from '../../domain/conversation';
import { BookingSnapshot, RealtimeNotifier } from '../../domain/ports/realtime-notifier';
import { ServerToClientEvents } from './messaging-events';
import { sessionRoom, SocketServerHolder, userRoom } from './socket-server.holder';

/**
 * Pushes through Socket.io rooms: every socket of a user is in the user's room, on whichever
 * instance it is connected (the Redis adapter carries emits and disconnects across instances).
 */
@Injectable()
export class SocketIoRealtimeNotifier extends RealtimeNotifier {
  constructor(private readonly holder: SocketServerHolder) {
    super();
  }

  newMessage(recipients: readonly number[], message: Message): void {
    this.emit(recipients, 'new_message', toMessageView(message));
  }

  typing(recipients: readonly number[], conversationId: number, userId: number): void {
    this.emit(recipients, 'typing', { conversation_id: conversationId, user_id: userId });
  }

  presence(recipients: readonly number[], userId: number, online: boolean): void {
    this.emit(recipients, 'presence', { user_id: userId, online });
  }

  bookingUpdated(recipients: readonly number[], event: string, booking: BookingSnapshot): void {
    this.emit(recipients, 'booking_updated', { event, booking });
  }

  disconnectUser(userId: number): void {
    this.holder.get()?.in(userRoom(userId)).disconnectSockets(true);
  }

  disconnectSession(reference: string): void {
    this.holder.get()?.in(sessionRoom(reference)).disconnectSockets(true);
  }

  private emit<E extends keyof ServerToClientEvents>(
    recipients: readonly number[],
    event: E,
    data: Parameters<ServerToClientEvents[E]>[0],
  ): void {
    const server = this.holder.get();
    if (!server || recipients.length === 0) return;
    server.to(recipients.map(userRoom)).emit(event, data);
  }
}
