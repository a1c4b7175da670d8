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
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH });
}
