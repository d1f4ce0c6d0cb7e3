import type { MigrationInterface, QueryRunner } from 'typeorm';

const REFUSAL = 'audit_log is append-only: rows are never changed or deleted';

/**
 * The audit log (issue «People and access» §7): one row per read of a case, download, recorded event, sign-in or
 * change of a user (src/audit). Append-only in the database itself, not only in the service: triggers refuse
 * every UPDATE and DELETE (and TRUNCATE on PostgreSQL), whoever sends it. Keyset pages newest first, by the time
 * and the row id; searched by case, by user, by time.
 */
export class AuditLog1764600000000 implements MigrationInterface {
  name = 'AuditLog1764600000000';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === 'postgres';
    const id = postgres ? 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
    await q.query(`CREATE TABLE audit_log (
      id ${id},
      at VARCHAR(32) NOT NULL,
      action VARCHAR(40) NOT NULL,
      user_id VARCHAR(64),
      user_name VARCHAR(300),
      role VARCHAR(16),
      login VARCHAR(120),
      case_id VARCHAR(36),
      target_user_id VARCHAR(64),
      detail TEXT,
      address VARCHAR(64)
    )`);
    await q.query('CREATE INDEX IDX_audit_log_at ON audit_log (at, id)');
    await q.query('CREATE INDEX IDX_audit_log_case ON audit_log (case_id, at, id)');
    await q.query('CREATE INDEX IDX_audit_log_user ON audit_log (user_id, at, id)');
    if (postgres) {
      await q.query(`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '${REFUSAL}' USING ERRCODE = 'insufficient_privilege'; END $$`);
      await q.query(`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
      await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
    } else {
      await q.query(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`);
      await q.query(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === 'postgres';
    await q.query('DROP TABLE audit_log');
    if (postgres) await q.query('DROP FUNCTION audit_log_append_only()');
  }
}
