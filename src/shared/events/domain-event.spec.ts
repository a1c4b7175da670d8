import { eventPosition, parseEventPosition, positionParts, START_OF_STREAM } from './domain-event';

describe('event positions', () => {
  it('round-trip as one string', () => {
    const position = eventPosition('18446744073709551615', '9223372036854775807');
    expect(parseEventPosition(position)).toBe(position);
    expect(positionParts(position)).toEqual({
      transactionId: '18446744073709551615',
      eventId: '9223372036854775807',
    });
    expect(positionParts(START_OF_STREAM)).toEqual({ transactionId: '0', eventId: '0' });
  });

  it.each(['', '12', '12-', '-3', '1-2-3', '1.2', 'a-1', ' 1-2', '1-2 ', `${'9'.repeat(21)}-1`])(
    'refuses %p',
    (text) => {
      expect(parseEventPosition(text)).toBeNull();
    },
  );
});
