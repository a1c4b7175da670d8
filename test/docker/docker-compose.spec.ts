import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfiguration } from '../../src/config/configuration';

/**
 * docker/docker-compose.yml checked without a Docker daemon: it parses, its references resolve,
 * its secrets come only from docker/.env, and the API's environment passes the service's own
 * configuration validation in the production mode the image runs in.
 */
const root = join(__dirname, '..', '..');
const dockerDir = join(root, 'docker');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
  healthcheck?: { test: string[] };
  volumes?: string[];
  ports?: string[];
  stop_grace_period?: string;
}

// Compose resolves YAML anchors and aliases (the shared API environment) as any YAML parser does.
const compose = parse(readFileSync(join(dockerDir, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
};

/** Compose's `${NAME}`, `${NAME:-default}` and `${NAME:?error}` against `variables`. */
function interpolate(value: string, variables: Record<string, string>): string {
  return value.replace(
    /\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g,
    (_, name: string, operator?: string, argument = '') => {
      const given = variables[name];
      if (given !== undefined && given !== '') return given;
      if (operator === '?') throw new Error(`${name}: ${argument}`);
      return operator === '-' ? argument : '';
    },
  );
}

function environmentOf(service: string, variables: Record<string, string>) {
  const environment = compose.services[service].environment ?? {};
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [name, interpolate(value, variables)]),
  );
}

/** NAME=value lines (commented or not) of an env file. */
function variablesListedIn(file: string): Map<string, string> {
  const listed = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^#?\s*([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match) listed.set(match[1], match[2]);
  }
  return listed;
}

const imageEnvironment = Object.fromEntries(
  [...readFileSync(join(dockerDir, 'Dockerfile'), 'utf8').matchAll(/^ENV (\w+)=(\S+)$/gm)].map(
    ([, name, value]) => [name, value],
  ),
);
const secrets = {
  POSTGRES_PASSWORD: 'a1b2c3d4e5f6',
  SESSION_SECRET: 's'.repeat(48),
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
  STRIPE_SECRET_KEY: 'sk_test_compose',
  STRIPE_WEBHOOK_SECRET: 'whsec_compose',
};

describe('docker/docker-compose.yml', () => {
  it('runs PostgreSQL, Redis, one migration run, two API replicas and nginx', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'api',
      'balancer',
      'migrate',
      'postgres',
      'redis',
    ]);
    for (const name of ['api', 'migrate']) {
      const build = compose.services[name].build;
      expect(build).toBeDefined();
      expect(existsSync(join(dockerDir, build!.context, build!.dockerfile))).toBe(true);
      expect(compose.services[name].image).toBe('eventstuffer-api');
    }
    expect(compose.services.api.deploy?.replicas).toBe(2);
    expect(compose.services.balancer.image).toMatch(/^nginx:/);
    for (const service of Object.values(compose.services)) {
      for (const dependency of Object.keys(service.depends_on ?? {})) {
        expect(compose.services).toHaveProperty(dependency);
      }
    }
  });

  it('migrates once, before any replica starts, with the locked migration command', () => {
    const command = compose.services.migrate.command ?? [];
    const script = command.find((part) => part.endsWith('.js'))!;
    expect(script).toBe('dist/src/cli/migrate.js');
    expect(existsSync(join(root, 'src', 'cli', 'migrate.ts'))).toBe(true);
    expect(compose.services.api.depends_on?.migrate).toEqual({
      condition: 'service_completed_successfully',
    });
    const environment = environmentOf('api', secrets);
    expect(environment.DATABASE_RUN_MIGRATIONS).toBe('false');
    expect(environmentOf('migrate', secrets)).toEqual(environment);
  });

  it('health-checks every long-running service, and starts each after what it needs is healthy', () => {
    for (const name of ['postgres', 'redis', 'api', 'balancer']) {
      expect(compose.services[name].healthcheck?.test.length).toBeGreaterThan(0);
    }
    expect(compose.services.api.healthcheck!.test.join(' ')).toContain('/health/ready');
    expect(compose.services.api.depends_on).toMatchObject({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(compose.services.balancer.depends_on).toEqual({
      api: { condition: 'service_healthy' },
    });
  });

  it('publishes only the balancer, which passes WebSocket upgrades and names the client', () => {
    const published = Object.entries(compose.services)
      .filter(([, service]) => (service.ports ?? []).length > 0)
      .map(([name]) => name);
    expect(published).toEqual(['balancer']);
    expect(compose.services.balancer.ports).toEqual(['3000:80']);
    const mount = compose.services.balancer.volumes?.find((volume) =>
      volume.endsWith(':/etc/nginx/nginx.conf:ro'),
    );
    expect(mount).toBeDefined();
    const nginx = readFileSync(join(dockerDir, mount!.split(':')[0]), 'utf8');
    expect(nginx).toMatch(/upstream api \{[^}]*server api:3000/);
    expect(nginx).toMatch(/upstream api_sockets \{[^}]*ip_hash;[^}]*server api:3000/);
    const socketBlock = /location \/socket\.io\/ \{([^}]*)\}/.exec(nginx)?.[1] ?? '';
    expect(socketBlock).toContain('proxy_pass http://api_sockets;');
    expect(socketBlock).toContain('proxy_http_version 1.1;');
    expect(socketBlock).toContain('proxy_set_header Upgrade $http_upgrade;');
    expect(socketBlock).toContain('proxy_set_header Connection $connection_upgrade;');
    const apiBlock = /location \/ \{([^}]*)\}/.exec(nginx)?.[1] ?? '';
    expect(apiBlock).toContain('proxy_pass http://api;');
    for (const block of [socketBlock, apiBlock]) {
      expect(block).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
      expect(block).toContain('proxy_set_header X-Forwarded-Proto $scheme;');
    }
    // The replicas' graceful shutdown (SHUTDOWN_TIMEOUT_MS, 10 s by default) fits in compose's
    // grace period, and a replica answering 503 while it stops is skipped for the next one.
    expect(compose.services.api.stop_grace_period).toBe('15s');
    expect(apiBlock).toMatch(/proxy_next_upstream [^;]*http_503/);
  });

  it('trusts exactly the balancer hop for the client address', () => {
    const environment = { ...imageEnvironment, ...environmentOf('api', secrets) };
    expect(loadConfiguration(environment).http.trustProxy).toBe(1);
  });

  it('gives the API an environment that starts in the production mode of the image', () => {
    expect(imageEnvironment.NODE_ENV).toBe('production');
    const environment = { ...imageEnvironment, ...environmentOf('api', secrets) };
    const configuration = loadConfiguration(environment);
    expect(configuration.app.nodeEnv).toBe('production');
    expect(configuration.database).toMatchObject({
      embedded: false,
      url: `postgres://eventstuffer:${secrets.POSTGRES_PASSWORD}@postgres:5432/eventstuffer`,
    });
    expect(configuration.app.demoData).toBe(false);
    expect(configuration.auth.sessionSecret).toBe(secrets.SESSION_SECRET);
    expect(configuration.redis.url).toBe('redis://redis:6379');
    expect(configuration.payments.gateway).toBe('stripe');
  });

  it('uses the same database password for PostgreSQL and the API', () => {
    expect(environmentOf('postgres', secrets).POSTGRES_PASSWORD).toBe(secrets.POSTGRES_PASSWORD);
  });

  it('takes every secret from docker/.env and refuses to start without it', () => {
    const example = variablesListedIn(join(dockerDir, '.env.example'));
    expect([...example.keys()].sort()).toEqual(Object.keys(secrets).sort());
    for (const name of example.keys()) {
      expect(example.get(name)).toBe('');
      const withoutIt = { ...secrets, [name]: '' };
      expect(() => environmentOf('api', withoutIt)).toThrow(new RegExp(`^${name}: set ${name}`));
    }
    const text = readFileSync(join(dockerDir, 'docker-compose.yml'), 'utf8');
    expect(text).not.toContain(secrets.POSTGRES_PASSWORD);
    expect(text).not.toMatch(/SESSION_SECRET: [^$]/);
    expect(text).not.toMatch(/STRIPE_(SECRET_KEY|WEBHOOK_SECRET): [^$]/);
  });

  it('sets only variables the service documents in .env.example', () => {
    const documented = variablesListedIn(join(root, '.env.example'));
    for (const name of Object.keys(compose.services.api.environment ?? {})) {
      expect(documented.has(name)).toBe(true);
    }
  });
});
