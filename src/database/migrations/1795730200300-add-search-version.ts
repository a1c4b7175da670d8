import { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns a search filters on; an update that changes none of them leaves the version. */
const SEARCHED = ['status', 'user_active', 'city_id', 'service_type_ids', 'hourly_rate_cents'];

/**
 * Search's count cache and its covering page index.
 *
 * `companion_search_version` is one row whose number changes, in the writing transaction, with
 * every statement that can change what a search counts: profiles inserted, deleted or updated in
 * a searched column (a user's suspension reaches `user_active` through the existing trigger),
 * blocked days, and the city, country and service type names the text filters match. The search
 * reads the number in the statement that would count, so a capped count cached with the number it
 * was read with is valid exactly as long as the number stays the same (same snapshot, no race).
 * Statement-level triggers bump it once per transaction (`xmin` is already the transaction's own
 * after the first bump), so a bulk seed costs one update; concurrent writers of profiles queue on
 * the row until they commit, as they already do on the per-rate counter rows.
 *
 * The rating index (the default sort) now carries the filtered columns (INCLUDE), so a filtered
 * page is an index-only scan that skips non-matching entries without reading their heap rows.
 */
export class AddSearchVersion1795730200300 implements MigrationInterface {
  name = 'AddSearchVersion1795730200300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE companion_search_version (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        version bigint NOT NULL
      )`);
    await queryRunner.query(
      'INSERT INTO companion_search_version (singleton, version) VALUES (true, 1)',
    );
    await queryRunner.query(`
      CREATE FUNCTION companion_search_version_bump() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE companion_search_version SET version = version + 1
         WHERE xmin <> pg_current_xact_id()::xid;
        RETURN NULL;
      END $$`);
    const changed = SEARCHED.map((column) => `o.${column} IS DISTINCT FROM n.${column}`).join(
      ' OR ',
    );
    await queryRunner.query(`
      CREATE FUNCTION companion_search_version_on_profile_update() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ${changed}) THEN
          UPDATE companion_search_version SET version = version + 1
           WHERE xmin <> pg_current_xact_id()::xid;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER companion_search_version_update AFTER UPDATE ON companion_profiles
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION companion_search_version_on_profile_update()`);
    await queryRunner.query(`
      CREATE TRIGGER companion_search_version_change AFTER INSERT OR DELETE OR TRUNCATE
        ON companion_profiles
        FOR EACH STATEMENT EXECUTE FUNCTION companion_search_version_bump()`);
    for (const table of ['companion_blocked_dates', 'cities', 'countries', 'service_types']) {
      await queryRunner.query(`
        CREATE TRIGGER companion_search_version_change
          AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION companion_search_version_bump()`);
    }

    await queryRunner.query(`
      CREATE INDEX companion_profiles_rating_covering_idx ON companion_profiles
        (rating_avg DESC, total_reviews DESC, id)
        INCLUDE (city_id, service_type_ids, hourly_rate_cents)
        WHERE status = 'active' AND user_active`);
    await queryRunner.query('DROP INDEX companion_profiles_rating_idx');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX companion_profiles_rating_idx ON companion_profiles
        (rating_avg DESC, total_reviews DESC, id) WHERE status = 'active' AND user_active`);
    await queryRunner.query('DROP INDEX companion_profiles_rating_covering_idx');
    for (const table of [
      'companion_profiles',
      'companion_blocked_dates',
      'cities',
      'countries',
      'service_types',
    ]) {
      await queryRunner.query(`DROP TRIGGER companion_search_version_change ON ${table}`);
    }
    await queryRunner.query('DROP TRIGGER companion_search_version_update ON companion_profiles');
    await queryRunner.query('DROP FUNCTION companion_search_version_on_profile_update()');
    await queryRunner.query('DROP FUNCTION companion_search_version_bump()');
    await queryRunner.query('DROP TABLE companion_search_version');
  }
}
