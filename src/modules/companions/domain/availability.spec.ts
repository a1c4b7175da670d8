import { computeAvailability, datesInRange, hasFreeHour } from './availability';
import {
  canonicalTimeZone,
  instantAt,
  isCalendarDate,
  localDayBounds,
} from '../../../shared/domain/zoned-time';

const BERLIN = 'Europe/Berlin';
const at = (iso: string) => new Date(iso);

describe('local days in a time zone', () => {
  it('knows 23- and 25-hour days at the Berlin DST changes', () => {
    const spring = localDayBounds('2026-03-29', BERLIN);
    expect(spring.start.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(spring.end.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    const autumn = localDayBounds('2026-10-25', BERLIN);
    expect(autumn.start.toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(autumn.end.toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('maps a time in the spring gap forward by the gap, and an overlap to the first', () => {
    expect(instantAt('2026-03-29', 2, 30, BERLIN).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantAt('2026-10-25', 2, 30, BERLIN).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('handles zones far from UTC and half-hour offsets', () => {
    expect(localDayBounds('2026-05-01', 'Pacific/Kiritimati').start.toISOString()).toBe(
      '2026-04-30T10:00:00.000Z',
    );
    expect(instantAt('2026-05-01', 6, 0, 'Asia/Kolkata').toISOString()).toBe(
      '2026-05-01T00:30:00.000Z',
    );
  });

  it('validates dates and zones', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('Not/AZone')).toBeNull();
    expect(datesInRange('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
  });
});

describe('availability of a day', () => {
  it('lists bookings in local time on the DST days, clipped to each day', () => {
    const days = computeAvailability(
      ['2026-03-28', '2026-03-29', '2026-10-25'],
      BERLIN,
      new Set(['2026-03-28']),
      [
        // 22:00 on the 28th (CET) to 04:00 on the 29th (CEST): crosses midnight and the gap.
        { startsAt: at('2026-03-28T21:00:00Z'), endsAt: at('2026-03-29T02:00:00Z') },
        // 18:00-23:00 CET on the 25th of October.
        { startsAt: at('2026-10-25T17:00:00Z'), endsAt: at('2026-10-25T22:00:00Z') },
      ],
    );
    expect(days).toEqual([
      {
        date: '2026-03-28',
        available: false,
        booked: [{ start_time: '22:00', end_time: '24:00' }],
      },
      { date: '2026-03-29', available: true, booked: [{ start_time: '00:00', end_time: '04:00' }] },
      { date: '2026-10-25', available: true, booked: [{ start_time: '18:00', end_time: '23:00' }] },
    ]);
  });

  it('needs one free hour between 06:00 and 24:00 local time', () => {
    const held = (from: string, to: string) => ({ startsAt: at(from), endsAt: at(to) });
    // 06:00-23:30 CEST held: only 30 minutes remain.
    expect(
      hasFreeHour('2026-06-01', BERLIN, [held('2026-06-01T04:00:00Z', '2026-06-01T21:30:00Z')]),
    ).toBe(false);
    // 06:00-23:00 held: 23:00-24:00 is free.
    expect(
      hasFreeHour('2026-06-01', BERLIN, [held('2026-06-01T04:00:00Z', '2026-06-01T21:00:00Z')]),
    ).toBe(true);
    // Two bookings leaving a 45-minute gap in between and nothing else.
    expect(
      hasFreeHour('2026-06-01', BERLIN, [
        held('2026-06-01T03:00:00Z', '2026-06-01T12:00:00Z'),
        held('2026-06-01T12:45:00Z', '2026-06-01T23:00:00Z'),
      ]),
    ).toBe(false);
    // Night hours before 06:00 do not count as free.
    expect(
      hasFreeHour('2026-06-01', BERLIN, [held('2026-06-01T04:00:00Z', '2026-06-01T22:00:00Z')]),
    ).toBe(false);
  });
});
