import { ContactMessage, ContactMessageStatus, NewContactMessage } from '../contact-message';

export abstract class ContactMessageRepository {
  abstract insert(message: NewContactMessage, now: Date): Promise<ContactMessage>;

  /** Reads and locks (FOR UPDATE) one message for the rest of the transaction. */
  abstract lockById(id: number): Promise<ContactMessage | null>;

  abstract markHandled(id: number, byUserId: number, now: Date): Promise<ContactMessage>;

  /** Newest first, optionally only open or only handled ones. */
  abstract list(filter: {
    status?: ContactMessageStatus;
    page: number;
    limit: number;
  }): Promise<{ items: ContactMessage[]; total: number }>;
}
