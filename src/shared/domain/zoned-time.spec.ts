import { addDays, localDateOf, parseCalendarDate, wallClockToUtc } from './zoned-time';

describe('wall-clock time in a zone → UTC (CONTRACT §1.5)', () => {
  it('converts summer and winter times in Europe/Berlin', () => {
    expect(wallClockToUtc('2026-05-15', '18:00', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-05-15T16:00:00.000Z',
    );
    expect(wallClockToUtc('2026-01-15', '18:00', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-01-15T17:00:00.000Z',
    );
    expect(wallClockToUtc('2026-05-15', '18:00', 'America/New_York')?.toISOString()).toBe(
      '2026-05-15T22:00:00.000Z',
    );
    expect(wallClockToUtc('2026-05-15', '00:00', 'UTC')?.toISOString()).toBe(
      '2026-05-15T00:00:00.000Z',
    );
  });

  it('refuses a time skipped by the spring-forward gap', () => {
    expect(wallClockToUtc('2026-03-29', '02:30', 'Europe/Berlin')).toBeNull();
    expect(wallClockToUtc('2026-03-29', '02:00', 'Europe/Berlin')).toBeNull();
    expect(wallClockToUtc('2026-03-29', '01:59', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-03-29T00:59:00.000Z',
    );
    expect(wallClockToUtc('2026-03-29', '03:00', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(wallClockToUtc('2026-03-08', '02:30', 'America/New_York')).toBeNull();
  });

  it('resolves a time repeated by the autumn overlap to its first occurrence', () => {
    expect(wallClockToUtc('2026-10-25', '02:30', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(wallClockToUtc('2026-10-25', '03:00', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-10-25T02:00:00.000Z',
    );
  });

  it('handles zones with half-hour offsets and across the date line', () => {
    expect(wallClockToUtc('2026-05-15', '09:00', 'Asia/Kolkata')?.toISOString()).toBe(
      '2026-05-15T03:30:00.000Z',
    );
    expect(wallClockToUtc('2026-05-15', '09:00', 'Pacific/Auckland')?.toISOString()).toBe(
      '2026-05-14T21:00:00.000Z',
    );
  });

  it('refuses impossible dates and times', () => {
    expect(parseCalendarDate('2026-02-30')).toBeNull();
    expect(parseCalendarDate('2026-13-01')).toBeNull();
    expect(parseCalendarDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(wallClockToUtc('2026-05-15', '24:00', 'UTC')).toBeNull();
    expect(wallClockToUtc('2026-02-30', '10:00', 'UTC')).toBeNull();
  });

  it('knows the local date of an instant and adds days', () => {
    expect(localDateOf(new Date('2026-05-14T22:30:00Z'), 'Europe/Berlin')).toBe('2026-05-15');
    expect(localDateOf(new Date('2026-05-14T22:30:00Z'), 'America/New_York')).toBe('2026-05-14');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-05-01', 365)).toBe('2027-05-01');
  });
});
