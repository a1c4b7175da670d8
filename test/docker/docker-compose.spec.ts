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
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
}

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
  it('runs PostgreSQL, Redis and the API built from docker/Dockerfile', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'postgres', 'redis']);
    const build = compose.services.api.build;
    expect(build).toBeDefined();
    expect(existsSync(join(dockerDir, build!.context, build!.dockerfile))).toBe(true);
    for (const dependency of Object.keys(compose.services.api.depends_on ?? {})) {
      expect(compose.services).toHaveProperty(dependency);
    }
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
