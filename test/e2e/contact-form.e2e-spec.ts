import { signUpAdmin, TestAccount } from '../support/accounts';
import { startTestApp, TestApp } from '../support/test-app';

/** CONTRACT §8, §2.4: the public contact form, its per-IP limit, and the operators' inbox. */
describe('contact form', () => {
  let testApp: TestApp;
  let admin: TestAccount;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { TRUST_PROXY: '1' } });
    admin = await signUpAdmin(testApp);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const valid = {
    name: 'Maria Schmidt',
    email: 'maria@example.com',
    subject: 'Staff for a trade fair',
    message: 'We need twelve hostesses in May.',
  };
  const send = (payload: object, ip = '203.0.113.7') =>
    testApp.app.inject({
      method: 'POST',
      url: '/contact',
      headers: { 'x-forwarded-for': ip },
      payload,
    });
  const stored = async (): Promise<number> =>
    (await testApp.dataSource.query('SELECT count(*)::int AS n FROM contact_messages'))[0].n;

  it('validates every field (422 per field) and stores nothing invalid', async () => {
    const cases: Array<[object, string[]]> = [
      [{}, ['name', 'email', 'subject', 'message']],
      [{ ...valid, email: 'not-an-address' }, ['email']],
      [{ ...valid, name: '', subject: 'x'.repeat(201) }, ['name', 'subject']],
      [{ ...valid, message: 'x'.repeat(5001) }, ['message']],
      [{ ...valid, message: 42 }, ['message']],
      [{ ...valid, phone: '+49 30 1234' }, ['phone']],
    ];
    for (const [payload, fields] of cases) {
      const response = await send(payload, '198.51.100.1');
      expect(response.statusCode).toBe(422);
      const reported = (response.json().errors as Array<{ field: string }>).map((e) => e.field);
      expect([...new Set(reported)].sort()).toEqual([...fields].sort());
    }
    expect(await stored()).toBe(0);
  });

  it('accepts 5 messages per hour from one IP, then 429 with Retry-After; other IPs are unaffected', async () => {
    for (let index = 0; index < 5; index += 1) {
      const response = await send({ ...valid, subject: `Question ${index}` });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual({ success: true, id: expect.any(Number) });
    }
    const limited = await send(valid);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: 'Rate limit exceeded' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await send(valid, '203.0.113.8')).statusCode).toBe(201);
    expect(await stored()).toBe(6);
  });

  it('lists messages for operators and marks one handled once, audited', async () => {
    const open = await testApp.app.inject({
      method: 'GET',
      url: '/api/admin/contact-messages?status=open&limit=50',
      headers: admin.headers,
    });
    expect(open.statusCode).toBe(200);
    const { messages, total } = open.json();
    expect(total).toBe(6);
    expect(messages[0]).toMatchObject({
      name: 'Maria Schmidt',
      email: 'maria@example.com',
      status: 'open',
      handled_at: null,
      handled_by: null,
    });
    const id = messages[0].id;
    const mark = () =>
      testApp.app.inject({
        method: 'POST',
        url: `/api/admin/contact-messages/${id}/handled`,
        headers: admin.headers,
      });
    const handled = await mark();
    expect(handled.statusCode).toBe(200);
    expect(handled.json().message).toMatchObject({ id, status: 'handled', handled_by: admin.id });
    expect((await mark()).statusCode).toBe(409);
    const missing = await testApp.app.inject({
      method: 'POST',
      url: '/api/admin/contact-messages/999999/handled',
      headers: admin.headers,
    });
    expect(missing.statusCode).toBe(404);
    const lists = await Promise.all(
      ['open', 'handled'].map((status) =>
        testApp.app.inject({
          method: 'GET',
          url: `/api/admin/contact-messages?status=${status}`,
          headers: admin.headers,
        }),
      ),
    );
    expect(lists.map((list) => list.json().total)).toEqual([5, 1]);
    const audit = await testApp.app.inject({
      method: 'GET',
      url: `/api/admin/audit-log?action=contact_message.mark_handled`,
      headers: admin.headers,
    });
    expect(audit.json().entries).toEqual([
      expect.objectContaining({
        actor_id: admin.id,
        target_type: 'contact_message',
        target_id: String(id),
        before: { handled_at: null, handled_by: null },
        after: { handled_at: handled.json().message.handled_at, handled_by: admin.id },
      }),
    ]);
  });
});
