import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The operators' audit log (CONTRACT §8): one row per admin action, written in the action's own
 * transaction. Append-only by construction: a trigger refuses UPDATE, DELETE and TRUNCATE, so
 * not even the service's own role can rewrite history.
 */
export class CreateAuditLog1795730900000 implements MigrationInterface {
  name = 'CreateAuditLog1795730900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_user_id integer NOT NULL REFERENCES users (id),
        action text NOT NULL CHECK (action ~ '^[a-z_]+\\.[a-z_]+$'),
        target_type text NOT NULL CHECK (char_length(target_type) BETWEEN 1 AND 50),
        target_id text NOT NULL CHECK (char_length(target_id) BETWEEN 1 AND 100),
        before jsonb,
        after jsonb,
        request_id text,
        occurred_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at DESC, id DESC)',
    );
    await queryRunner.query(
      'CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, occurred_at DESC, id DESC)',
    );
    await queryRunner.query(
      `CREATE INDEX audit_log_target_idx
         ON audit_log (target_type, target_id, occurred_at DESC, id DESC)`,
    );
    await queryRunner.query(
      'CREATE INDEX audit_log_action_idx ON audit_log (action, occurred_at DESC, id DESC)',
    );
    await queryRunner.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_log');
    await queryRunner.query('DROP FUNCTION audit_log_refuse_change()');
  }
}
