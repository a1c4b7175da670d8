import { createApiKey, setSubscriptionTier, signUpAdmin, TestAccount } from '../support/accounts';
import { createCompanion, createUser, TestCompanion } from '../support/booking-fixtures';
import {
  databaseFingerprint,
  MASS_ASSIGNMENT_FIELDS,
  Operation,
  operationsOf,
} from '../support/hostile-requests';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Objects anyone may look at by id, on purpose: public staff profiles (CONTRACT §3), a user's
 * published reviews (§7.1: hidden ones are filtered, not refused), the addressee of a message (a
 * user, not an object of the caller's: §7.4 answers who may not be messaged with 403) and the
 * local payment gateway's pages, whose unguessable id is the capability (§5.6).
 */
const PUBLIC_BY_ID = new Set([
  'GET /api/v1/companions/{id}',
  'GET /api/v1/companions/{id}/availability',
  'GET /reviews/user/{userId}',
  'POST /messages/send/{userId}',
  'GET /payments/local/checkout/{id}',
  'POST /payments/local/checkout/{id}/pay',
  'GET /payments/local/onboarding/{accountId}',
  'POST /payments/local/onboarding/{accountId}/complete',
]);

interface Owned {
  client: TestAccount;
  companion: TestCompanion;
  bookingCode: string;
  keyId: number;
  organizationId: number;
  portfolioItemId: number;
  bookingId: number;
  conversationId: number;
  hiddenReviewId: number;
  webhookId: number;
  deliveryId: number;
  payoutId: number;
  contactMessageId: number;
}

/**
 * Which of the owner's objects a path parameter names, by route prefix. A route whose parameter
 * matches no entry fails the matrix until it is given one: new routes cannot slip past it.
 */
const OWNED_VALUE: Array<{
  route: RegExp;
  value: (owned: Owned, parameter: string) => string;
  unknown: string;
}> = [
  { route: /^\/api\/v1\/bookings\/\{code\}/, value: (o) => o.bookingCode, unknown: 'PS-ZZZZZZZZ' },
  {
    route: /^\/reviews\/booking\/\{bookingId\}/,
    value: (o) => o.bookingCode,
    unknown: 'PS-ZZZZZZZZ',
  },
  // A hidden review (not yet published) is nobody's business but its author's and the admins':
  // for anyone else it does not exist. (A published one is public: its reviewee alone may answer.)
  {
    route: /^\/reviews\/\{reviewId\}/,
    value: (o) => String(o.hiddenReviewId),
    unknown: '999999',
  },
  {
    route: /^\/messages\/conversation\/\{id\}/,
    value: (o) => String(o.conversationId),
    unknown: '999999',
  },
  {
    route: /^\/api\/webhooks\/\{id\}/,
    value: (o, parameter) =>
      parameter === 'deliveryId' ? String(o.deliveryId) : String(o.webhookId),
    unknown: '999999',
  },
  {
    route: /^\/api\/admin\/bookings\/\{code\}/,
    value: (o) => o.bookingCode,
    unknown: 'PS-ZZZZZZZZ',
  },
  { route: /^\/api\/admin\/payouts\/\{id\}/, value: (o) => String(o.payoutId), unknown: '999999' },
  {
    route: /^\/api\/admin\/contact-messages\/\{id\}/,
    value: (o) => String(o.contactMessageId),
    unknown: '999999',
  },
  { route: /^\/api\/keys\/\{id\}/, value: (o) => String(o.keyId), unknown: '999999' },
  { route: /^\/api\/admin\/users\/\{id\}/, value: (o) => String(o.client.id), unknown: '999999' },
  {
    route: /^\/api\/admin\/organizations\/\{id\}/,
    value: (o) => String(o.organizationId),
    unknown: '999999',
  },
  {
    route: /^\/api\/admin\/companions\/\{id\}/,
    value: (o, parameter) =>
      parameter === 'itemId' ? String(o.portfolioItemId) : String(o.companion.id),
    unknown: '999999',
  },
];

/** CONTRACT §1.2 "404 … or the caller may not see it", OWASP API #1 and #3 (mass assignment). */
describe('authorization matrix generated from the OpenAPI document', () => {
  let testApp: TestApp;
  let operations: Operation[];
  let owned: Owned;
  let admin: TestAccount;
  const foreign: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    testApp = await startTestApp({
      env: {
        RATE_LIMIT_ANONYMOUS: '1000000',
        RATE_LIMIT_SESSION: '1000000',
        LOGIN_MAX_FAILURES: '1000000',
        LOGIN_MAX_FAILURES_PER_EMAIL: '1000000',
        RATE_LIMIT_API_KEY: '1000000',
        RATE_LIMIT_BOOKING_CREATION: '1000000',
        RATE_LIMIT_WEBHOOK_MANAGEMENT: '1000000',
        WEBHOOK_ALLOW_INSECURE: 'true',
        WEBHOOK_ALLOW_PRIVATE: 'true',
      },
    });
    const companion = await createCompanion(testApp);
    const client = await createUser(testApp);
    admin = await signUpAdmin(testApp);
    const booking = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers: client.headers,
      payload: {
        companion_id: companion.id,
        event_date: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10),
        start_time: '18:00',
        duration_hours: 3,
        service_type: 'Event Hostess',
        location: 'Messe Berlin',
        customer_email: client.email,
      },
    });
    await createApiKey(testApp, client);
    const [{ id: keyId }] = await testApp.dataSource.query(
      'SELECT id FROM api_keys WHERE user_id = $1',
      [client.id],
    );
    const [{ id: organizationId }] = await testApp.dataSource.query(
      `INSERT INTO organizations (name, subscription_tier) VALUES ('Owner GmbH', 'pro') RETURNING id`,
    );
    const item = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/companions/me/portfolio',
      headers: companion.staff.headers,
      payload: { type: 'link', url: 'https://example.com/me' },
    });
    const bookingId: number = booking.json().booking.id;
    const sent = await testApp.app.inject({
      method: 'POST',
      url: `/messages/send/${companion.staff.id}`,
      headers: client.headers,
      payload: { content: 'Hello, are you free that evening?' },
    });
    const [{ id: hiddenReviewId }] = await testApp.dataSource.query(
      `INSERT INTO reviews (booking_id, reviewer_user_id, reviewer_role, reviewer_first_name,
         reviewee_user_id, companion_id, rating, created_at, publishes_at)
       VALUES ($1, $2, 'client', 'Owner', $3, $4, 5, now(), now() + interval '14 days')
       RETURNING id`,
      [bookingId, client.id, companion.staff.id, companion.id],
    );
    // Webhooks need API access; the foreign client gets it too, so that only ownership differs.
    await setSubscriptionTier(testApp, client.id, 'enterprise');
    const hook = await testApp.app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: client.headers,
      // An event nothing here causes: no delivery may start while the matrix compares the database.
      payload: { url: 'http://127.0.0.1:9/hook', events: ['booking.completed'] },
    });
    const webhookId: number = hook.json().id;
    // A settled delivery, stored rather than sent (no job runs for it).
    const [{ id: deliveryId }] = await testApp.dataSource.query(
      `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, sequence, kind, body,
         status, attempts, status_code)
       VALUES ($1, 'evt_1', 'booking.completed', 1, 'event', $2, 'failed', 1, 500) RETURNING id`,
      [
        webhookId,
        JSON.stringify({
          id: 'evt_1',
          type: 'booking.completed',
          created_at: '2026-12-01T09:00:00.000Z',
          sequence: 1,
          data: {},
        }),
      ],
    );
    const [{ id: payoutId }] = await testApp.dataSource.query(
      `INSERT INTO payouts (booking_id, booking_code, staff_user_id, amount_cents, currency, status,
         attempts, created_at, updated_at)
       VALUES ($1, $2, $3, 100, 'EUR', 'failed', 1, now(), now()) RETURNING id`,
      [bookingId, booking.json().booking.booking_code, companion.staff.id],
    );
    const [{ id: contactMessageId }] = await testApp.dataSource.query(
      `INSERT INTO contact_messages (name, email, subject, message, created_at)
       VALUES ('Owner', 'owner@example.com', 'Question', 'Hello', now()) RETURNING id`,
    );
    owned = {
      client,
      companion,
      bookingCode: booking.json().booking.booking_code,
      keyId,
      organizationId,
      portfolioItemId: item.json().id ?? item.json().item?.id,
      bookingId,
      conversationId: sent.json().message?.conversation_id,
      hiddenReviewId,
      webhookId,
      deliveryId,
      payoutId,
      contactMessageId,
    };
    const otherClient = await createUser(testApp);
    await setSubscriptionTier(testApp, otherClient.id, 'enterprise');
    const otherCompanion = await createCompanion(testApp);
    foreign['foreign client'] = otherClient.headers;
    foreign['foreign staff'] = otherCompanion.staff.headers;
    foreign['foreign key'] = {
      authorization: `Bearer ${await createApiKey(testApp, otherClient)}`,
    };
    operations = await operationsOf(testApp);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  /** A body the operation accepts: its required fields, from their examples or enums. */
  async function validBody(operation: Operation): Promise<Record<string, unknown> | undefined> {
    if (operation.bodyProperties === null) return undefined;
    const document = (await testApp.app.inject({ method: 'GET', url: '/api/docs-json' })).json();
    const item = document.paths[operation.path][operation.method.toLowerCase()];
    let schema = item.requestBody.content['application/json'].schema;
    if (schema.$ref) schema = document.components.schemas[schema.$ref.split('/').pop()];
    const body: Record<string, unknown> = {};
    for (const name of schema.required ?? []) {
      const property = schema.properties[name];
      body[name] =
        property.example ??
        property.enum?.[0] ??
        (property.type === 'string' ? 'x'.repeat(Math.max(1, property.minLength ?? 1)) : 1);
    }
    return body;
  }

  function fill(operation: Operation, pick: (parameter: string) => string): string {
    return operation.path.replace(/\{([^}]+)\}/g, (_match, parameter: string) =>
      encodeURIComponent(pick(parameter)),
    );
  }

  it('answers foreign clients, staff and keys exactly as for an unknown id', async () => {
    const withIds = operations.filter(
      (operation) =>
        operation.pathParams.length > 0 &&
        !PUBLIC_BY_ID.has(`${operation.method} ${operation.path}`),
    );
    expect(withIds.length).toBeGreaterThan(15);
    const unmapped = withIds
      .filter((operation) => !OWNED_VALUE.some((entry) => entry.route.test(operation.path)))
      .map((operation) => `${operation.method} ${operation.path}`);
    expect(unmapped).toEqual([]);

    // The owner's values are real: the parties (or an admin) read each of them.
    for (const id of [
      owned.portfolioItemId,
      owned.conversationId,
      owned.webhookId,
      owned.deliveryId,
    ]) {
      expect(id).toEqual(expect.any(Number));
    }
    for (const operation of withIds.filter((candidate) => candidate.method === 'GET')) {
      const mapping = OWNED_VALUE.find((entry) => entry.route.test(operation.path))!;
      const url = fill(operation, (parameter) => mapping.value(owned, parameter));
      const statuses = await Promise.all(
        [owned.client.headers, owned.companion.staff.headers, admin.headers].map(
          async (headers) => (await testApp.app.inject({ method: 'GET', url, headers })).statusCode,
        ),
      );
      expect({ url, readable: statuses.some((status) => status === 200) }).toEqual({
        url,
        readable: true,
      });
    }

    const differences: string[] = [];
    const before = await databaseFingerprint(testApp);
    for (const operation of withIds) {
      const mapping = OWNED_VALUE.find((entry) => entry.route.test(operation.path))!;
      const body = await validBody(operation);
      for (const [caller, headers] of Object.entries(foreign)) {
        const send = (url: string) =>
          testApp.app.inject({
            method: operation.method,
            url,
            headers,
            ...(body !== undefined ? { payload: body } : {}),
          });
        const real = await send(fill(operation, (parameter) => mapping.value(owned, parameter)));
        const unknown = await send(fill(operation, () => mapping.unknown));
        const route = `${operation.method} ${operation.path} as ${caller}`;
        if (
          real.statusCode < 400 ||
          real.statusCode !== unknown.statusCode ||
          real.body !== unknown.body
        ) {
          differences.push(
            `${route}: owner's object ${real.statusCode} ${real.body} / unknown ${unknown.statusCode} ${unknown.body}`,
          );
        }
      }
    }
    expect(differences).toEqual([]);
    // Nothing a foreign caller sent changed anything.
    expect(await databaseFingerprint(testApp)).toEqual(before);
  }, 120_000);

  it('refuses role, tier, status, rating and ids in every body that does not own them', async () => {
    const failures: string[] = [];
    const callers = [owned.client.headers, owned.companion.staff.headers, admin.headers];
    const writes = operations.filter((operation) => operation.bodyProperties !== null);
    expect(writes.length).toBeGreaterThan(10);
    const before = await databaseFingerprint(testApp);
    for (const operation of writes) {
      const mapping = OWNED_VALUE.find((entry) => entry.route.test(operation.path));
      // Unknown ids: a request that got past validation must still change nothing.
      const url = fill(operation, () => mapping?.unknown ?? '999999');
      const body = await validBody(operation);
      for (const field of MASS_ASSIGNMENT_FIELDS) {
        if (operation.bodyProperties!.includes(field)) continue;
        const answers = await Promise.all(
          callers.map((headers) =>
            testApp.app.inject({
              method: operation.method,
              url,
              headers,
              payload: { ...body, [field]: field === 'role' ? 'admin' : 1 },
            }),
          ),
        );
        const refused = answers.some(
          (answer) =>
            answer.statusCode === 422 &&
            (answer.json().errors ?? []).some((entry: { field: string }) => entry.field === field),
        );
        const accepted = answers.filter((answer) => answer.statusCode < 400);
        if (!refused || accepted.length > 0) {
          failures.push(
            `${operation.method} ${operation.path} with "${field}": ${answers
              .map((answer) => `${answer.statusCode} ${answer.body.slice(0, 120)}`)
              .join(' | ')}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await databaseFingerprint(testApp)).toEqual(before);
  }, 120_000);
});
