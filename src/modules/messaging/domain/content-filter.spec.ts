import { DomainError } from '../../../shared/domain/domain-error';
import { ContentFilter, maskContactDetails } from './content-filter';

describe('content filter (CONTRACT §6.4)', () => {
  const filter = new ContentFilter(['moneygram', 'cash only']);

  it.each([
    'FUCK this',
    'f.u.c.k',
    'f u c k off',
    'you bitch',
    'send by MoneyGram',
    'Cash   only please',
  ])('refuses %p', (text) => {
    expect(() => filter.check(text)).toThrow(DomainError);
  });

  it.each(['Scunthorpe', 'classic hostess', 'cashier only', 'I will pass it on', 'bitchin'])(
    'lets %p through (whole words only)',
    (text) => {
      expect(() => filter.check(text)).not.toThrow();
    },
  );

  it.each([
    ['anna.klein@example.com', '[hidden]'],
    ['anna (at) example (dot) com', '[hidden]'],
    ['anna @ example . com', '[hidden]'],
    ['call +49 171 2345678 now', 'call [hidden] now'],
    ['0171/234 56 78', '[hidden]'],
    ['(030) 1234-5678', '[hidden]'],
    ['0 1 7 1 2 3 4 5 6 7', '[hidden]'],
    ['0049 30 1234567', '[hidden]'],
  ])('masks %p', (text, masked) => {
    expect(maskContactDetails(text)).toBe(masked);
    expect(filter.hasContactDetails(text)).toBe(true);
  });

  it.each([
    'See you on 2027-03-15 at 10:00',
    'on 15.03.2027',
    'booking PS-AB12CD34',
    '4 hours at 45 EUR',
    'room 12345',
  ])('leaves %p alone', (text) => {
    expect(maskContactDetails(text)).toBe(text);
    expect(filter.hasContactDetails(text)).toBe(false);
  });
});
