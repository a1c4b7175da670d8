import { DynamicModule, Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as PinoLogger } from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { Configuration, loadConfiguration } from '../../src/config/configuration';
import { Clock } from '../../src/shared/domain/clock';
import { openApiDocumentOf } from '../../src/shared/http/openapi';
import { installContractCheck } from './openapi-contract';
import { createTestDatabase, TestDatabase } from './test-database';

/** The key every test app (and child server) encrypts stored secrets with. */
export const TEST_DATA_ENCRYPTION_KEY = Buffer.alloc(32, 42).toString('base64');

export interface TestAppOptions {
  /** Extra environment variables, on top of the test defaults. */
  env?: Record<string, string>;
  extraModules?: Array<Type | DynamicModule>;
  /** Reuse a database (a second instance, a restart); otherwise a new one is cloned. */
  database?: TestDatabase;
  /** A controllable clock; the system clock otherwise. */
  clock?: Clock;
  /** Where logs go (a test reads them); silent by default. */
  logger?: PinoLogger;
}

export interface TestApp {
  app: NestFastifyApplication;
  database: TestDatabase;
  configuration: Configuration;
  dataSource: DataSource;
  /** Closes the application; drops the database unless it was handed in. */
  close(): Promise<void>;
}

/**
 * Boots the real AppModule on Fastify against this file's own database. Every response it sends
 * is checked against its OpenAPI document (openapi-contract.ts).
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const configuration = loadConfiguration({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '5',
    DEMO_DATA: 'false',
    SESSION_SECRET: 'test-session-secret-that-is-long-enough-0123456789',
    PASSWORD_HASH_MEMORY_KIB: '4096',
    DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY,
    ...options.env,
  });
  const app = await createApp(configuration, {
    extraModules: options.extraModules,
    clock: options.clock,
    logger: options.logger,
  });
  const document = openApiDocumentOf(app);
  if (document) {
    installContractCheck(app.getHttpAdapter().getInstance(), document);
  } else if (configuration.app.apiDocs) {
    throw new Error('The application serves no OpenAPI document to check against');
  }
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    database,
    configuration,
    dataSource: app.get(DataSource),
    close: async () => {
      await app.close();
      if (!options.database) await database.drop();
    },
  };
}
