import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { Server, Socket } from 'socket.io';
import { DomainError } from '../../../../shared/domain/domain-error';
import { MessageView } from '../../application/message.view';
import { PostToConversationUseCase } from '../../application/post-to-conversation.use-case';
import { SignalTypingUseCase } from '../../application/signal-typing.use-case';
import { TrackPresenceUseCase } from '../../application/track-presence.use-case';
import { Ack } from './messaging-events';
import { handshakeRefusal, SocketAuthenticator, SocketIdentity } from './socket-authenticator';
import { SocketEventLimits } from './socket-event-limits';
import { sessionRoom, SocketServerHolder, userRoom } from './socket-server.holder';

export const RATE_LIMIT_EXCEEDED = 'Rate limit exceeded';

interface SocketData {
  identity: SocketIdentity;
}

type MessagingSocket = Socket<
  Record<string, never>,
  Record<string, never>,
  Record<string, never>,
  SocketData
>;

/**
 * CONTRACT §6.3 on the API's own port: authenticated handshakes, `send_message` and `typing`
 * from clients (every event acknowledged `{ok: true, ...}` or `{ok: false, error}`), and the
 * pushes of the realtime notifier to the rooms each socket joins here.
 */
@WebSocketGateway()
export class MessagingGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(MessagingGateway.name);

  constructor(
    private readonly holder: SocketServerHolder,
    private readonly authenticator: SocketAuthenticator,
    private readonly limits: SocketEventLimits,
    private readonly post: PostToConversationUseCase,
    private readonly typing: SignalTypingUseCase,
    private readonly presence: TrackPresenceUseCase,
  ) {}

  afterInit(server: Server): void {
    this.holder.attach(server);
    server.use((socket, next) => {
      this.authenticator.authenticate(socket.handshake).then(
        (identity) => {
          (socket as MessagingSocket).data.identity = identity;
          next();
        },
        (error: unknown) => {
          if (!(error instanceof DomainError)) this.logger.error(error);
          next(handshakeRefusal(error));
        },
      );
    });
  }

  async handleConnection(socket: MessagingSocket): Promise<void> {
    const { actor, sessionReference } = socket.data.identity;
    await socket.join(
      sessionReference
        ? [userRoom(actor.userId), sessionRoom(sessionReference)]
        : userRoom(actor.userId),
    );
    await this.presence.connected(actor.userId).catch((error: unknown) => this.logger.error(error));
  }

  async handleDisconnect(socket: MessagingSocket): Promise<void> {
    const identity = socket.data.identity as SocketIdentity | undefined;
    if (!identity) return;
    await this.presence
      .disconnected(identity.actor.userId)
      .catch((error: unknown) => this.logger.error(error));
  }

  @SubscribeMessage('send_message')
  sendMessage(
    @ConnectedSocket() socket: MessagingSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<{ message: MessageView }>> {
    return this.answer(socket, async (identity) => {
      if (!identity.actor.permissions.includes('book')) {
        throw DomainError.forbidden('This API key lacks the "book" permission');
      }
      const input = objectOf(body);
      const message = await this.post.execute(
        identity.actor.userId,
        conversationIdOf(input),
        input.content,
      );
      return { message };
    });
  }

  @SubscribeMessage('typing')
  signalTyping(
    @ConnectedSocket() socket: MessagingSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack> {
    return this.answer(socket, async (identity) => {
      await this.typing.execute(identity.actor.userId, conversationIdOf(objectOf(body)));
      return {};
    });
  }

  /** Counts the event against the limits, runs it and turns any refusal into the ack's error. */
  private async answer<T extends object>(
    socket: MessagingSocket,
    work: (identity: SocketIdentity) => Promise<T>,
  ): Promise<Ack<T>> {
    const identity = socket.data.identity;
    const verdict = await this.limits.count(socket, identity.actor.userId);
    if (verdict === 'disconnect') {
      socket.disconnect(true);
      return { ok: false, error: RATE_LIMIT_EXCEEDED };
    }
    if (verdict === 'refused') return { ok: false, error: RATE_LIMIT_EXCEEDED };
    try {
      return { ok: true, ...(await work(identity)) };
    } catch (error) {
      if (error instanceof DomainError) {
        return { ok: false, error: error.fieldErrors[0]?.message ?? error.message };
      }
      this.logger.error(error);
      return { ok: false, error: 'Internal server error' };
    }
  }
}

function objectOf(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw DomainError.invalidField('body', 'Expected an object');
  }
  return body as Record<string, unknown>;
}

function conversationIdOf(input: Record<string, unknown>): number {
  const id = input.conversation_id;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) {
    throw DomainError.invalidField('conversation_id', 'conversation_id must be a positive integer');
  }
  return id;
}
