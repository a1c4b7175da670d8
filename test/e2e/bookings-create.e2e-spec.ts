import { startTestApp, TestApp } from '../support/test-app';
import { ManualClock } from '../support/manual-clock';
import { TestAuthModule } from '../support/test-auth.module';
import { createCompanion, createUser, TestCompanion, TestUser } from '../support/booking-fixtures';

describe('POST /api/v1/bookings (CONTRACT §4.1–4.4)', () => {
  let testApp: TestApp;
  const clock = new ManualClock('2026-05-01T10:00:00.000Z');
  let companion: TestCompanion;
  let client: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp({ clock, extraModules: [TestAuthModule] });
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
});
