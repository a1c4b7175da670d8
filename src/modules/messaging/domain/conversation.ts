import { Role } from '../../../shared/domain/actor';

export type ConversationKind = 'direct' | 'group';

/** Someone in a conversation, as the conversation shows them. */
export interface Participant {
  userId: number;
  /** "Maria S.": first name and the initial of the last name. */
  displayName: string;
  role: Role;
}

export interface Conversation {
  id: number;
  kind: ConversationKind;
  title: string | null;
  createdByUserId: number;
  createdAt: Date;
  participants: Participant[];
}

export interface Message {
  id: number;
  conversationId: number;
  senderId: number;
  senderName: string;
  content: string;
  createdAt: Date;
}

/** A user as messaging needs them: who they are and whether they may still be messaged. */
export interface ChatUser {
  id: number;
  firstName: string;
  lastName: string;
  role: Role;
  active: boolean;
}

export function displayNameOf(user: Pick<ChatUser, 'firstName' | 'lastName'>): string {
  const initial = [...user.lastName.trim()][0];
  return initial ? `${user.firstName} ${initial.toUpperCase()}.` : user.firstName;
}

export function participantOf(user: ChatUser): Participant {
  return { userId: user.id, displayName: displayNameOf(user), role: user.role };
}

/** The unique key of the direct conversation between two users, whoever started it. */
export function directKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/** What the bookings between two users allow (CONTRACT §6.1, §6.4). */
export interface BookingRelation {
  /** They share a booking in any status. */
  shareBooking: boolean;
}

/**
 * CONTRACT §6.1, who may write to whom in a direct conversation: administrators to anyone; a
 * client to a staff member (an inquiry); a staff member to a client with whom they share a
 * booking in any status. Anyone may answer in a conversation the other side wrote in first
 * (`otherHasWritten`), which is how a staff member replies to an inquiry and anyone to an
 * administrator. Everything else is refused.
 */
export async function mayWriteDirect(
  sender: Pick<Participant, 'role'>,
  recipient: Pick<Participant, 'role'>,
  facts: { otherHasWritten: () => Promise<boolean>; relation: () => Promise<BookingRelation> },
): Promise<boolean> {
  if (sender.role === 'admin') return true;
  if (sender.role === 'client' && recipient.role === 'staff') return true;
  if (await facts.otherHasWritten()) return true;
  if (sender.role === 'staff' && recipient.role === 'client') {
    return (await facts.relation()).shareBooking;
  }
  return false;
}

/**
 * CONTRACT §6.4: contact details are hidden unless the sender has a paid booking with every
 * other participant across the client/staff divide; administrators' conversations are exempt.
 */
export function mustMaskBetween(
  sender: Pick<Participant, 'userId' | 'role'>,
  others: ReadonlyArray<Pick<Participant, 'userId' | 'role'>>,
  paidCounterparts: ReadonlySet<number>,
): boolean {
  if (sender.role === 'admin') return false;
  return others.some(
    (other) =>
      other.role !== 'admin' && other.role !== sender.role && !paidCounterparts.has(other.userId),
  );
}

/** Booking parties a masking decision needs to look up: the ones across the divide. */
export function counterpartsOf(
  sender: Pick<Participant, 'userId' | 'role'>,
  others: ReadonlyArray<Pick<Participant, 'userId' | 'role'>>,
): number[] {
  if (sender.role === 'admin') return [];
  return others
    .filter((other) => other.role !== 'admin' && other.role !== sender.role)
    .map((other) => other.userId);
}
