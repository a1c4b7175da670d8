import { DomainError } from '../../../shared/domain/domain-error';

export const MAX_MESSAGE_LENGTH = 5_000;

/** CONTRACT §6.1: 1–5,000 characters after trimming (counted as characters, not bytes). */
export function messageContent(raw: unknown): string {
  if (typeof raw !== 'string') throw DomainError.invalidField('content', 'Content must be text');
  const content = raw.trim();
  const length = [...content].length;
  if (length === 0) throw DomainError.invalidField('content', 'Message must not be empty');
  if (length > MAX_MESSAGE_LENGTH) {
    throw DomainError.invalidField(
      'content',
      `Message must be at most ${MAX_MESSAGE_LENGTH} characters`,
    );
  }
  return content;
}
