import { Writable } from 'node:stream';
import { createLogger } from '../../src/shared/logging/create-logger';
import { ProbeModule } from '../support/probe.module';
import { startTestApp, TestApp } from '../support/test-app';

/** CONTRACT §9: no passwords, hashes, API keys or other credentials in logs. */
describe('logs keep secrets out', () => {
  let testApp: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    testApp = await startTestApp({
      extraModules: [ProbeModule],
      logger: createLogger('info', sink),
    });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('logs a failed query without its parameters', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/__probe/failing-query' });
    expect(response.statusCode).toBe(500);
    const logged = lines.join('');
    expect(logged).toContain('SELECT $1::integer');
    expect(logged).not.toContain('probe-secret-hash');
  });

  it('logs request URLs with credentials in the query string redacted', async () => {
    const key = `ps_${'k'.repeat(65)}`;
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/companions?api_key=${key}&location=berlin`,
    });
    expect(response.statusCode).toBe(401);
    const logged = lines.join('');
    expect(logged).toContain('api_key=[redacted]&location=berlin');
    expect(logged).not.toContain(key);
  });
});
