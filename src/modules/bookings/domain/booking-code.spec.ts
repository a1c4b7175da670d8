import { BOOKING_CODE_PATTERN, newBookingCode } from './booking-code';

describe('newBookingCode (CONTRACT §4.4)', () => {
  it('is PS- and 8 characters of A-Z0-9, random', () => {
    const codes = Array.from({ length: 2000 }, newBookingCode);
    codes.forEach((code) => expect(code).toMatch(BOOKING_CODE_PATTERN));
    expect(new Set(codes).size).toBe(codes.length);
    const characters = new Set(codes.join('').replace(/PS-/g, ''));
    expect(characters.size).toBe(36);
  });
});
