import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SchemaObject, SwaggerModule } from '@nestjs/swagger';
import { describeKernelResponses, RESPONSE_HEADERS } from './openapi-kernel-responses';
import { operationIdOf, RouteFacts, routeFactsOf } from './openapi-routes';
import { documentValidationConstraints } from './openapi-validation-constraints';

export const OPENAPI_UI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs-json';

/** Every tag an operation may carry (`@ApiTags`); the linter refuses any other. */
const TAGS: ReadonlyArray<[name: string, description: string]> = [
  ['auth', 'Web sessions: register, log in and out, the current user, CSRF tokens'],
  ['api-keys', 'API keys for integrators (managed from a web session)'],
  ['companions', 'Staff profiles: search, profiles, availability and staff self-service'],
  ['bookings', 'Booking requests and their lifecycle, payment, cancellation quote and ledger'],
  [
    'payments',
    "Stripe's webhook, staff payout onboarding, and the local payment gateway's pages (development)",
  ],
  [
    'messages',
    'Conversations, message history and sending (real-time delivery over Socket.io on the same port)',
  ],
  [
    'webhooks',
    'Outbound webhooks: endpoints, signing secrets, deliveries, test, redelivery and recovery',
  ],
  ['events', 'The event feed: what webhooks deliver, for integrators who cannot receive them'],
  ['admin', "Operators' endpoints (administrators only)"],
  ['contact', 'The public contact form (rate-limited per client IP)'],
  ['health', 'Liveness and readiness probes'],
];

const DESCRIPTION = `Book event staff (DJs, bartenders, hostesses) and pay through Stripe escrow.

- JSON everywhere, snake_case fields. Money is a number in major units (\`180\` is 180.00) with its
  \`currency\`; timestamps are ISO 8601 UTC; dates \`YYYY-MM-DD\`, times \`HH:MM\`.
- Errors are \`{"error": "..."}\`; field validation failures are 422 with \`errors[]\`, one entry
  per offending field.
- Every response carries \`X-Request-Id\`; rate-limited responses carry \`X-RateLimit-Limit\`,
  \`X-RateLimit-Remaining\` and \`X-RateLimit-Reset\`.
- Session writes need the \`X-CSRF-Token\` header (from \`POST /auth/login\` or \`GET /auth/csrf\`).`;

const ERROR_SCHEMAS: Record<string, SchemaObject> = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: { error: { type: 'string', description: 'Human-readable description' } },
  },
  ValidationError: {
    type: 'object',
    required: ['error', 'errors'],
    properties: {
      error: { type: 'string', enum: ['Validation failed'] },
      errors: {
        type: 'array',
        items: {
          type: 'object',
          required: ['field', 'message'],
          properties: {
            field: { type: 'string', description: "The request's own field or parameter name" },
            message: { type: 'string' },
          },
        },
      },
    },
  },
};

const documents = new WeakMap<INestApplication, OpenAPIObject>();

/**
 * The OpenAPI 3.1 document, generated from the controllers and DTOs: success bodies from the
 * response DTOs, request constraints from the validation rules, error answers from the kernel
 * and each route's @ApiErrorResponses. Needs no database: `scripts/openapi.cjs` builds it offline.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const routes = routeFactsOf(app);
  documentValidationConstraints([...routes.values()].flatMap((route) => route.inputClasses));
  const document = SwaggerModule.createDocument(app, documentConfiguration(), {
    operationIdFactory: operationIdOf,
  });
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...ERROR_SCHEMAS },
    headers: Object.fromEntries(
      Object.entries(RESPONSE_HEADERS).map(([name, { description, type }]) => [
        name,
        { description, schema: { type } },
      ]),
    ),
  };
  describeKernelResponses(document, routes);
  addCsrfHeader(document, routes);
  return document;
}

/** Serves the document at /api/docs-json and Swagger UI at /api/docs. */
export function setUpOpenApi(app: INestApplication): void {
  const document = buildOpenApiDocument(app);
  documents.set(app, document);
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH });
}

/** The document an application serves (the test harness checks every response against it). */
export function openApiDocumentOf(app: INestApplication): OpenAPIObject | undefined {
  return documents.get(app);
}

function documentConfiguration() {
  const builder = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('EventStuffer API')
    .setDescription(DESCRIPTION)
    .setVersion('v1')
    .addServer('/', 'The server that serves this document')
    .addCookieAuth(
      'connect.sid',
      {
        type: 'apiKey',
        in: 'cookie',
        description: 'Session cookie from POST /auth/login; writes also need X-CSRF-Token',
      },
      'session',
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'API key: Authorization: Bearer ps_...' },
      'api-key',
    );
  for (const [name, description] of TAGS) builder.addTag(name, description);
  return builder.build();
}

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** Session writes carry the CSRF token (CONTRACT §2.2); API keys need none. */
function addCsrfHeader(document: OpenAPIObject, routes: ReadonlyMap<string, RouteFacts>): void {
  document.components!.parameters = {
    CsrfToken: {
      name: 'X-CSRF-Token',
      in: 'header',
      required: false,
      description: 'Required when authenticated by the session cookie',
      schema: { type: 'string' },
    },
  };
  let used = false;
  for (const item of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const route = routes.get((operation as { operationId?: string }).operationId ?? '');
      if (!route?.auth || !WRITE_METHODS.has(method)) continue;
      const target = operation as { parameters?: unknown[] };
      target.parameters = [
        ...(target.parameters ?? []),
        { $ref: '#/components/parameters/CsrfToken' },
      ];
      used = true;
    }
  }
  if (!used) delete document.components!.parameters;
}
