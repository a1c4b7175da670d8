import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

const RECONNECT_DELAY_MS = 1_000;

/**
 * LISTEN on one connection of its own (outside the pool) for the whole process: handlers of a
 * channel run on each notification. A lost connection is opened again after a second, and every
 * handler then runs once, since notifications sent meanwhile are gone. Wake-ups only: whoever
 * listens still polls slowly, so nothing depends on a notification arriving.
 *
 * The same connection holds session advisory locks that name one instance among several (e.g.
 * the one that reacts to a channel): PostgreSQL releases them when the process dies or the
 * connection drops, and this process forgets them when it sees the connection go.
 */
@Injectable()
export class PostgresNotifications implements OnApplicationShutdown {
  private readonly logger = new Logger(PostgresNotifications.name);
  private readonly handlers = new Map<string, Array<() => void>>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  /** Advisory locks held by the current connection. */
  private readonly heldLocks = new Set<string>();

  constructor(private readonly dataSource: DataSource) {}

  async listen(channel: string, handler: () => void): Promise<void> {
    const known = this.handlers.get(channel);
    if (known) {
      known.push(handler);
      return;
    }
    this.handlers.set(channel, [handler]);
    if (this.client) await this.client.query(`LISTEN ${quoted(channel)}`);
    else await this.connect();
  }

  /** Whether this process holds the lock `name` on its open connection (no round trip). */
  holdsLock(name: string): boolean {
    return this.client !== null && this.heldLocks.has(name);
  }

  /** Takes the session advisory lock `name` unless another session holds it; false meanwhile. */
  async tryHoldLock(name: string): Promise<boolean> {
    const client = this.client;
    if (!client) return false;
    if (this.heldLocks.has(name)) return true;
    try {
      const { rows } = await client.query<{ held: boolean }>(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS held',
        [name],
      );
      // A connection lost meanwhile took the lock with it.
      if (!rows[0].held || this.client !== client) return false;
      this.heldLocks.add(name);
      return true;
    } catch {
      return false;
    }
  }

  async releaseLock(name: string): Promise<void> {
    if (!this.heldLocks.delete(name)) return;
    await this.client
      ?.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [name])
      .catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async open(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: (this.dataSource.options as { url?: string }).url,
      application_name: 'eventstuffer-api-listen',
    });
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler();
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${quoted(channel)}`);
      this.client = client;
    } catch (error) {
      this.lost(client, error);
    }
  }

  private lost(client: Client, error: unknown): void {
    if (this.client === client) {
      this.client = null;
      this.heldLocks.clear();
    }
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    if (this.stopped || this.reconnectTimer) return;
    if (error) this.logger.warn({ err: error }, 'LISTEN connection lost; opening it again');
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect().then(() => {
        for (const handlers of this.handlers.values()) handlers.forEach((handler) => handler());
      });
    }, RECONNECT_DELAY_MS);
    this.reconnectTimer.unref();
  }
}

function quoted(channel: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Channel name: ${channel}`);
  return `"${channel}"`;
}
