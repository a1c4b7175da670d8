import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { PostgresNotifications } from '../../src/shared/database/postgres-notifications';
import { SharedDatabaseModule } from '../../src/shared/database/shared-database.module';
import { TransactionContext } from '../../src/shared/database/transaction-context';
import { DomainEvent, START_OF_STREAM } from '../../src/shared/events/domain-event';
import { EventConsumer, EventConsumers } from '../../src/shared/events/event-consumer';
import { EVENT_POLLER_LOCK } from '../../src/shared/events/event-consumer.runner';
import { EventLog } from '../../src/shared/events/event-log';
import { EventsModule } from '../../src/shared/events/events.module';
import { PostgresEventCursors } from '../../src/shared/events/postgres-event-cursors';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The outbox consumer port (shared/events) against a real PostgreSQL: commit order, durable
 * cursors, reactions in the cursor's transaction, several instances.
 */
class ReactingConsumer implements EventConsumer {
  /** Events of this type make handle() throw after writing its reaction. */
  failOn: string | null = null;

  constructor(
    readonly name: string,
    private readonly context: TransactionContext,
    readonly options: Pick<EventConsumer, 'eventTypes' | 'startAt'> = {},
  ) {}

  get eventTypes() {
    return this.options.eventTypes;
  }

  get startAt() {
    return this.options.startAt;
  }

  async handle(event: DomainEvent): Promise<void> {
    await this.context
      .manager()
      .query('INSERT INTO test_reactions (consumer, event_id) VALUES ($1, $2)', [
        this.name,
        event.id,
      ]);
    if (event.type === this.failOn) throw new Error(`cannot handle ${event.type}`);
  }
}

/** Takes whole batches: records the event ids of each call. */
class BatchConsumer implements EventConsumer {
  readonly name = 'test.batches';
  readonly eventTypes = ['probe.batch'];
  readonly calls: string[][] = [];

  async handle(): Promise<void> {
    throw new Error('handleBatch is called instead');
  }

  async handleBatch(events: DomainEvent[]): Promise<void> {
    this.calls.push(events.map((event) => String(event.id)));
  }
}

@Injectable()
class ProbeConsumers implements OnModuleInit {
  readonly all: ReactingConsumer;
  readonly batches = new BatchConsumer();
  readonly fragile: ReactingConsumer;

  constructor(
    private readonly consumers: EventConsumers,
    context: TransactionContext,
  ) {
    this.all = new ReactingConsumer('test.all', context);
    this.fragile = new ReactingConsumer('test.fragile', context);
    this.extra = [
      new ReactingConsumer('test.only-b', context, { eventTypes: ['probe.b'] }),
      new ReactingConsumer('test.from-now', context, { startAt: 'now' }),
    ];
  }

  private readonly extra: ReactingConsumer[];

  onModuleInit(): void {
    for (const consumer of [this.all, this.fragile, this.batches, ...this.extra]) {
      this.consumers.register(consumer);
    }
  }
}

@Module({ imports: [EventsModule, SharedDatabaseModule], providers: [ProbeConsumers] })
class ProbeConsumersModule {}

interface InsertedEvent {
  id: string;
  txid: string;
}

describe('outbox consumers (shared/events)', () => {
  let database: TestDatabase;
  let testApp: TestApp;
  let consumers: EventConsumers;
  let beforeStart: InsertedEvent;
  const clients: Client[] = [];

  const connect = async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    clients.push(client);
    return client;
  };

  const insertEvent = async (client: Client, type = 'probe.a'): Promise<InsertedEvent> => {
    const { rows } = await client.query<InsertedEvent>(
      `INSERT INTO domain_events (type, aggregate_type, aggregate_id, payload, occurred_at)
       VALUES ($1, 'probe', '1', '{}', now()) RETURNING id::text, txid::text`,
      [type],
    );
    return rows[0];
  };

  /** The committed reactions of a consumer to these events, in the order they were made. */
  const reactions = async (consumer: string, events: InsertedEvent[]): Promise<string[]> => {
    const rows: Array<{ event_id: string }> = await testApp.dataSource.query(
      `SELECT event_id::text FROM test_reactions
        WHERE consumer = $1 AND event_id = ANY($2::bigint[]) ORDER BY seq`,
      [consumer, events.map((event) => event.id)],
    );
    return rows.map((row) => row.event_id);
  };

  const ids = (...events: InsertedEvent[]) => events.map((event) => event.id);

  beforeAll(async () => {
    database = await createTestDatabase();
    const setup = await connect();
    await setup.query(`CREATE TABLE test_reactions (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      consumer text NOT NULL,
      event_id bigint NOT NULL)`);
    beforeStart = await insertEvent(setup);
    testApp = await startTestApp({ database, extraModules: [ProbeConsumersModule] });
    consumers = testApp.app.get(EventConsumers);
  });

  afterAll(async () => {
    for (const client of clients) await client.end();
    await testApp.close();
    await database.drop();
  });

  it('sees two transactions that commit in the reverse order of their ids, none skipped, none twice', async () => {
    const first = await connect();
    const second = await connect();
    await first.query('BEGIN');
    const earlier = await insertEvent(first);
    await second.query('BEGIN');
    const later = await insertEvent(second);
    expect(BigInt(later.id)).toBeGreaterThan(BigInt(earlier.id));
    await second.query('COMMIT');

    // The later id is already visible while the earlier one is not: a cursor on ids alone would
    // move past the earlier event here and never read it.
    const visible = await testApp.dataSource.query(
      'SELECT id::text FROM domain_events WHERE id = ANY($1::bigint[])',
      [ids(earlier, later)],
    );
    expect(visible).toEqual([{ id: later.id }]);
    // The log does not hand out the later event while an older transaction may still add one.
    const readable = await testApp.app.get(EventLog).readAfter(START_OF_STREAM, 1_000);
    expect(readable.map((event) => String(event.id))).not.toContain(later.id);
    expect(await reactions('test.all', [earlier, later])).toEqual([]);

    // drain() waits for events committed before it was called: here, for the earlier commit.
    const draining = consumers.drain('test.all');
    await first.query('COMMIT');
    await draining;
    expect(await reactions('test.all', [earlier, later])).toEqual(ids(earlier, later));
    await consumers.drain('test.all');
    expect(await reactions('test.all', [earlier, later])).toEqual(ids(earlier, later));
  });

  it('orders by the writing transaction, then the id, when the two orders differ', async () => {
    const first = await connect();
    const second = await connect();
    await first.query('BEGIN');
    await first.query('SELECT pg_current_xact_id()');
    await second.query('BEGIN');
    const lowerId = await insertEvent(second);
    await second.query('COMMIT');
    const olderTransaction = await insertEvent(first);
    await first.query('COMMIT');
    expect(BigInt(olderTransaction.id)).toBeGreaterThan(BigInt(lowerId.id));
    expect(BigInt(olderTransaction.txid)).toBeLessThan(BigInt(lowerId.txid));

    await consumers.drain('test.all');
    const next = await insertEvent(await connect());
    await consumers.drain('test.all');
    expect(await reactions('test.all', [lowerId, olderTransaction, next])).toEqual(
      ids(olderTransaction, lowerId, next),
    );

    const log = testApp.app.get(EventLog);
    const all = await log.readAfter(START_OF_STREAM, 1_000);
    const position = (event: InsertedEvent) =>
      all.findIndex((read) => String(read.id) === event.id);
    expect(position(olderTransaction)).toBeLessThan(position(lowerId));
    expect(position(lowerId)).toBeLessThan(position(next));
  });

  it('shares the work between instances: every event handled exactly once', async () => {
    const other = await startTestApp({ database, extraModules: [ProbeConsumersModule] });
    try {
      const writer = await connect();
      const inserted: InsertedEvent[] = [];
      for (let transaction = 0; transaction < 5; transaction += 1) {
        await writer.query('BEGIN');
        for (let event = 0; event < 50; event += 1) inserted.push(await insertEvent(writer));
        await writer.query('COMMIT');
      }
      const peers = [consumers, other.app.get(EventConsumers)];
      await Promise.all([...peers, ...peers].map((peer) => peer.drain('test.all')));
      expect(await reactions('test.all', inserted)).toEqual(ids(...inserted));
    } finally {
      await other.close();
    }
  });

  it('rolls a failing batch back with its reactions, keeps the cursor, and retries it later', async () => {
    const probe = testApp.app.get(ProbeConsumers);
    await consumers.drain('test.fragile');
    probe.fragile.failOn = 'probe.poison';
    const writer = await connect();
    const events = [
      await insertEvent(writer),
      await insertEvent(writer, 'probe.poison'),
      await insertEvent(writer),
    ];
    await expect(consumers.drain('test.fragile')).rejects.toThrow('cannot handle probe.poison');
    expect(await reactions('test.fragile', events)).toEqual([]);
    const [cursor] = await testApp.dataSource.query(
      `SELECT failed_attempts, last_error FROM event_consumers WHERE name = 'test.fragile'`,
    );
    expect(cursor.failed_attempts).toBeGreaterThanOrEqual(1);
    expect(cursor.last_error).toBe('cannot handle probe.poison');

    probe.fragile.failOn = null;
    await consumers.drain('test.fragile');
    expect(await reactions('test.fragile', events)).toEqual(ids(...events));
    const [recovered] = await testApp.dataSource.query(
      `SELECT failed_attempts, last_error FROM event_consumers WHERE name = 'test.fragile'`,
    );
    expect(recovered).toEqual({ failed_attempts: 0, last_error: null });
  });

  it('hands a consumer only its event types, and starts a "now" cursor at its registration', async () => {
    const writer = await connect();
    const a = await insertEvent(writer, 'probe.a');
    const b = await insertEvent(writer, 'probe.b');
    await consumers.drain();
    expect(await reactions('test.only-b', [a, b])).toEqual(ids(b));
    // A 'now' cursor starts at the oldest transaction still running on the server (transaction ids
    // are the cluster's): every event committed after its registration is read, and an event
    // committed just before it too when another database's transaction was open at that moment.
    const fromNow = await reactions('test.from-now', [beforeStart, a, b]);
    expect(fromNow.slice(-2)).toEqual(ids(a, b));
    expect(fromNow.length === 2 || fromNow[0] === beforeStart.id).toBe(true);
    expect(await reactions('test.all', [beforeStart])).toEqual(ids(beforeStart));
  });

  it('gives up draining, naming the consumer, while an older transaction stays open', async () => {
    const open = await connect();
    await open.query('BEGIN');
    await open.query('SELECT pg_current_xact_id()');
    const heldBack = await insertEvent(await connect());
    try {
      await expect(consumers.drain('test.all', { timeoutMs: 100 })).rejects.toThrow(
        /test\.all: events committed before drain\(\) are still held back/,
      );
      expect(await reactions('test.all', [heldBack])).toEqual([]);
    } finally {
      await open.query('ROLLBACK');
    }
    await consumers.drain('test.all');
    expect(await reactions('test.all', [heldBack])).toEqual(ids(heldBack));
  });

  it('tells in one read which cursors have readable events past them', async () => {
    // Cursors of no registered consumer: the running poller leaves them where they are.
    const cursors = testApp.app.get(PostgresEventCursors);
    await cursors.create('probe.behind', 'beginning');
    await cursors.create('probe.caught-up', 'beginning');
    const latest = await testApp.app.get(EventLog).latestPosition();
    expect(latest).not.toBeNull();
    await cursors.move('probe.caught-up', latest!);

    // Events are readable once every older transaction on the server (other databases' too) has
    // ended: wait for that, then ask.
    const readable = async (names: string[]) => {
      const deadline = Date.now() + 20_000;
      let pending = await cursors.withEventsAfter(names);
      while (pending.size === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        pending = await cursors.withEventsAfter(names);
      }
      return pending;
    };
    expect(await readable(['probe.behind', 'probe.caught-up', 'probe.unknown'])).toEqual(
      new Set(['probe.behind']),
    );

    await insertEvent(await connect());
    expect(await readable(['probe.caught-up'])).toEqual(new Set(['probe.caught-up']));
  });

  it('polls while the application runs: a committed event is handled without drain()', async () => {
    const event = await insertEvent(await connect(), 'probe.b');
    const deadline = Date.now() + 20_000;
    while ((await reactions('test.only-b', [event])).length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await reactions('test.only-b', [event])).toEqual(ids(event));
  });

  it('hands a consumer with handleBatch the events of a batch in one call, in commit order', async () => {
    const client = await connect();
    await client.query('BEGIN');
    const batch: InsertedEvent[] = [];
    for (let index = 0; index < 5; index += 1) batch.push(await insertEvent(client, 'probe.batch'));
    await client.query('COMMIT');
    await consumers.drain('test.batches');
    const probes = testApp.app.get(ProbeConsumers);
    expect(probes.batches.calls.flat()).toEqual(ids(...batch));
    expect(probes.batches.calls).toContainEqual(ids(...batch));
  });

  it('notifies listeners of the outbox channel when events commit', async () => {
    const notifications = testApp.app.get(PostgresNotifications);
    let heard = 0;
    let resolveHeard: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (resolveHeard = resolve));
    await notifications.listen('domain_events', () => {
      heard += 1;
      resolveHeard();
    });
    await insertEvent(await connect(), 'probe.c');
    await first;
    expect(heard).toBeGreaterThanOrEqual(1);
  });
});

describe('outbox consumers on several instances (shared/events)', () => {
  let database: TestDatabase;
  let writer: Client;
  const apps: TestApp[] = [];

  const start = async (): Promise<TestApp> => {
    const app = await startTestApp({ database, extraModules: [ProbeConsumersModule] });
    apps.push(app);
    return app;
  };

  const holdsPollerLock = (app: TestApp) =>
    app.app.get(PostgresNotifications).holdsLock(EVENT_POLLER_LOCK);

  /** Polls until `condition` holds; fails naming `what` if it still does not after 20 s. */
  const until = async (what: string, condition: () => boolean | Promise<boolean>) => {
    const deadline = Date.now() + 20_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  /** Commits an event that only `test.only-b` handles and waits until it has been handled. */
  const consumedWithoutDrain = async (): Promise<void> => {
    const { rows } = await writer.query<{ id: string }>(
      `INSERT INTO domain_events (type, aggregate_type, aggregate_id, payload, occurred_at)
       VALUES ('probe.b', 'probe', '1', '{}', now()) RETURNING id::text`,
    );
    await until(`event ${rows[0].id} handled`, async () => {
      const reactions: unknown[] = await apps[0].dataSource.query(
        `SELECT 1 FROM test_reactions WHERE consumer = 'test.only-b' AND event_id = $1`,
        [rows[0].id],
      );
      return reactions.length === 1;
    });
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    writer = new Client({ connectionString: database.url });
    await writer.connect();
    await writer.query(`CREATE TABLE test_reactions (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      consumer text NOT NULL,
      event_id bigint NOT NULL)`);
  });

  afterAll(async () => {
    await writer.end();
    for (const app of apps) await app.close();
    await database.drop();
  });

  it('lets one instance react to commits; the other takes over when it stops', async () => {
    const leader = await start();
    await until('the first instance polls', () => holdsPollerLock(leader));
    const follower = await start();
    const followerReads = jest.spyOn(follower.app.get(PostgresEventCursors), 'withEventsAfter');
    const followerBatches = jest.spyOn(follower.app.get(PostgresEventCursors), 'lock');

    for (let event = 0; event < 3; event += 1) await consumedWithoutDrain();
    expect(holdsPollerLock(follower)).toBe(false);
    expect(followerReads).not.toHaveBeenCalled();
    expect(followerBatches).not.toHaveBeenCalled();

    await leader.close();
    apps.splice(apps.indexOf(leader), 1);
    await consumedWithoutDrain();
    expect(holdsPollerLock(follower)).toBe(true);
    expect(followerBatches).toHaveBeenCalled();
  });
});
