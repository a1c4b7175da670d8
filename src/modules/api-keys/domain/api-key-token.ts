import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'ps_';
const TOKEN_LENGTH = 68;
const CHECKSUM_LENGTH = 6;
const RANDOM_LENGTH = TOKEN_LENGTH - PREFIX.length - CHECKSUM_LENGTH;
const DISPLAY_LENGTH = 11;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Bytes at or above this would make `byte % 62` favour some characters. */
const UNBIASED_BYTE_LIMIT = 256 - (256 % ALPHABET.length);
const TOKEN_SHAPE = /^ps_[0-9A-Za-z]{65}$/;

/**
 * API key tokens (CONTRACT §2.3): `ps_` + 59 random base62 characters + a 6-character checksum of
 * the rest, 68 characters in all. The checksum lets malformed keys be refused without a database
 * lookup and lets secret scanners recognise a real key.
 */
export function generateApiKeyToken(): string {
  const body = PREFIX + randomBase62(RANDOM_LENGTH);
  return body + checksumOf(body);
}

export function isWellFormedApiKeyToken(token: string): boolean {
  if (token.length !== TOKEN_LENGTH || !TOKEN_SHAPE.test(token)) return false;
  const body = token.slice(0, TOKEN_LENGTH - CHECKSUM_LENGTH);
  return checksumOf(body) === token.slice(TOKEN_LENGTH - CHECKSUM_LENGTH);
}

/** What the database stores: the SHA-256 of the whole token, in hex. */
export function digestApiKeyToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function displayPrefixOf(token: string): string {
  return token.slice(0, DISPLAY_LENGTH);
}

function checksumOf(body: string): string {
  const digest = createHash('sha256').update(body).digest();
  let value = digest.readUInt32BE(0) * 2 ** 16 + digest.readUInt16BE(4);
  let checksum = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i += 1) {
    checksum = ALPHABET[value % ALPHABET.length] + checksum;
    value = Math.floor(value / ALPHABET.length);
  }
  return checksum;
}

function randomBase62(length: number): string {
  let result = '';
  while (result.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < UNBIASED_BYTE_LIMIT) result += ALPHABET[byte % ALPHABET.length];
      if (result.length === length) break;
    }
  }
  return result;
}
