/** A message sent through the public contact form (CONTRACT §8). */
export interface ContactMessage {
  id: number;
  name: string;
  email: string;
  subject: string;
  message: string;
  createdAt: Date;
  handledAt: Date | null;
  handledByUserId: number | null;
}

export type NewContactMessage = Pick<ContactMessage, 'name' | 'email' | 'subject' | 'message'>;

export const CONTACT_MESSAGE_STATUSES = ['open', 'handled'] as const;
export type ContactMessageStatus = (typeof CONTACT_MESSAGE_STATUSES)[number];

/** What the audit log keeps of a message before and after an operator handles it. */
export function auditedContactMessage(message: ContactMessage): Record<string, unknown> {
  return {
    handled_at: message.handledAt?.toISOString() ?? null,
    handled_by: message.handledByUserId,
  };
}
