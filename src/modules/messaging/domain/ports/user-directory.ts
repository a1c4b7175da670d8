import { ChatUser } from '../conversation';

/** The accounts messaging writes between (the identity module's, read through its front door). */
export abstract class UserDirectory {
  abstract find(userId: number): Promise<ChatUser | null>;
}
