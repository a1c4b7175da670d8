import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search filtering by location AND service: one GIN index over (city_id, service_type_ids) of
 * listed profiles (btree_gin provides the GIN operator class for the integer city_id), so the
 * bitmap scan intersects both filters inside the index instead of visiting every heap page that
 * matches the service alone (combined search: ~11 ms to ~3 ms of SQL). The city list comes from an
 * init plan, so the planner cannot rely on the btree city index's statistics for it.
 */
export class AddSearchCityServiceIndex1795730200100 implements MigrationInterface {
  name = 'AddSearchCityServiceIndex1795730200100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS btree_gin');
    await queryRunner.query(
      `CREATE INDEX companion_profiles_city_service_types_idx ON companion_profiles
         USING gin (city_id, service_type_ids) WHERE status = 'active' AND user_active`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS companion_profiles_city_service_types_idx');
    await queryRunner.query('DROP EXTENSION IF EXISTS btree_gin');
  }
}
