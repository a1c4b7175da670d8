import { startTestApp, TestApp } from '../support/test-app';
import { ManualClock } from '../support/manual-clock';
import {
  bookingState,
  createCompanion,
  createOrganization,
  createUser,
  keyHeaders,
  TestCompanion,
  TestUser,
} from '../support/booking-fixtures';

describe('POST /api/v1/bookings (CONTRACT §4.1–4.4)', () => {
  let testApp: TestApp;
  const clock = new ManualClock('2026-05-01T10:00:00.000Z');
  let companion: TestCompanion;
  let client: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp({ clock, env: { RATE_LIMIT_BOOKING_CREATION: '1000' } });
    companion = await createCompanion(testApp, { hourlyRateCents: 4500, dailyRateCents: 30000 });
    client = await createUser(testApp);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const validBody = (overrides: Record<string, unknown> = {}) => ({
    companion_id: companion.id,
    event_date: '2026-05-15',
    start_time: '18:00',
    duration_hours: 4,
    service_type: 'Event Hostess',
    location: 'Messe Berlin, Messedamm 22, 14055 Berlin',
    customer_email: client.email,
    ...overrides,
  });

  const post = (payload: unknown, headers: Record<string, string> = client.headers) =>
    testApp.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      payload: payload as object,
      headers,
    });

  it('creates a pending booking priced in the staff member time zone (4 h × 45.00 → 180.00)', async () => {
    const response = await post(validBody());
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toEqual({
      success: true,
      booking: expect.objectContaining({
        id: expect.any(Number),
        booking_code: expect.stringMatching(/^PS-[A-Z0-9]{8}$/),
        total_amount: 180,
        status: 'pending',
        currency: 'EUR',
        companion_id: companion.id,
        event_date: '2026-05-15',
        start_time: '18:00',
        duration_hours: 4,
        starts_at: '2026-05-15T16:00:00.000Z',
        ends_at: '2026-05-15T20:00:00.000Z',
        service_type: 'Event Hostess',
        location: 'Messe Berlin, Messedamm 22, 14055 Berlin',
        cancellation_insurance: false,
        created_at: '2026-05-01T10:00:00.000Z',
      }),
    });
    const [row] = await testApp.dataSource.query(
      'SELECT total_cents, subtotal_cents, cancellation_policy FROM bookings WHERE id = $1',
      [body.booking.id],
    );
    expect(row.total_cents).toBe(18000);
    expect(row.cancellation_policy).toMatchObject({ fullRefundHoursBefore: 48 });
  });

  it('caps the price at the daily rate and adds the insurance fee', async () => {
    const capped = await post(validBody({ duration_hours: 10, start_time: '08:00' }));
    expect(capped.statusCode).toBe(201);
    expect(capped.json().booking.total_amount).toBe(300);
    const insured = await post(
      validBody({
        event_date: '2026-05-16',
        cancellation_insurance: true,
        notes: 'Dress code black',
      }),
    );
    expect(insured.statusCode).toBe(201);
    expect(insured.json().booking).toMatchObject({
      total_amount: 198,
      cancellation_insurance: true,
    });
  });

  const invalid: Array<[string, Record<string, unknown>, string, string]> = [
    ['unknown companion', { companion_id: 999999 }, 'companion_id', 'Invalid companion'],
    ['non-integer companion', { companion_id: '42' }, 'companion_id', 'Invalid companion'],
    ['impossible date', { event_date: '2026-02-30' }, 'event_date', 'Invalid event date'],
    ['badly formed date', { event_date: '15.05.2026' }, 'event_date', 'Invalid event date'],
    ['past date', { event_date: '2026-04-30' }, 'event_date', 'Invalid event date'],
    ['date over 365 days ahead', { event_date: '2027-05-03' }, 'event_date', 'Invalid event date'],
    ['badly formed time', { start_time: '7pm' }, 'start_time', 'Invalid start time'],
    ['hour 24', { start_time: '24:00' }, 'start_time', 'Invalid start time'],
    [
      'DST gap (02:30 on 2026-10-25 is fine, 2027-03-28 02:30 does not exist)',
      { event_date: '2027-03-28', start_time: '02:30' },
      'start_time',
      'Invalid start time',
    ],
    [
      'zero hours',
      { duration_hours: 0 },
      'duration_hours',
      'Duration must be a whole number of hours from 1 to 24',
    ],
    [
      '25 hours',
      { duration_hours: 25 },
      'duration_hours',
      'Duration must be a whole number of hours from 1 to 24',
    ],
    [
      'fractional hours',
      { duration_hours: 2.5 },
      'duration_hours',
      'Duration must be a whole number of hours from 1 to 24',
    ],
    ['service not offered', { service_type: 'DJ' }, 'service_type', 'Invalid service type'],
    ['empty location', { location: '' }, 'location', 'Location must be 1 to 500 characters'],
    [
      'long location',
      { location: 'x'.repeat(501) },
      'location',
      'Location must be 1 to 500 characters',
    ],
    [
      'unknown customer',
      { customer_email: 'nobody@example.com' },
      'customer_email',
      'Unknown customer',
    ],
    ['long notes', { notes: 'x'.repeat(2001) }, 'notes', 'Notes must be at most 2000 characters'],
    [
      'non-boolean insurance',
      { cancellation_insurance: 'yes' },
      'cancellation_insurance',
      'cancellation_insurance must be true or false',
    ],
    ['unknown field', { price: 1 }, 'price', 'Unknown field'],
  ];

  it.each(invalid)(
    'refuses %s with 422 naming the field, changing nothing',
    async (_name, change, field, message) => {
      const before = await bookingState(testApp);
      const response = await post(validBody(change));
      expect(response.statusCode).toBe(422);
      expect(response.json()).toEqual({ error: 'Validation failed', errors: [{ field, message }] });
      expect(await bookingState(testApp)).toEqual(before);
    },
  );

  it('refuses a start time in the spring-forward gap of Europe/Berlin (02:30 on 2026-03-29)', async () => {
    clock.set('2026-03-01T10:00:00.000Z');
    try {
      const before = await bookingState(testApp);
      const response = await post(validBody({ event_date: '2026-03-29', start_time: '02:30' }));
      expect(response.statusCode).toBe(422);
      expect(response.json().errors).toEqual([
        { field: 'start_time', message: 'Invalid start time' },
      ]);
      expect(await bookingState(testApp)).toEqual(before);
      const overlap = await post(
        validBody({ event_date: '2026-10-25', start_time: '02:30', duration_hours: 1 }),
      );
      expect(overlap.statusCode).toBe(201);
      expect(overlap.json().booking.starts_at).toBe('2026-10-25T00:30:00.000Z');
    } finally {
      clock.set('2026-05-01T10:00:00.000Z');
    }
  });

  it('reports every offending field at once', async () => {
    const response = await post(
      validBody({ companion_id: 999999, customer_email: 'nobody@example.com' }),
    );
    expect(response.statusCode).toBe(422);
    expect(
      response
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['companion_id', 'customer_email']);
  });

  it('refuses a staff profile that is not active', async () => {
    const hidden = await createCompanion(testApp, { status: 'hidden' });
    const response = await post(validBody({ companion_id: hidden.id }));
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      { field: 'companion_id', message: 'Invalid companion' },
    ]);
  });

  it('refuses a blocked day with 409, changing nothing', async () => {
    const blocked = await createCompanion(testApp, { blockedDates: ['2026-06-01'] });
    const before = await bookingState(testApp);
    const response = await post(validBody({ companion_id: blocked.id, event_date: '2026-06-01' }));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ error: 'Companion is not available at that time' });
    expect(await bookingState(testApp)).toEqual(before);
  });

  it('refuses a request that runs into a blocked next day with 409, and books around it', async () => {
    const blocked = await createCompanion(testApp, { blockedDates: ['2026-06-02'] });
    const before = await bookingState(testApp);
    const overnight = await post(
      validBody({ companion_id: blocked.id, event_date: '2026-06-01', start_time: '22:00' }),
    );
    expect(overnight.statusCode).toBe(409);
    expect(overnight.json()).toEqual({ error: 'Companion is not available at that time' });
    expect(await bookingState(testApp)).toEqual(before);
    const sameDay = await post(
      validBody({ companion_id: blocked.id, event_date: '2026-06-01', start_time: '18:00' }),
    );
    expect(sameDay.statusCode).toBe(201);
  });

  it('lets a session book only for its own e-mail, and only as a client', async () => {
    const other = await createUser(testApp);
    const forOther = await post(validBody({ customer_email: other.email }));
    expect(forOther.statusCode).toBe(422);
    expect(forOther.json().errors).toEqual([
      { field: 'customer_email', message: 'Unknown customer' },
    ]);
    const staffSession = await post(
      validBody({ customer_email: companion.staff.email }),
      companion.staff.headers,
    );
    expect(staffSession.statusCode).toBe(403);
    const upperCase = await post(
      validBody({ customer_email: client.email.toUpperCase(), event_date: '2026-05-20' }),
    );
    expect(upperCase.statusCode).toBe(201);
  });

  it('lets an API key book for its owner and the clients of its organization; an admin key for anyone', async () => {
    const organization = await createOrganization(testApp);
    const owner = await createUser(testApp, { organizationId: organization });
    const colleague = await createUser(testApp, { organizationId: organization });
    const outsider = await createUser(testApp);
    const admin = await createUser(testApp, { role: 'admin' });
    const key = await keyHeaders(testApp, owner);
    const adminKey = await keyHeaders(testApp, admin);
    const day = (n: number) => `2026-07-${String(n).padStart(2, '0')}`;
    expect(
      (await post(validBody({ customer_email: owner.email, event_date: day(1) }), key)).statusCode,
    ).toBe(201);
    expect(
      (await post(validBody({ customer_email: colleague.email, event_date: day(2) }), key))
        .statusCode,
    ).toBe(201);
    const refused = await post(
      validBody({ customer_email: outsider.email, event_date: day(3) }),
      key,
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      { field: 'customer_email', message: 'Unknown customer' },
    ]);
    const staffAsCustomer = await post(
      validBody({ customer_email: companion.staff.email, event_date: day(4) }),
      adminKey,
    );
    expect(staffAsCustomer.statusCode).toBe(422);
    expect(
      (await post(validBody({ customer_email: outsider.email, event_date: day(5) }), adminKey))
        .statusCode,
    ).toBe(201);
  });
});
