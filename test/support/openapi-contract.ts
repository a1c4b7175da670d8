import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { OpenAPIObject } from '@nestjs/swagger';
import { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The OpenAPI contract check: every response a test app sends (through `inject()` or a real
 * port) must be documented for its operation and status, and its body must match the documented
 * schema, read as closed (no undocumented fields). Violations are collected here and fail the
 * test that caused them (openapi-contract.setup.ts), so a new route is covered by its own tests.
 */

const COMPONENTS_ID = 'https://eventstuffer.invalid/openapi/components';
const UNDOCUMENTED_PATHS = /^\/api\/docs(\/|-json|$)/;

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type DocumentedResponse = { content?: Record<string, { schema?: unknown }> };
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const violations: string[] = [];
const stats = { responses: 0, nanoseconds: 0n };

/** Violations since the last call (the setup file fails the current test with them). */
export function takeContractViolations(): string[] {
  return violations.splice(0);
}

/** How many responses were checked and how long the checks took, for the whole test file. */
export function contractCheckStats(): { responses: number; milliseconds: number } {
  return { responses: stats.responses, milliseconds: Number(stats.nanoseconds) / 1e6 };
}

export function installContractCheck(fastify: FastifyInstance, document: OpenAPIObject): void {
  const contract = contractOf(document);
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const started = process.hrtime.bigint();
    try {
      const violation = contract.check(
        request,
        reply.statusCode,
        reply.getHeader('content-type'),
        payload,
      );
      if (violation) violations.push(violation);
    } catch (error) {
      violations.push(
        `OpenAPI contract check failed on ${request.method} ${request.url}: ${String(error)}`,
      );
    }
    stats.responses += 1;
    stats.nanoseconds += process.hrtime.bigint() - started;
    done(null, payload);
  });
}

const contracts = new Map<string, Contract>();

function contractOf(document: OpenAPIObject): Contract {
  const key = JSON.stringify(document);
  let contract = contracts.get(key);
  if (!contract) {
    contract = new Contract(document);
    contracts.set(key, contract);
  }
  return contract;
}

class Contract {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenAPIObject) {
    addFormats(this.ajv);
    // OpenAPI's own schema keywords: annotations for this check.
    this.ajv.addKeyword('example').addKeyword('xml').addKeyword('externalDocs');
    this.ajv.addKeyword('discriminator');
    this.ajv.addSchema({
      $id: COMPONENTS_ID,
      $defs: closed(resolvable(document.components?.schemas ?? {}) as Json),
    });
  }

  check(
    request: FastifyRequest,
    status: number,
    contentType: unknown,
    payload: unknown,
  ): string | undefined {
    const method = request.method.toLowerCase();
    if (method === 'options' || method === 'head') return undefined;
    const route = request.routeOptions.url;
    if (route === undefined) return this.checkUnrouted(request, status, payload);
    if (UNDOCUMENTED_PATHS.test(route)) return undefined;
    const path = route.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const operation = this.document.paths[path]?.[method as 'get'] as Operation | undefined;
    const name = `${method.toUpperCase()} ${path}`;
    if (!operation)
      return `OpenAPI contract: ${name} answered ${status}, but the document has no such operation`;
    const label = `${name} (${operation.operationId})`;
    const documented = operation.responses[String(status)];
    if (!documented) {
      const listed = Object.keys(operation.responses).join(', ');
      return `OpenAPI contract: ${label} answered ${status}, which the operation does not document (documented: ${listed})`;
    }
    const { response, location } = this.resolved(
      documented,
      `#/paths/${escape(path)}/${method}/responses/${status}`,
    );
    const pointer = `${location}/content/application~1json/schema`;
    const media = response.content?.['application/json'];
    const body = bodyText(payload);
    // HTML pages (the local payment gateway's) are documented as text/html strings.
    if (response.content?.['text/html'] && String(contentType ?? '').startsWith('text/html')) {
      return undefined;
    }
    if (!media?.schema) {
      return body === ''
        ? undefined
        : `OpenAPI contract: ${label} answered ${status} with a body, but ${location} documents none`;
    }
    if (!String(contentType ?? '').startsWith('application/json')) {
      return `OpenAPI contract: ${label} answered ${status} as "${String(contentType)}", not application/json`;
    }
    const validate = this.validator(pointer, media.schema);
    const parsed = JSON.parse(body) as Json;
    if (validate(parsed)) return undefined;
    return `OpenAPI contract: ${label} answered ${status} with a body that does not match ${pointer}:\n${describe(validate.errors ?? [])}`;
  }

  /** Unknown routes (404) and errors raised before routing still answer the contract's error body. */
  private checkUnrouted(
    request: FastifyRequest,
    status: number,
    payload: unknown,
  ): string | undefined {
    const validate = this.validator('#/components/schemas/Error', {
      $ref: '#/components/schemas/Error',
    });
    const body = bodyText(payload);
    let parsed: Json;
    try {
      parsed = JSON.parse(body) as Json;
    } catch {
      return `OpenAPI contract: ${request.method} ${request.url} (no route) answered ${status} with a body that is not JSON`;
    }
    if (status >= 400 && validate(parsed)) return undefined;
    return `OpenAPI contract: ${request.method} ${request.url} (no route) answered ${status}, not an error body of #/components/schemas/Error:\n${describe(validate.errors ?? [])}`;
  }

  /** A response documented in place or referenced from `components.responses`, and where it is. */
  private resolved(
    documented: unknown,
    location: string,
  ): { response: DocumentedResponse; location: string } {
    const ref = (documented as { $ref?: string }).$ref;
    if (!ref) return { response: documented as DocumentedResponse, location };
    const name = ref.replace('#/components/responses/', '');
    const response = this.document.components?.responses?.[name] as DocumentedResponse;
    return { response, location: ref };
  }

  private validator(pointer: string, schema: unknown): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile(closed(resolvable(schema) as Json) as object);
      this.validators.set(pointer, validate);
    }
    return validate;
  }
}

/**
 * `#/components/schemas/X` → the same schema inside the Ajv-registered components; vendor
 * extensions (`x-enumNames`) are left out.
 */
function resolvable(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(resolvable);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => !key.startsWith('x-'))
      .map(([key, value]) =>
        key === '$ref' && typeof value === 'string'
          ? [key, value.replace('#/components/schemas/', `${COMPONENTS_ID}#/$defs/`)]
          : [key, key === 'example' ? value : resolvable(value)],
      ),
  );
}

/**
 * Reads object schemas as closed: a field the document does not list fails the check (the
 * published document stays open, so that adding a field never breaks a client).
 */
function closed(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, key === 'example' ? value : closed(value)]),
  );
  const isObjectSchema = copy.type === 'object' && typeof copy.properties === 'object';
  if (isObjectSchema && copy.additionalProperties === undefined) copy.unevaluatedProperties = false;
  return copy;
}

function bodyText(payload: unknown): string {
  if (payload === null || payload === undefined) return '';
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload)) return payload.toString('utf8');
  throw new Error('a streamed body cannot be checked');
}

function describe(errors: ErrorObject[]): string {
  return errors
    .map((error) => {
      const where = error.instancePath || '(the body)';
      const schemaPath = error.schemaPath.replace(
        `${COMPONENTS_ID}#/$defs/`,
        '#/components/schemas/',
      );
      const detail =
        error.keyword === 'unevaluatedProperties'
          ? `has the undocumented field "${String(error.params.unevaluatedProperty)}"`
          : (error.message ?? error.keyword);
      return `  - ${where} ${detail} (schema ${schemaPath})`;
    })
    .join('\n');
}

function escape(path: string): string {
  return path.replace(/~/g, '~0').replace(/\//g, '~1');
}
