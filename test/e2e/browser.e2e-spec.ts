import { AddressInfo } from 'node:net';
import { Browser, Page } from 'playwright-core';
import { setSubscriptionTier, signUp, TestAccount } from '../support/accounts';
import { findChromium, launchChromium, serveStaticPage, StaticSite } from '../support/browser';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The web frontend's page, reduced to what it does with the API: calls with the session cookie
 * (`credentials: 'include'`) and the CSRF token from login on every write.
 */
const FRONTEND_PAGE = `<!doctype html>
<html><head><title>EventStuffer frontend</title></head><body>
<script>
  window.csrfToken = null;
  window.call = async (api, method, path, body, withCsrf = true) => {
    const headers = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (withCsrf && window.csrfToken) headers['X-CSRF-Token'] = window.csrfToken;
    try {
      const response = await fetch(api + path, {
        method, headers, credentials: 'include',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await response.json().catch(() => null);
      if (json && json.csrf_token) window.csrfToken = json.csrf_token;
      return {
        status: response.status,
        body: json,
        rateLimitRemaining: response.headers.get('X-RateLimit-Remaining'),
        requestId: response.headers.get('X-Request-Id'),
      };
    } catch (error) {
      return { blocked: String(error) };
    }
  };
</script>
</body></html>`;

interface CallResult {
  status?: number;
  body?: Record<string, unknown> & { keys?: Array<{ id: number }> };
  rateLimitRemaining?: string | null;
  requestId?: string | null;
  blocked?: string;
}

const chromiumPath = findChromium();
const describeInBrowser = chromiumPath ? describe : describe.skip;
if (!chromiumPath) {
  console.warn(
    'SKIPPED: the real-browser test needs Chromium (apt-get install chromium, or set CHROMIUM_PATH).',
  );
}

describeInBrowser(
  `the web frontend in headless Chromium${chromiumPath ? '' : ' — SKIPPED: no Chromium found'}`,
  () => {
    let frontend: StaticSite;
    let stranger: StaticSite;
    let testApp: TestApp;
    let api: string;
    let browser: Browser;
    let staff: TestAccount;

    beforeAll(async () => {
      frontend = await serveStaticPage(FRONTEND_PAGE);
      stranger = await serveStaticPage(FRONTEND_PAGE);
      testApp = await startTestApp({ env: { CORS_ORIGINS: frontend.origin } });
      await testApp.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = testApp.app.getHttpServer().address() as AddressInfo;
      // Same site as the page (same host name, another port): the SameSite=Lax cookie goes along.
      api = `http://localhost:${port}`;
      staff = await signUp(testApp, { role: 'staff' });
      await setSubscriptionTier(testApp, staff.id, 'enterprise');
      browser = await launchChromium(chromiumPath!);
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await testApp?.close();
      await frontend?.close();
      await stranger?.close();
    });

    async function openPage(site: StaticSite): Promise<Page> {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(site.origin);
      return page;
    }

    const call = (
      page: Page,
      method: string,
      path: string,
      body?: unknown,
      withCsrf = true,
    ): Promise<CallResult> =>
      page.evaluate(
        ([apiUrl, verb, target, payload, csrf]) =>
          // Runs in the page, where the page's script defined `call`.
          (globalThis as unknown as { call(...args: unknown[]): Promise<CallResult> }).call(
            apiUrl,
            verb,
            target,
            payload,
            csrf,
          ),
        [api, method, path, body, withCsrf] as const,
      );

    it('logs in, reads, writes with PATCH, PUT and DELETE, and logs out', async () => {
      const page = await openPage(frontend);
      const login = await call(page, 'POST', '/auth/login', {
        email: staff.email,
        password: staff.password,
      });
      expect(login.status).toBe(200);
      expect(typeof login.body?.csrf_token).toBe('string');

      const me = await call(page, 'GET', '/auth/me');
      expect(me.status).toBe(200);
      expect(me.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(Number(me.rateLimitRemaining)).toBeGreaterThan(0);

      const patch = await call(page, 'PATCH', '/api/v1/companions/me', {
        tagline: 'From Chromium',
      });
      expect(patch).toMatchObject({ status: 200, body: { tagline: 'From Chromium' } });
      const put = await call(page, 'PUT', '/api/v1/companions/me/blocked-dates', {
        dates: ['2030-01-02'],
      });
      expect(put.status).toBe(200);

      const created = await call(page, 'POST', '/api/keys', {
        name: 'browser key',
        permissions: ['read'],
      });
      expect(created.status).toBe(201);
      const deleted = await call(page, 'DELETE', `/api/keys/${String(created.body?.id)}`);
      expect(deleted).toMatchObject({ status: 200, body: { success: true } });

      const withoutCsrf = await call(
        page,
        'PATCH',
        '/api/v1/companions/me',
        { tagline: 'No token' },
        false,
      );
      expect(withoutCsrf).toMatchObject({ status: 403, body: { error: 'Invalid CSRF token' } });

      const logout = await call(page, 'POST', '/auth/logout');
      expect(logout.status).toBe(200);
      const cookies = await page.context().cookies(api);
      expect(cookies.find((cookie) => cookie.name === 'connect.sid')).toBeUndefined();
      expect((await call(page, 'GET', '/auth/me')).status).toBe(401);
      await page.context().close();
    });

    it('blocks a page on an origin that is not allowed', async () => {
      const page = await openPage(stranger);
      const login = await call(page, 'POST', '/auth/login', {
        email: staff.email,
        password: staff.password,
      });
      expect(login.blocked).toMatch(/Failed to fetch/);
      const patch = await call(page, 'PATCH', '/api/v1/companions/me', { tagline: 'Stranger' });
      expect(patch.blocked).toMatch(/Failed to fetch/);
      const [{ tagline }] = await testApp.dataSource.query(
        'SELECT tagline FROM companion_profiles WHERE user_id = $1',
        [staff.id],
      );
      expect(tagline).not.toBe('Stranger');
      await page.context().close();
    });
  },
);
