import { createServer } from 'node:net';
import { startTestApp, TestApp } from '../support/test-app';
import { createCompanion, createUser, TestCompanion, TestUser } from '../support/booking-fixtures';
import { ledgerSums } from '../support/payments';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The local gateway end to end over real HTTP, as a browser would use it (CONTRACT §5.6). */
describe('payments: the local gateway without Stripe keys', () => {
  let testApp: TestApp;
  let base: string;
  let companion: TestCompanion;
  let client: TestUser;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    testApp = await startTestApp({ env: { PUBLIC_BASE_URL: base } });
    await testApp.app.listen({ port, host: '127.0.0.1' });
    companion = await createCompanion(testApp);
    client = await createUser(testApp);
  });

  afterAll(async () => {
    await testApp.close();
  });

  async function acceptedBooking(location: string): Promise<{ id: number; code: string }> {
    const created = await fetch(`${base}/api/v1/bookings`, {
      method: 'POST',
      headers: { ...client.headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        companion_id: companion.id,
        event_date: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        start_time: '18:00',
        duration_hours: 4,
        service_type: 'Event Hostess',
        location,
        customer_email: client.email,
      }),
    });
    expect(created.status).toBe(201);
    const { id, booking_code: code } = (
      (await created.json()) as { booking: { id: number; booking_code: string } }
    ).booking;
    const accepted = await fetch(`${base}/api/v1/bookings/${code}/accept`, {
      method: 'POST',
      headers: companion.staff.headers,
    });
    expect(accepted.status).toBe(200);
    return { id, code };
  }

  it('pays through its own checkout page, with every value escaped', async () => {
    const hostile = `Hall "A" <script>alert('x')</script> & more`;
    const booking = await acceptedBooking(hostile);
    const pay = await fetch(`${base}/api/v1/bookings/${booking.code}/pay`, {
      method: 'POST',
      headers: client.headers,
    });
    expect(pay.status).toBe(200);
    const { checkout_url: checkoutUrl } = (await pay.json()) as { checkout_url: string };
    expect(checkoutUrl).toMatch(
      new RegExp(`^${base}/payments/local/checkout/local_cs_[A-Za-z0-9_-]{22}$`),
    );

    const page = await fetch(checkoutUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain(booking.code);
    expect(html).toContain('180.00 EUR');
    expect(html).not.toContain('<script>');
    expect(html).toContain(
      'Hall &quot;A&quot; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more',
    );
    const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1];
    expect(action).toBe(`${new URL(checkoutUrl).pathname}/pay`);

    const submitted = await fetch(`${base}${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(submitted.status).toBe(200);
    expect(await submitted.text()).toContain('Payment received');
    const shown = await fetch(`${base}/api/v1/bookings/${booking.code}`, {
      headers: client.headers,
    });
    expect(((await shown.json()) as { booking: unknown }).booking).toMatchObject({
      status: 'paid',
      payment_status: 'paid',
    });

    const again = await fetch(`${base}${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(again.status).toBe(200);
    expect(await ledgerSums(testApp, booking.id)).toEqual({
      charged: 18000,
      refunded: 0,
      transferred: 0,
      platformFee: 0,
    });
  });

  it('takes form posts only on its pages: the API still refuses them with 415', async () => {
    const response = await fetch(`${base}/api/v1/bookings`, {
      method: 'POST',
      headers: { ...client.headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'companion_id=1',
    });
    expect(response.status).toBe(415);
  });

  it('answers 404 for a checkout it does not know', async () => {
    const response = await fetch(`${base}/payments/local/checkout/local_cs_unknown`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'Not found' });
  });

  it('onboards a staff member for payouts through its own page', async () => {
    const onboard = await fetch(`${base}/api/v1/companions/me/payouts/onboard`, {
      method: 'POST',
      headers: companion.staff.headers,
    });
    expect(onboard.status).toBe(200);
    const { url } = (await onboard.json()) as { url: string };
    expect(url).toMatch(new RegExp(`^${base}/payments/local/onboarding/local_acct_`));
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const action = /<form method="post" action="([^"]+)">/.exec(await page.text())?.[1];
    const done = await fetch(`${base}${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(done.status).toBe(200);
    const [account] = await testApp.dataSource.query(
      'SELECT payouts_enabled FROM connected_accounts WHERE user_id = $1',
      [companion.staff.id],
    );
    expect(account).toEqual({ payouts_enabled: true });
    const client2 = await fetch(`${base}/api/v1/companions/me/payouts/onboard`, {
      method: 'POST',
      headers: client.headers,
    });
    expect(client2.status).toBe(403);
  });

  it('refuses Stripe webhooks: there is no Stripe without keys', async () => {
    const response = await fetch(`${base}/payments/stripe/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' },
      body: JSON.stringify({ id: 'evt_1', type: 'checkout.session.completed' }),
    });
    expect(response.status).toBe(400);
  });
});
