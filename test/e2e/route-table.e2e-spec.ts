import { concretePath, routeTable } from '../support/route-table';
import { startTestApp, TestApp } from '../support/test-app';

/** Every route open to anonymous callers. Adding one means adding it here, deliberately. */
const PUBLIC_ROUTES = [
  'GET /health',
  'GET /health/ready',
  'POST /auth/register',
  'POST /auth/login',
  // Stripe signs its deliveries instead (CONTRACT §5.2).
  'POST /payments/stripe/webhook',
  // The local payment gateway's pages (§5.6; 404 while Stripe serves payments) and the return page.
  'GET /payments/local/checkout/:id',
  'POST /payments/local/checkout/:id/pay',
  'GET /payments/local/onboarding/:accountId',
  'POST /payments/local/onboarding/:accountId/complete',
  'GET /payments/return',
  // The contact form (CONTRACT §8), rate-limited per IP.
  'POST /contact',
];

describe('deny by default (CONTRACT §9)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { RATE_LIMIT_ANONYMOUS: '100000' } });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('guards every route or lists it as public', () => {
    const routes = routeTable(testApp);
    expect(routes.length).toBeGreaterThan(PUBLIC_ROUTES.length);
    const unguarded = routes
      .filter((route) => !route.isPublic && !route.guarded)
      .map((route) => route.key);
    expect(unguarded).toEqual([]);
    const publicRoutes = routes.filter((route) => route.isPublic).map((route) => route.key);
    expect(publicRoutes.sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('answers every guarded route with 401 to an anonymous caller', async () => {
    const guarded = routeTable(testApp).filter((route) => !route.isPublic);
    for (const route of guarded) {
      const url = concretePath(route);
      const response = await testApp.app.inject({
        method: route.method as 'GET',
        url,
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
      });
      expect({ route: route.key, status: response.statusCode }).toEqual({
        route: route.key,
        status: 401,
      });
    }
  });
});
