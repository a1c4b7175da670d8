import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { loadConfiguration } from '../config/configuration';
import { buildOpenApiDocument } from '../shared/http/openapi';

/**
 * The OpenAPI document without a database or a listening server: Nest's preview mode resolves
 * the modules and their controllers but instantiates no provider, so nothing connects anywhere.
 */
export async function buildOfflineOpenApiDocument(): Promise<OpenAPIObject> {
  const configuration = loadConfiguration({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: 'postgres://offline.invalid/never-connected',
    DEMO_DATA: 'false',
    SESSION_SECRET: 'offline-document-generation-never-serves-a-session',
  });
  const app = await NestFactory.create(AppModule.forRoot(configuration), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  buildOfflineOpenApiDocument()
    .then((document) => process.stdout.write(`${JSON.stringify(document, null, 2)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`OpenAPI document generation failed: ${String(error)}\n`);
      process.exit(1);
    });
}
