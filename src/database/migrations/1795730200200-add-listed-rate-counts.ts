import { MigrationInterface, QueryRunner } from 'typeorm';

const LISTED = `status = 'active' AND user_active`;

/** The counter's change for a statement: listed rows gained (+1) and lost (-1), per rate. */
function delta(sources: Array<{ table: string; sign: 1 | -1 }>): string {
  const rows = sources
    .map(
      ({ table, sign }) =>
        `SELECT hourly_rate_cents AS rate, ${sign} AS change FROM ${table} WHERE ${LISTED}`,
    )
    .join(' UNION ALL ');
  return `SELECT rate, sum(change)::int AS change FROM (${rows}) changes
           GROUP BY rate HAVING sum(change) <> 0`;
}

/**
 * The trigger function's body: computes the delta once, makes sure each rate has a row, locks
 * the rows in rate order (concurrent writers of several rates cannot deadlock), then adds to them.
 */
function body(sources: Array<{ table: string; sign: 1 | -1 }>): string {
  return `
    DECLARE
      rates integer[];
      changes integer[];
    BEGIN
      SELECT array_agg(rate ORDER BY rate), array_agg(change ORDER BY rate) INTO rates, changes
        FROM (${delta(sources)}) d;
      IF rates IS NULL THEN
        RETURN NULL;
      END IF;
      INSERT INTO companion_listed_rate_counts (hourly_rate_cents, listed)
      SELECT rate, 0 FROM unnest(rates) rate ORDER BY rate
      ON CONFLICT (hourly_rate_cents) DO NOTHING;
      PERFORM 1 FROM companion_listed_rate_counts WHERE hourly_rate_cents = ANY(rates)
        ORDER BY hourly_rate_cents FOR UPDATE;
      UPDATE companion_listed_rate_counts c SET listed = c.listed + d.change
        FROM unnest(rates, changes) d(rate, change) WHERE c.hourly_rate_cents = d.rate;
      RETURN NULL;
    END`;
}

/**
 * How many listed profiles (active profile of an active user, the search's predicate) have each
 * hourly rate, kept exact by statement-level AFTER triggers with transition tables (one set-based
 * update per statement, so a bulk INSERT … SELECT of 100,000 profiles costs one aggregate, and an
 * update that changes neither the listed state nor the rate touches no counter row). A search
 * filtered by price alone, or not at all, sums a few hundred counter rows for its capped total
 * instead of walking up to 10,001 index entries. TRUNCATE of the profiles empties it.
 */
export class AddListedRateCounts1795730200200 implements MigrationInterface {
  name = 'AddListedRateCounts1795730200200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('LOCK TABLE companion_profiles IN SHARE ROW EXCLUSIVE MODE');
    await queryRunner.query(`
      CREATE TABLE companion_listed_rate_counts (
        hourly_rate_cents integer PRIMARY KEY,
        listed integer NOT NULL CHECK (listed >= 0)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION companion_listed_rate_counts_on_insert() RETURNS trigger
      LANGUAGE plpgsql AS $$${body([{ table: 'new_rows', sign: 1 }])} $$`);
    await queryRunner.query(`
      CREATE FUNCTION companion_listed_rate_counts_on_update() RETURNS trigger
      LANGUAGE plpgsql AS $$${body([
        { table: 'new_rows', sign: 1 },
        { table: 'old_rows', sign: -1 },
      ])} $$`);
    await queryRunner.query(`
      CREATE FUNCTION companion_listed_rate_counts_on_delete() RETURNS trigger
      LANGUAGE plpgsql AS $$${body([{ table: 'old_rows', sign: -1 }])} $$`);
    await queryRunner.query(`
      CREATE FUNCTION companion_listed_rate_counts_on_truncate() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM companion_listed_rate_counts;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER companion_listed_rate_counts_insert AFTER INSERT ON companion_profiles
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION companion_listed_rate_counts_on_insert()`);
    await queryRunner.query(`
      CREATE TRIGGER companion_listed_rate_counts_update AFTER UPDATE ON companion_profiles
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION companion_listed_rate_counts_on_update()`);
    await queryRunner.query(`
      CREATE TRIGGER companion_listed_rate_counts_delete AFTER DELETE ON companion_profiles
        REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION companion_listed_rate_counts_on_delete()`);
    await queryRunner.query(`
      CREATE TRIGGER companion_listed_rate_counts_truncate AFTER TRUNCATE ON companion_profiles
        FOR EACH STATEMENT EXECUTE FUNCTION companion_listed_rate_counts_on_truncate()`);
    await queryRunner.query(`
      INSERT INTO companion_listed_rate_counts (hourly_rate_cents, listed)
      SELECT hourly_rate_cents, count(*) FROM companion_profiles WHERE ${LISTED}
       GROUP BY hourly_rate_cents`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete', 'truncate']) {
      await queryRunner.query(
        `DROP TRIGGER companion_listed_rate_counts_${event} ON companion_profiles`,
      );
      await queryRunner.query(`DROP FUNCTION companion_listed_rate_counts_on_${event}()`);
    }
    await queryRunner.query('DROP TABLE companion_listed_rate_counts');
  }
}
