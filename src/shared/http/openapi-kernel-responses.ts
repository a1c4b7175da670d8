import { OpenAPIObject } from '@nestjs/swagger';
import { DeclaredErrors } from './api-error-responses.decorator';
import { RouteFacts } from './openapi-routes';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Responses = Operation['responses'];

const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/**
 * The answers the kernel itself gives (CONTRACT §1.2), and the routes they apply to. A status the
 * kernel starts answering is documented on every operation by adding one entry here.
 */
export const KERNEL_RESPONSES: ReadonlyArray<{
  status: number;
  /** Its name under `components.responses`. */
  name: string;
  description: string;
  example: string;
  appliesTo: (route: RouteFacts) => boolean;
  body?: 'Error' | 'ValidationError';
  headers?: string[];
}> = [
  {
    status: 400,
    name: 'BadRequest',
    description:
      'Malformed request: the body is not valid JSON, or nested deeper than 16 levels, or has ' +
      'more than 2,048 members',
    example: 'JSON nested deeper than 16 levels',
    appliesTo: (route) => BODY_METHODS.has(route.method),
  },
  {
    status: 401,
    name: 'Unauthorized',
    description: 'No credentials, or an invalid, revoked or malformed API key or session',
    example: 'Authentication required',
    appliesTo: (route) => route.auth !== undefined,
  },
  {
    status: 403,
    name: 'Forbidden',
    description:
      'Authenticated but not allowed: missing permission scope, no Enterprise subscription, ' +
      'wrong role, suspended account, or CSRF token missing or wrong (session writes)',
    example: 'This API key lacks the "book" permission',
    appliesTo: (route) => route.auth !== undefined,
  },
  {
    status: 413,
    name: 'PayloadTooLarge',
    description: 'Request body over 1 MiB',
    example: 'Request body is larger than 1 MiB',
    appliesTo: (route) => BODY_METHODS.has(route.method),
  },
  {
    status: 415,
    name: 'UnsupportedMediaType',
    description: 'The body is not `application/json` (form-encoded bodies included)',
    example: 'Unsupported Content-Type: send application/json',
    appliesTo: (route) => BODY_METHODS.has(route.method),
  },
  {
    status: 422,
    name: 'ValidationFailed',
    description:
      'Field validation failed (a control character in any body field, query or path ' +
      'parameter included): one entry per offending field, named as sent',
    example: 'Validation failed',
    body: 'ValidationError',
    appliesTo: (route) => route.validatesInput,
  },
  {
    status: 429,
    name: 'TooManyRequests',
    description: 'Rate limit exceeded; `Retry-After` says when to try again',
    example: 'Rate limit exceeded',
    headers: ['Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
    appliesTo: (route) => route.rateLimited,
  },
  {
    status: 500,
    name: 'InternalServerError',
    description:
      'Unexpected failure; the body never carries internals (logged with the request id)',
    example: 'Internal server error',
    appliesTo: () => true,
  },
];

export const RESPONSE_HEADERS = {
  'Retry-After': { description: 'Seconds until the request may be retried', type: 'integer' },
  'X-RateLimit-Limit': { description: 'Requests allowed in the window', type: 'integer' },
  'X-RateLimit-Remaining': { description: 'Requests left in the window', type: 'integer' },
  'X-RateLimit-Reset': { description: 'Unix time (seconds) the window resets', type: 'integer' },
} as const;

/**
 * Gives every operation the kernel's answers that apply to it (references to
 * `components.responses`) and the errors its route declared with @ApiErrorResponses, each with
 * the contract's error body. A response documented with Nest's
 * own decorators (@ApiOkResponse...) wins over both.
 */
export function describeKernelResponses(
  document: OpenAPIObject,
  routes: ReadonlyMap<string, RouteFacts>,
): void {
  document.components = {
    ...document.components,
    responses: Object.fromEntries(
      KERNEL_RESPONSES.map((kernel) => [kernel.name, kernelResponse(kernel, [])]),
    ),
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as Array<[string, Operation]>) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const route = routes.get(operation.operationId ?? '');
      if (!route) throw new Error(`No route found for ${method.toUpperCase()} ${path}`);
      operation.responses = sortedByStatus({
        ...errorResponses(route),
        ...described(operation.responses),
      });
      // Anonymous routes say so, instead of inheriting a document-wide requirement.
      if (!route.auth) operation.security = [];
    }
  }
}

function errorResponses(route: RouteFacts): Responses {
  const declared = mergeDeclared(route.errors);
  const responses: Responses = {};
  const statuses = new Set([
    ...KERNEL_RESPONSES.filter((kernel) => kernel.appliesTo(route)).map((kernel) => kernel.status),
    ...declared.keys(),
  ]);
  for (const status of statuses) {
    const kernel = KERNEL_RESPONSES.find(
      (candidate) => candidate.status === status && candidate.appliesTo(route),
    );
    const messages = declared.get(status) ?? [];
    responses[String(status)] =
      kernel && messages.length === 0
        ? { $ref: `#/components/responses/${kernel.name}` }
        : kernelResponse(kernel ?? { status }, messages);
  }
  return responses;
}

function kernelResponse(
  kernel: Partial<(typeof KERNEL_RESPONSES)[number]> & { status: number },
  messages: string[],
) {
  const schema = kernel.body ?? (kernel.status === 422 ? 'ValidationError' : 'Error');
  const examples = messages.length > 0 ? messages : [kernel.example ?? 'Request failed'];
  return {
    description: describe(kernel.description, messages),
    ...(kernel.headers ? { headers: headerRefs(kernel.headers) } : {}),
    content: { 'application/json': errorMedia(schema, examples) },
  };
}

const SUCCESS_DESCRIPTIONS: Record<string, string> = { '200': 'OK', '201': 'Created' };

/**
 * Responses documented through Nest's own decorators: a success without a description gets the
 * status name, an error without a body gets the contract's error body.
 */
function described(responses: Responses): Responses {
  return Object.fromEntries(
    Object.entries(responses).map(([status, response]) =>
      response && !('$ref' in response) && !response.description && SUCCESS_DESCRIPTIONS[status]
        ? [status, { ...response, description: SUCCESS_DESCRIPTIONS[status] }]
        : Number(status) >= 400 && response && !('$ref' in response) && !response.content
          ? [
              status,
              {
                ...response,
                content: { 'application/json': errorMedia('Error', [response.description]) },
              },
            ]
          : [status, response],
    ),
  );
}

function mergeDeclared(declarations: DeclaredErrors[]): Map<number, string[]> {
  const merged = new Map<number, string[]>();
  for (const declaration of declarations) {
    for (const [status, messages] of Object.entries(declaration)) {
      const list = typeof messages === 'string' ? [messages] : [...(messages ?? [])];
      merged.set(Number(status), [...(merged.get(Number(status)) ?? []), ...list]);
    }
  }
  return merged;
}

function describe(kernel: string | undefined, messages: string[]): string {
  const quoted = messages.map((message) => `"${message}"`).join(', ');
  if (!kernel) return quoted;
  return messages.length > 0 ? `${kernel}; also ${quoted}` : kernel;
}

function errorMedia(schema: 'Error' | 'ValidationError', messages: string[]) {
  const body = (message: string) =>
    schema === 'ValidationError'
      ? {
          error: 'Validation failed',
          errors: [{ field: 'event_date', message: 'Invalid event date' }],
        }
      : { error: message };
  const $ref = `#/components/schemas/${schema}`;
  if (messages.length === 1 || schema === 'ValidationError') {
    return { schema: { $ref }, example: body(messages[0]) };
  }
  return {
    schema: { $ref },
    examples: Object.fromEntries(
      messages.map((message) => [exampleName(message), { summary: message, value: body(message) }]),
    ),
  };
}

function exampleName(message: string): string {
  return message
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

function headerRefs(names: string[]) {
  return Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]));
}

function sortedByStatus(responses: Responses): Responses {
  return Object.fromEntries(
    Object.entries(responses).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })),
  );
}
