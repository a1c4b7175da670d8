import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const BOOKING_CODE_PATTERN = /^PS-[A-Z0-9]{8}$/;

/** `PS-` + 8 characters from a CSPRNG (CONTRACT §4.4): random, never derived from the id. */
export function newBookingCode(): string {
  let code = 'PS-';
  for (let index = 0; index < 8; index += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}
