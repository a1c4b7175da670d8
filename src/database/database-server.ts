import { join } from 'node:path';
import { Configuration, withDatabaseUrl } from '../config/configuration';
import { EmbeddedDatabase } from './embedded-database';

export interface ResolvedDatabase {
  configuration: Configuration;
  description: string;
  stop(): Promise<void>;
}

/**
 * Decides which PostgreSQL the service uses: DATABASE_URL when set, else an embedded server whose
 * data lives in DATA_DIR/postgres.
 */
export async function resolveDatabase(
  configuration: Configuration,
  log: (message: string) => void,
): Promise<ResolvedDatabase> {
  const { url, embeddedPort } = configuration.database;
  if (url !== undefined) {
    return {
      configuration,
      description: `external PostgreSQL at ${redactPassword(url)}`,
      stop: async () => undefined,
    };
  }
  const directory = join(configuration.app.dataDir, 'postgres');
  const embedded = new EmbeddedDatabase({
    directory,
    port: embeddedPort,
    databaseName: 'eventstuffer',
    log,
  });
  const embeddedUrl = await embedded.start();
  return {
    configuration: withDatabaseUrl(configuration, embeddedUrl),
    description: `embedded PostgreSQL on 127.0.0.1:${embeddedPort}, data in ${directory}`,
    stop: () => embedded.stop(),
  };
}

export function redactPassword(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
