import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { ConfigurationError, loadConfiguration } from '../config/configuration';
import { readProcessEnvironment } from '../config/process-environment';
import { resolveDatabase } from '../database/database-server';
import { runMigrationsExclusively } from '../database/migration-runner';
import { CreateAdmin } from '../modules/identity/application/create-admin.use-case';
import { DomainError } from '../shared/domain/domain-error';

const USAGE =
  "Usage: npm run admin:create -- --email you@example.com --password '<at least 10 characters>'";

/** Creates the first administrator, or promotes an existing account (its password unchanged). */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, password: { type: 'string' } },
    strict: true,
  });
  if (!values.email || !values.password) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const configuration = loadConfiguration(readProcessEnvironment());
  const database = await resolveDatabase(configuration, (message) =>
    process.stderr.write(`${message}\n`),
  );
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot(database.configuration),
    {
      logger: ['error'],
    },
  );
  try {
    await runMigrationsExclusively(app.get(DataSource));
    const { account, created } = await app.get(CreateAdmin).execute(values.email, values.password);
    process.stdout.write(
      `${created ? 'Created' : 'Promoted'} administrator ${account.email} (id ${account.id})\n`,
    );
    return 0;
  } finally {
    await app.close();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof DomainError || error instanceof ConfigurationError;
    process.stderr.write(`admin:create failed: ${known ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
