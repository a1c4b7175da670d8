import { createEventStufferClient } from '../../clients/typescript';
import { createApiKey } from '../support/accounts';
import { createCompanion, createOrganization, createUser } from '../support/booking-fixtures';
import { ManualClock } from '../support/manual-clock';
import { startTestApp, TestApp } from '../support/test-app';

/** The generated client (clients/typescript) against a real listening server: the README's calls. */
describe('TypeScript client', () => {
  let testApp: TestApp;
  let baseUrl: string;
  const clock = new ManualClock('2026-05-01T10:00:00.000Z');

  beforeAll(async () => {
    testApp = await startTestApp({ clock });
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = (await testApp.app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('searches, books and reads the status with typed calls', async () => {
    const companion = await createCompanion(testApp, { hourlyRateCents: 4500 });
    const client = await createUser(testApp, { organizationId: await createOrganization(testApp) });
    const api = createEventStufferClient({
      baseUrl,
      apiKey: await createApiKey(testApp, client, ['read', 'book']),
    });

    const { data: found } = await api.GET('/api/v1/companions', {
      params: { query: { location: 'Berlin', service: 'Hostess' } },
    });
    expect(found?.companions.map((item) => item.id)).toContain(companion.id);

    const { data: created, response } = await api.POST('/api/v1/bookings', {
      body: {
        companion_id: companion.id,
        event_date: '2026-05-15',
        start_time: '18:00',
        duration_hours: 4,
        service_type: 'Event Hostess',
        location: 'Messe Berlin, Messedamm 22, 14055 Berlin',
        customer_email: client.email,
      },
    });
    expect(response.status).toBe(201);
    const code = created!.booking.booking_code;

    const { data } = await api.GET('/api/v1/bookings/{code}', { params: { path: { code } } });
    expect(data?.booking).toMatchObject({
      booking_code: code,
      status: 'pending',
      total_amount: 180,
    });
  });

  it('returns the error body of a refused call', async () => {
    const api = createEventStufferClient({ baseUrl, apiKey: `ps_${'0'.repeat(65)}` });
    const { data, error, response } = await api.GET('/api/v1/bookings/{code}', {
      params: { path: { code: 'PS-AAAAAAAA' } },
    });
    expect(response.status).toBe(401);
    expect(data).toBeUndefined();
    expect(error).toEqual({ error: expect.any(String) });
  });
});
