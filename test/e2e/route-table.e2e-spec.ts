import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { AUTH_REQUIREMENT, PUBLIC_ROUTE } from '../../src/shared/auth/auth.decorator';
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

interface Route {
  key: string;
  method: string;
  path: string;
  isPublic: boolean;
  guarded: boolean;
}

function routeTable(testApp: TestApp): Route[] {
  const reflector = testApp.app.get(Reflector);
  const routes: Route[] = [];
  for (const module of testApp.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { prototype: Record<string, unknown> } | undefined;
      if (!controller?.prototype) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const methodValue = Reflect.getMetadata(METHOD_METADATA, handler) as
          RequestMethod | undefined;
        if (methodValue === undefined) continue;
        const subPath = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const path = `/${[base, subPath].filter((part) => part && part !== '/').join('/')}`.replace(
          /\/+/g,
          '/',
        );
        const method = RequestMethod[methodValue];
        const targets = [handler, controller as unknown as () => void];
        routes.push({
          key: `${method} ${path}`,
          method,
          path,
          isPublic: reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) === true,
          guarded: reflector.getAllAndOverride(AUTH_REQUIREMENT, targets) !== undefined,
        });
      }
    }
  }
  return routes;
}

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
      const url = route.path.replace(/:[a-zA-Z_]+/g, '1');
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
