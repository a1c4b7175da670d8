import { MessageView } from '../../application/message.view';

/** The events the server emits to clients (CONTRACT §6.3), one typed map for every push. */
export interface ServerToClientEvents {
  new_message: (message: MessageView) => void;
  typing: (data: { conversation_id: number; user_id: number }) => void;
  presence: (data: { user_id: number; online: boolean }) => void;
  booking_updated: (data: { event: string; booking: Record<string, unknown> }) => void;
}

/** The acknowledgement of every client event. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string };
