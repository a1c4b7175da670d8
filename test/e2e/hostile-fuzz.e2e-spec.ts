import fc from 'fast-check';
import { createApiKey, signUp, signUpAdmin, TestAccount } from '../support/accounts';
import { createCompanion, createUser } from '../support/booking-fixtures';
import {
  databaseFingerprint,
  hostileBody,
  hostileHeaders,
  hostileQuery,
  isContractErrorBody,
  Operation,
  operationsOf,
  pathValue,
  wellFormed,
} from '../support/hostile-requests';
import { drainReactions } from '../support/payments';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Generated requests per operation of the OpenAPI document (every route, new ones included).
 * FUZZ_RUNS_PER_ROUTE raises it for a longer local run; FUZZ_SEED replays a failing run.
 */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS_PER_ROUTE ?? 15);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const ANSWER_DEADLINE_MS = 10_000;

type ActorName = 'anonymous' | 'client' | 'staff' | 'admin';

/** Routes a session actor skips: logging out would leave the rest of the run anonymous. */
const SKIPPED_FOR_SESSIONS = new Set(['POST /auth/logout']);

interface Outcome {
  status: number;
  rejected: boolean;
  problem: string | null;
}

/**
 * Hostile input over every route (CONTRACT §1.2): wrong types, huge and empty strings, unicode and
 * control characters, NUL bytes, deep nesting, `__proto__`/`constructor` keys, edge numbers,
 * repeated query keys and odd headers, as a client, a staff member, an admin and anonymously.
 * Every answer comes in time, is never a 5xx, and a 4xx carries the §1.2 body and leaves every
 * table as it was (row counts and a checksum of every row).
 */
describe('hostile input over every route of the OpenAPI document', () => {
  let testApp: TestApp;
  let operations: Operation[];
  const actors = {} as Record<ActorName, Record<string, string>>;
  const realIds: string[] = [];
  const sent = new Map<string, number>();
  let serverErrors = 0;

  beforeAll(async () => {
    testApp = await startTestApp({
      env: {
        RATE_LIMIT_ANONYMOUS: '1000000',
        RATE_LIMIT_SESSION: '1000000',
        RATE_LIMIT_API_KEY: '1000000',
        RATE_LIMIT_BOOKING_CREATION: '1000000',
        RATE_LIMIT_WEBHOOK_MANAGEMENT: '1000000',
        RATE_LIMIT_CONTACT_FORM: '1000000',
        LOGIN_MAX_FAILURES: '1000000',
        LOGIN_MAX_FAILURES_PER_EMAIL: '1000000',
      },
    });
    const companion = await createCompanion(testApp);
    const client = await createUser(testApp);
    const admin = await signUpAdmin(testApp);
    const other = await signUp(testApp);
    await createApiKey(testApp, client);
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
    const [{ id: keyId }] = await testApp.dataSource.query('SELECT id FROM api_keys LIMIT 1');
    realIds.push(
      String(companion.id),
      String(client.id),
      String(companion.staff.id),
      String(admin.id),
      String(other.id),
      String(keyId),
      booking.json().booking.booking_code,
    );
    const session = (account: TestAccount) => account.headers;
    actors.anonymous = {};
    actors.client = session(client);
    actors.staff = session(companion.staff);
    actors.admin = session(admin);
    operations = await operationsOf(testApp);
  });

  afterAll(async () => {
    const total = [...sent.values()].reduce((sum, count) => sum + count, 0);
    if (process.env.FUZZ_STATS) {
      console.log(
        `Hostile input: ${total} requests over ${sent.size} operations ` +
          `(${RUNS_PER_ROUTE} per operation), ${serverErrors} answered 5xx`,
      );
    }
    await testApp?.close();
  });

  /** Lets the background reactions of an accepted request finish, so they are not blamed next. */
  async function settle(): Promise<void> {
    await drainReactions(testApp);
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const [{ due }] = await testApp.dataSource.query(
        `SELECT count(*)::int AS due FROM pgboss.job
          WHERE state IN ('created', 'retry', 'active') AND start_after <= now()`,
      );
      if (due === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function send(
    operation: Operation,
    actor: ActorName,
    request: { path: string; query: string; headers: Record<string, string>; body: string | null },
  ): Promise<Outcome> {
    const before = await databaseFingerprint(testApp);
    const url = request.query ? `${request.path}?${request.query}` : request.path;
    let deadline: NodeJS.Timeout | undefined;
    const answer = await Promise.race([
      testApp.app.inject({
        method: operation.method,
        url,
        headers: {
          ...(request.body !== null ? { 'content-type': 'application/json' } : {}),
          ...actors[actor],
          ...request.headers,
        },
        ...(request.body !== null ? { payload: request.body } : {}),
      }),
      new Promise<null>((resolve) => {
        deadline = setTimeout(() => resolve(null), ANSWER_DEADLINE_MS);
      }),
    ]);
    clearTimeout(deadline);
    if (answer === null) return { status: 0, rejected: false, problem: 'no answer in time' };
    const status = answer.statusCode;
    if (status >= 500) {
      serverErrors += 1;
      return { status, rejected: false, problem: `${status} ${answer.body.slice(0, 300)}` };
    }
    if (status < 400) {
      await settle();
      return { status, rejected: false, problem: null };
    }
    let body: unknown;
    try {
      body = answer.json();
    } catch {
      return { status, rejected: true, problem: `${status} with a body that is not JSON` };
    }
    if (!isContractErrorBody(body))
      return { status, rejected: true, problem: `${status} ${JSON.stringify(body)}` };
    const after = await databaseFingerprint(testApp);
    const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
    if (changed.length > 0)
      return { status, rejected: true, problem: `${status} but changed ${changed.join(', ')}` };
    return { status, rejected: true, problem: null };
  }

  it('answers every generated request in time, never 5xx, 4xx with the §1.2 body and no change', async () => {
    expect(operations.length).toBeGreaterThan(40);
    const failures: string[] = [];
    for (const operation of operations) {
      const route = `${operation.method} ${operation.path}`;
      const actorNames: ActorName[] = SKIPPED_FOR_SESSIONS.has(route)
        ? ['anonymous']
        : ['anonymous', 'client', 'staff', 'admin'];
      const params = fc.tuple(
        ...operation.pathParams.map(() => pathValue(realIds)),
      ) as unknown as fc.Arbitrary<string[]>;
      const request = fc.record({
        actor: fc.constantFrom(...actorNames),
        params: operation.pathParams.length > 0 ? params : fc.constant([] as string[]),
        encode: fc.boolean(),
        query: hostileQuery(operation.queryParams),
        headers: hostileHeaders,
        body:
          operation.method === 'GET' || operation.method === 'DELETE'
            ? fc.constant(null)
            : fc.option(hostileBody(operation.bodyProperties ?? []), { freq: 8 }),
      });
      try {
        await fc.assert(
          fc.asyncProperty(request, async (generated) => {
            let index = 0;
            const path = operation.path.replace(/\{[^}]+\}/g, () => {
              const value = generated.params[index++] ?? '';
              return [...wellFormed(value)]
                .map((char) =>
                  generated.encode || !/^[\x21-\x7e]$/.test(char) || /[/?#%]/.test(char)
                    ? encodeURIComponent(char)
                    : char,
                )
                .join('');
            });
            sent.set(route, (sent.get(route) ?? 0) + 1);
            const problem = await send(operation, generated.actor, {
              path,
              query: generated.query,
              headers: generated.headers,
              body: generated.body,
            }).then(
              (outcome) => outcome.problem,
              (error: unknown) => `the request could not be sent: ${String(error)}`,
            );
            if (problem) {
              const described = `${route} as ${generated.actor}: ${problem}`;
              failures.push(`${described}\n  request: ${JSON.stringify({ path, ...generated })}`);
              throw new Error(described);
            }
          }),
          { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true },
        );
      } catch (error) {
        // A failed request is recorded above with its input; anything else is recorded here.
        const message = error instanceof Error ? error.message : String(error);
        if (!failures.some((failure) => message.includes(failure.split('\n')[0])))
          failures.push(`${route}: ${message.slice(0, 2000)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(serverErrors).toBe(0);
    const notCovered = operations
      .map((operation) => `${operation.method} ${operation.path}`)
      .filter((route) => (sent.get(route) ?? 0) < RUNS_PER_ROUTE);
    expect(notCovered).toEqual([]);
  }, 600_000);
});
