import fc from 'fast-check';
import { TestApp } from './test-app';

/** One operation of the OpenAPI document, as the fuzzer and the authorization matrix see it. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI template: `/api/v1/bookings/{code}`. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Property names of the JSON request body; null when the operation takes none. */
  bodyProperties: string[] | null;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}
interface OpenApiOperation {
  parameters?: Array<{ name?: string; in?: string; $ref?: string }>;
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
}
interface OpenApiSchema {
  $ref?: string;
  properties?: Record<string, unknown>;
}

/** The document the application serves (it is generated from the controllers). */
export async function operationsOf(testApp: TestApp): Promise<Operation[]> {
  const response = await testApp.app.inject({ method: 'GET', url: '/api/docs-json' });
  const document = response.json() as OpenApiDocument;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const parameters = operation.parameters ?? [];
      const named = (where: string) =>
        parameters.filter((p) => p.in === where).map((p) => p.name as string);
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParams: named('path'),
        queryParams: named('query'),
        bodyProperties: schema ? Object.keys(resolve(document, schema).properties ?? {}) : null,
      });
    }
  }
  return operations;
}

function resolve(document: OpenApiDocument, schema: OpenApiSchema): OpenApiSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.split('/').pop() as string;
  return document.components?.schemas?.[name] ?? {};
}

/** Fields a caller must never be able to set on itself or on what it owns. */
export const MASS_ASSIGNMENT_FIELDS = [
  'id',
  'user_id',
  'role',
  'tier',
  'status',
  'rating_avg',
  'total_reviews',
  'subscription_tier',
  'organization_id',
  'badges',
  'companion_id',
  'client_id',
  'staff_user_id',
  'payment_status',
  'refund_amount',
  'created_at',
];

const EDGE_NUMBERS = [
  0,
  -0,
  -1,
  1,
  0.1,
  1.005,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

const NASTY_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[2J',
  '\r\nX-Injected: 1',
  '\u202eevil',
  '\ud800',
  '😀'.repeat(300),
  'x'.repeat(10_001),
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '../../etc/passwd',
  '%00',
  '%',
  '__proto__',
  'constructor',
  'prototype',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x10',
  '2026-02-30',
  '9999-12-31',
  '0000-00-00',
  '25:61',
  'null',
  'true',
  '[]',
  '{}',
  'PS-AAAAAAAA',
  'ps_' + 'a'.repeat(65),
];

/** Text of every kind: the lists above and generated unicode, ASCII and control characters. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY_TEXT),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer().map(String),
  fc.constantFrom(...EDGE_NUMBERS).map(String),
);

/** Percent-encoded as a URL carries it (a lone surrogate becomes U+FFFD, as a browser sends it). */
export function urlEncoded(text: string): string {
  return encodeURIComponent(wellFormed(text));
}

/** Visible ASCII as it is (`%` included: a broken escape), everything else percent-encoded. */
function rawQueryValue(text: string): string {
  return [...wellFormed(text)]
    .map((char) => (/^[\x21-\x7e]$/.test(char) && !/[#&]/.test(char) ? char : urlEncoded(char)))
    .join('');
}

export function wellFormed(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.constantFrom(...EDGE_NUMBERS),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

/** Any JSON value, up to `depth` containers deep (the kernel refuses more than 16). */
function hostileValue(depth: number): fc.Arbitrary<unknown> {
  if (depth <= 0) return scalar;
  const inner = hostileValue(depth - 1);
  return fc.oneof(
    { weight: 4, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(inner, { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(hostileText, inner, { maxKeys: 3 }) },
  );
}

const deepNesting = fc
  .integer({ min: 10, max: 40 })
  .map((depth) => '['.repeat(depth) + ']'.repeat(depth));

/** An object with own keys, `__proto__` included as a plain key (as JSON.parse would make it). */
function objectOf(entries: Array<[string, unknown]>): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true });
  }
  return target;
}

/** The JSON text of a hostile body for an operation whose body has these properties. */
export function hostileBody(properties: string[]): fc.Arbitrary<string> {
  const known = properties.length > 0 ? fc.constantFrom(...properties) : hostileText;
  const key = fc.oneof(
    { weight: 4, arbitrary: known },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '__proto__',
        'constructor',
        'prototype',
        ...MASS_ASSIGNMENT_FIELDS,
      ),
    },
    { weight: 1, arbitrary: hostileText },
  );
  const object = fc
    .array(fc.tuple(key, hostileValue(3)), { maxLength: 6 })
    .map((entries) => JSON.stringify(objectOf(entries)));
  return fc.oneof(
    { weight: 6, arbitrary: object },
    { weight: 1, arbitrary: hostileValue(2).map((value) => JSON.stringify(value) ?? 'null') },
    { weight: 1, arbitrary: deepNesting.map((nested) => `{"a":${nested}}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('{', '{"a":', 'nul', '\u0000', '{"a":1,"a":2}', '', '[1,]'),
    },
  );
}

/** A path parameter: hostile text, an edge number, or one of the real ids of the fixtures. */
export function pathValue(realValues: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: hostileText },
    { weight: 2, arbitrary: realValues.length > 0 ? fc.constantFrom(...realValues) : hostileText },
  );
}

/** A query string: documented names and others, hostile values, repeated keys, broken escapes. */
export function hostileQuery(names: string[]): fc.Arbitrary<string> {
  const name = names.length > 0 ? fc.oneof(fc.constantFrom(...names), hostileText) : hostileText;
  const pair = fc
    .tuple(name, hostileText, fc.boolean())
    .map(([key, value, raw]) =>
      raw
        ? `${urlEncoded(key)}=${rawQueryValue(value)}`
        : `${urlEncoded(key)}=${urlEncoded(value)}`,
    );
  return fc
    .array(pair, { maxLength: 5 })
    .chain((pairs) =>
      fc
        .boolean()
        .map((duplicate) => (duplicate && pairs.length > 0 ? [...pairs, pairs[0]] : pairs)),
    )
    .map((pairs) => pairs.join('&'));
}

/** Header values a client can send: visible ASCII (Node refuses control characters on the wire). */
const headerText = hostileText.map((text) => text.replace(/[^\x20-\x7e]/g, '').slice(0, 4000));

export const hostileHeaders: fc.Arbitrary<Record<string, string>> = fc
  .array(
    fc.oneof(
      headerText.map((value): [string, string] => ['idempotency-key', value]),
      headerText.map((value): [string, string] => ['x-request-id', value]),
      headerText.map((value): [string, string] => ['authorization', `Bearer ${value}`]),
      headerText.map((value): [string, string] => ['x-forwarded-for', value]),
      headerText.map((value): [string, string] => ['x-csrf-token', value]),
      headerText.map((value): [string, string] => ['accept', value]),
      fc
        .constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/json; charset=latin1',
          'application/xml',
        )
        .map((value): [string, string] => ['content-type', value]),
    ),
    { maxLength: 3 },
  )
  .map((pairs) => Object.fromEntries(pairs));

/** Whether a body is CONTRACT §1.2's: `{error}` or `{error, errors: [{field, message}]}`. */
export function isContractErrorBody(body: unknown): boolean {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  const record = body as Record<string, unknown>;
  if (typeof record.error !== 'string' || record.error.length === 0) return false;
  const extra = Object.keys(record).filter((key) => key !== 'error' && key !== 'errors');
  if (extra.length > 0) return false;
  if (record.errors === undefined) return true;
  return (
    Array.isArray(record.errors) &&
    record.errors.every(
      (entry: unknown) =>
        entry !== null &&
        typeof entry === 'object' &&
        typeof (entry as Record<string, unknown>).field === 'string' &&
        typeof (entry as Record<string, unknown>).message === 'string',
    )
  );
}

/**
 * Tables whose rows change for reasons other than a request's effect: failed logins are counted
 * by design (CONTRACT §2.2), sessions are touched on use, consumers' cursors move in the background.
 * An API key's `last_used_at` records any use, refused requests included (§2.3).
 */
const VOLATILE_TABLES = new Set(['login_failures', 'sessions', 'event_consumers']);

/** Row counts and a checksum of every row of every table of the application's schema. */
export async function databaseFingerprint(testApp: TestApp): Promise<Record<string, string>> {
  const sql = fingerprintSql.get(testApp) ?? (await buildFingerprintSql(testApp));
  fingerprintSql.set(testApp, sql);
  const rows: Array<{ name: string; sum: string }> = await testApp.dataSource.query(sql);
  return Object.fromEntries(rows.map((row) => [row.name, row.sum]));
}

const fingerprintSql = new WeakMap<TestApp, string>();

async function buildFingerprintSql(testApp: TestApp): Promise<string> {
  const tables: Array<{ name: string }> = await testApp.dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const selects = tables
    .map((table) => table.name)
    .filter((name) => !VOLATILE_TABLES.has(name) && name !== 'migrations')
    .map(
      (name) =>
        `SELECT '${name}' AS name, count(*) || ':' || md5(coalesce(string_agg((to_jsonb(t) - 'last_used_at')::text, '|' ORDER BY (to_jsonb(t) - 'last_used_at')::text), '')) AS sum FROM "${name}" t`,
    );
  return selects.join(' UNION ALL ');
}
