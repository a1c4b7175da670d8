import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const OPENAPI_UI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs-json';

/** OpenAPI 3 document generated from the controllers and DTOs; Swagger UI beside it. */
export function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('EventStuffer API')
      .setDescription(
        'Book event staff (DJs, bartenders, hostesses) and pay through Stripe escrow. ' +
          'Errors are `{"error": "..."}`; field validation failures are 422 with `errors[]`.',
      )
      .setVersion('v1')
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
      )
      .build(),
  );
  describeErrors(document);
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH });
}

type OpenApiDocument = ReturnType<typeof SwaggerModule.createDocument>;
type SchemaObject = NonNullable<NonNullable<OpenApiDocument['components']>['schemas']>[string];

const ERROR_SCHEMAS: Record<'Error' | 'ValidationError', SchemaObject> = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: { error: { type: 'string', example: 'Booking not found' } },
  },
  ValidationError: {
    type: 'object',
    required: ['error', 'errors'],
    properties: {
      error: { type: 'string', example: 'Validation failed' },
      errors: {
        type: 'array',
        items: {
          type: 'object',
          required: ['field', 'message'],
          properties: {
            field: { type: 'string', example: 'event_date' },
            message: { type: 'string', example: 'Invalid event date' },
          },
        },
      },
    },
  },
};

/** Every operation documents the contract's error bodies (CONTRACT §1.2). */
function describeErrors(document: OpenApiDocument): void {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...ERROR_SCHEMAS },
  };
  const body = (schema: keyof typeof ERROR_SCHEMAS, description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
  });
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations) as Array<{
      responses?: Record<string, unknown>;
    }>) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      operation.responses = {
        '422': body('ValidationError', 'Field validation failed (one entry per field)'),
        '429': body('Error', 'Rate limit exceeded (see Retry-After)'),
        default: body('Error', 'Any other error: {"error": "..."}'),
        ...operation.responses,
      };
    }
  }
}
