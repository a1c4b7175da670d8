import { createServer } from 'node:net';
import { Browser } from 'playwright-core';
import { createCompanion, createUser } from '../support/booking-fixtures';
import { findChromium, launchChromium } from '../support/browser';
import { ledgerSums } from '../support/payments';
import { startTestApp, TestApp } from '../support/test-app';

const chromiumPath = findChromium();
const describeInBrowser = chromiumPath ? describe : describe.skip;
if (!chromiumPath) {
  console.warn(
    'SKIPPED: the local checkout browser test needs Chromium (apt-get install chromium, or set CHROMIUM_PATH).',
  );
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describeInBrowser(
  `the local payment gateway's checkout page in headless Chromium${chromiumPath ? '' : ' — SKIPPED: no Chromium found'}`,
  () => {
    let testApp: TestApp;
    let browser: Browser;
    let base: string;

    beforeAll(async () => {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      testApp = await startTestApp({ env: { PUBLIC_BASE_URL: base } });
      await testApp.app.listen({ port, host: '127.0.0.1' });
      browser = await launchChromium(chromiumPath as string);
    });

    afterAll(async () => {
      await browser?.close();
      await testApp?.close();
    });

    it('a client clicks Pay and the booking is paid', async () => {
      const companion = await createCompanion(testApp);
      const client = await createUser(testApp);
      const created = await testApp.app.inject({
        method: 'POST',
        url: '/api/v1/bookings',
        headers: client.headers,
        payload: {
          companion_id: companion.id,
          event_date: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
          start_time: '18:00',
          duration_hours: 4,
          service_type: 'Event Hostess',
          location: 'Club <b>Berghain</b>',
          customer_email: client.email,
        },
      });
      const { id, booking_code: code } = created.json().booking;
      await testApp.app.inject({
        method: 'POST',
        url: `/api/v1/bookings/${code}/accept`,
        headers: companion.staff.headers,
      });
      const pay = await testApp.app.inject({
        method: 'POST',
        url: `/api/v1/bookings/${code}/pay`,
        headers: client.headers,
      });
      const checkoutUrl: string = pay.json().checkout_url;

      const page = await browser.newPage();
      try {
        await page.goto(checkoutUrl);
        expect(await page.textContent('#amount')).toBe('180.00 EUR');
        expect(await page.locator('text=Club <b>Berghain</b>').count()).toBe(1);
        await Promise.all([page.waitForURL(`${checkoutUrl}/pay`), page.click('#pay')]);
        expect(await page.textContent('h1')).toBe('Payment received');
      } finally {
        await page.close();
      }
      const shown = await testApp.app.inject({
        method: 'GET',
        url: `/api/v1/bookings/${code}`,
        headers: client.headers,
      });
      expect(shown.json().booking).toMatchObject({ status: 'paid', payment_status: 'paid' });
      expect((await ledgerSums(testApp, id)).charged).toBe(18000);
    });
  },
);
