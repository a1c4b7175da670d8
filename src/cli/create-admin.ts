import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { ConfigurationError, loadConfiguration } from '../config/configuration';
import { readProcessEnvironment } from '../config/process-environment';
import { resolveDatabase } from '../database/database-server';
import { runMigrationsExclusively } from '../database/migration-runner';
import { CreateAdminUseCase } from '../modules/identity';
import { DomainError } from '../shared/domain/domain-error';
import { readPassword } from './read-password';

const USAGE = [
  'Usage: npm run admin:create -- --email you@example.com',
  '  then type the password (at least 10 characters), or pipe it on standard input:',
  '  printf "%s\\n" "$ADMIN_PASSWORD" | npm run admin:create -- --email you@example.com',
].join('\n');

/** Creates the first administrator, or promotes an existing account (its password unchanged). */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, password: { type: 'string' } },
    strict: true,
  });
  if (!values.email) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  // --password still works, but lands in the shell history and the process list.
  const password = values.password ?? (await readPassword(process.stdin, process.stderr));
  if (!password) {
    process.stderr.write(`No password given.\n${USAGE}\n`);
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
    const { account, created } = await app.get(CreateAdminUseCase).execute(values.email, password);
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
    const fields =
      error instanceof DomainError ? error.fieldErrors.map((field) => field.message) : [];
    const message = known ? [error.message, ...fields].join(': ') : String(error);
    process.stderr.write(`admin:create failed: ${message}\n`);
    process.exit(1);
  },
);
