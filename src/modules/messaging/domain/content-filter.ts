import { DomainError } from '../../../shared/domain/domain-error';

export const CONTENT_REJECTED = 'Message rejected by content filter';
export const HIDDEN = '[hidden]';

/**
 * The default block list (CONTRACT §6.4): slurs and abuse that no conversation on a staffing
 * marketplace needs. MESSAGE_BLOCKLIST adds a deployment's own words.
 */
export const DEFAULT_BLOCKED_WORDS: readonly string[] = [
  'fuck',
  'fucking',
  'motherfucker',
  'cunt',
  'bitch',
  'whore',
  'slut',
  'retard',
  'faggot',
  'nigger',
  'nigga',
  'kike',
  'spic',
  'chink',
  'wetback',
  'tranny',
  'escort service',
  'sexual services',
  'happy ending',
];

const EMAIL =
  /[\p{L}\p{N}._%+-]+\s*(?:@|\(at\)|\[at\])\s*[\p{L}\p{N}-]+(?:\s*(?:\.|\(dot\)|\[dot\])\s*[\p{L}\p{N}-]+)+/giu;
/**
 * A phone number in the common ways people write one: an optional + or 00 prefix, then at least
 * seven digits, possibly separated by spaces, dots, dashes, slashes or brackets ("0171 234 56 78",
 * "+49 (171) 234-5678", "1 7 1 2 3 4 5 6 7").
 */
const PHONE = /(?<![\p{L}\p{N}])(?:\+|00)?(?:[\s./()-]*\d){7,}(?![\p{L}\p{N}])/gu;

/** Dates are numbers people write in messages about events: never mistaken for a phone. */
const DATE = /^(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})$/;

/**
 * Refuses blocked words (whole words, any case, also when spaced or stretched with symbols as
 * "f.u.c.k") and masks contact details between parties without a paid booking, so that payment
 * stays on the platform (CONTRACT §6.4).
 */
export class ContentFilter {
  private readonly blocked: RegExp | null;

  constructor(extraWords: readonly string[] = []) {
    const words = [...DEFAULT_BLOCKED_WORDS, ...extraWords]
      .map((word) => word.trim().toLowerCase())
      .filter((word) => word.length > 0);
    this.blocked =
      words.length > 0
        ? new RegExp(
            `(?<![\\p{L}\\p{N}])(?:${words.map(loosePattern).join('|')})(?![\\p{L}\\p{N}])`,
            'iu',
          )
        : null;
  }

  /**
   * Throws the contract's refusal when the text contains a blocked word: a 422 naming `content`
   * over HTTP (CONTRACT §1.2), the same words as a socket acknowledgement's error.
   */
  check(content: string): void {
    if (this.blocked?.test(content.normalize('NFKC'))) {
      throw DomainError.invalidField('content', CONTENT_REJECTED);
    }
  }

  /** Whether the text holds something maskContactDetails would hide (spares a lookup if not). */
  hasContactDetails(content: string): boolean {
    return maskContactDetails(content) !== content;
  }
}

export function maskContactDetails(content: string): string {
  return content.replace(EMAIL, HIDDEN).replace(PHONE, (match) => {
    if (DATE.test(match.trim())) return match;
    const leading = /^\s*/.exec(match)?.[0] ?? '';
    return `${leading}${HIDDEN}`;
  });
}

/** "fuck" also matches "f u c k", "f.u.c.k" and "f-u-c-k"; spaces inside phrases stay flexible. */
function loosePattern(word: string): string {
  return [...word]
    .map((character) => (character === ' ' ? '\\s+' : escapeRegExp(character)))
    .join('[\\s._*-]?');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
