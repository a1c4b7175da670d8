import { ConfigurationError, loadConfiguration } from './configuration';

describe('loadConfiguration', () => {
  it('applies the documented defaults', () => {
    const configuration = loadConfiguration({ SESSION_SECRET: 'x'.repeat(32) }, '/srv/app');
    expect(configuration.app).toMatchObject({ port: 3000, host: '0.0.0.0', demoData: true });
    expect(configuration.app.dataDir).toBe('/srv/app/.data');
    expect(configuration.database).toMatchObject({
      url: undefined,
      embedded: true,
      runMigrations: true,
    });
    expect(configuration.money).toEqual({
      currency: 'EUR',
      platformFeePercent: 15,
      insuranceFeePercent: 10,
    });
  });

  it('turns demo data off by default with an external database', () => {
    const configuration = loadConfiguration({ DATABASE_URL: 'postgres://u@db:5432/app' });
    expect(configuration.database.embedded).toBe(false);
    expect(configuration.app.demoData).toBe(false);
  });

  it('parses lists, numbers and booleans', () => {
    const configuration = loadConfiguration({
      PORT: '8080',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      DATABASE_RUN_MIGRATIONS: 'false',
      PLATFORM_FEE_PERCENT: '12.5',
    });
    expect(configuration.app.port).toBe(8080);
    expect(configuration.http.cors.origins).toEqual(['https://a.example', 'https://b.example']);
    expect(configuration.database.runMigrations).toBe(false);
    expect(configuration.money.platformFeePercent).toBe(12.5);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://x'],
    ['DEMO_DATA', 'maybe'],
    ['CURRENCY', 'euro'],
    ['PLATFORM_FEE_PERCENT', '120'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', '0'],
    ['TRUST_PROXY', '10.0.0.0/40'],
    ['TRUST_PROXY', 'proxy.internal'],
    ['API_DOCS', 'sometimes'],
    ['CORS_MAX_AGE_SECONDS', '-1'],
    ['LOGIN_MAX_FAILURES_PER_EMAIL', '0'],
  ])('refuses %s=%s and names the variable', (name, value) => {
    expect(() => loadConfiguration({ [name]: value })).toThrow(ConfigurationError);
    expect(() => loadConfiguration({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it('chooses Stripe with both keys, the local gateway with neither, and refuses one alone', () => {
    const local = loadConfiguration({ PORT: '3104' });
    expect(local.payments).toEqual({
      gateway: 'local',
      stripe: null,
      publicBaseUrl: 'http://localhost:3104',
    });
    const stripe = loadConfiguration({
      STRIPE_SECRET_KEY: 'sk_test_abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      STRIPE_CONNECT_WEBHOOK_SECRET: 'whsec_def',
      STRIPE_API_URL: 'http://127.0.0.1:12104',
      PUBLIC_BASE_URL: 'https://api.example.com/',
    });
    expect(stripe.payments).toEqual({
      gateway: 'stripe',
      stripe: {
        secretKey: 'sk_test_abc',
        webhookSecrets: ['whsec_abc', 'whsec_def'],
        apiUrl: 'http://127.0.0.1:12104',
        maxNetworkRetries: 2,
      },
      publicBaseUrl: 'https://api.example.com',
    });
    expect(() => loadConfiguration({ STRIPE_SECRET_KEY: 'sk_test_abc' })).toThrow(
      /STRIPE_WEBHOOK_SECRET: required together with STRIPE_SECRET_KEY/,
    );
  });

  it('refuses to start production without Stripe, naming the variable', () => {
    const secret = 'x'.repeat(32);
    expect(() =>
      loadConfiguration({
        NODE_ENV: 'production',
        SESSION_SECRET: secret,
        DATABASE_URL: 'postgres://db/app',
      }),
    ).toThrow(/STRIPE_SECRET_KEY: required in production/);
  });

  it('trusts no proxy by default, else a hop count or proxy addresses and CIDRs', () => {
    const secret = { SESSION_SECRET: 'x'.repeat(32) };
    expect(loadConfiguration(secret).http.trustProxy).toBe(false);
    expect(loadConfiguration({ ...secret, TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(
      loadConfiguration({ ...secret, TRUST_PROXY: '10.0.0.0/8, ::1, loopback' }).http.trustProxy,
    ).toEqual(['10.0.0.0/8', '::1', 'loopback']);
  });

  it('defaults the CORS preflight cache to 10 minutes and serves the API docs', () => {
    const configuration = loadConfiguration({ SESSION_SECRET: 'x'.repeat(32) });
    expect(configuration.http.cors).toEqual({ origins: [], maxAgeSeconds: 600 });
    expect(configuration.app.apiDocs).toBe(true);
    expect(
      loadConfiguration({ SESSION_SECRET: 'x'.repeat(32), API_DOCS: 'false' }).app.apiDocs,
    ).toBe(false);
  });

  it('requires SESSION_SECRET in production only', () => {
    const database = { DATABASE_URL: 'postgres://u@db:5432/app' };
    expect(() => loadConfiguration({ NODE_ENV: 'production', ...database })).toThrow(
      /SESSION_SECRET/,
    );
    expect(() => loadConfiguration({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET:/);
  });

  describe('in production', () => {
    const production = {
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(32),
      STRIPE_SECRET_KEY: 'sk_live_abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    };

    it('requires DATA_ENCRYPTION_KEY, which decrypts the stored webhook secrets', () => {
      const withoutKey = { ...production, DATABASE_URL: 'postgres://u@db:5432/app' };
      delete (withoutKey as Record<string, string | undefined>).DATA_ENCRYPTION_KEY;
      expect(() => loadConfiguration(withoutKey)).toThrow(/DATA_ENCRYPTION_KEY: required/);
      const hexKey = 'ab'.repeat(32);
      expect(
        loadConfiguration({ ...withoutKey, DATA_ENCRYPTION_KEY: hexKey }).dataEncryptionKey,
      ).toEqual(Buffer.from(hexKey, 'hex'));
      expect(() => loadConfiguration({ ...withoutKey, DATA_ENCRYPTION_KEY: 'short' })).toThrow(
        /DATA_ENCRYPTION_KEY must be 32 bytes/,
      );
    });

    it('refuses the webhook development switches (plain http, private addresses)', () => {
      const base = { ...production, DATABASE_URL: 'postgres://u@db:5432/app' };
      expect(() => loadConfiguration({ ...base, WEBHOOK_ALLOW_PRIVATE: 'true' })).toThrow(
        /WEBHOOK_ALLOW_PRIVATE: must not be true in production/,
      );
      expect(() => loadConfiguration({ ...base, WEBHOOK_ALLOW_INSECURE: 'true' })).toThrow(
        /WEBHOOK_ALLOW_INSECURE: must not be true in production/,
      );
      expect(loadConfiguration(base).webhooks).toEqual({
        allowInsecure: false,
        allowPrivate: false,
        retryDelaysSeconds: [1, 4, 16],
      });
    });

    it('requires DATABASE_URL instead of starting an embedded database', () => {
      expect(() => loadConfiguration(production)).toThrow(/DATABASE_URL: required in production/);
    });

    it('refuses DEMO_DATA=true, whose accounts have published passwords', () => {
      const withDemo = {
        ...production,
        DATABASE_URL: 'postgres://u@db:5432/app',
        DEMO_DATA: 'true',
      };
      expect(() => loadConfiguration(withDemo)).toThrow(/DEMO_DATA: must not be true/);
    });

    it('names both problems at once', () => {
      expect(() => loadConfiguration({ ...production, DEMO_DATA: 'true' })).toThrow(
        /DATABASE_URL[\s\S]*DEMO_DATA/,
      );
    });

    it('starts with a database and no demo data', () => {
      const configuration = loadConfiguration({
        ...production,
        DATABASE_URL: 'postgres://u@db:5432/app',
      });
      expect(configuration.database.embedded).toBe(false);
      expect(configuration.app.demoData).toBe(false);
    });
  });

  it('never echoes the value of a secret-bearing variable', () => {
    expect(() => loadConfiguration({ DATABASE_URL: 'mysql://user:hunter2@db' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});
