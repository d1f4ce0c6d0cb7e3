import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who sees which case (src/cases/case-access.ts): case_access holds one row per (access key, case), written in
 * the transaction of every write of the case. Primary key (key, seq): a user's cases, newest first, are one
 * range of it (listings walk it as a keyset); (case_id, key): the check of one case.
 * Confidential notes get their author: only the mediator who wrote a note reads it back.
 *
 * Cases opened before accounts existed name no user: they get no keys and nobody sees them until an
 * administrator's data migration assigns them (there are no such cases in production: the service is new).
 */
export class CaseAccess1764500000000 implements MigrationInterface {
  name = 'CaseAccess1764500000000';

  async up(q: QueryRunner): Promise<void> {
    const withoutRowid = q.connection.options.type === 'postgres' ? '' : ' WITHOUT ROWID';
    await q.query(`CREATE TABLE case_access (
      key VARCHAR(80) NOT NULL,
      seq BIGINT NOT NULL,
      case_id VARCHAR(36) NOT NULL REFERENCES cases (id),
      PRIMARY KEY (key, seq)
    )${withoutRowid}`);
    await q.query('CREATE UNIQUE INDEX UQ_case_access_case_key ON case_access (case_id, key)');
    await q.query('ALTER TABLE confidential_notes ADD COLUMN author_user_id VARCHAR(36)');
    await q.query('CREATE INDEX IDX_confidential_notes_case_author ON confidential_notes (case_id, author_user_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IDX_confidential_notes_case_author');
    await q.query('ALTER TABLE confidential_notes DROP COLUMN author_user_id');
    await q.query('DROP TABLE case_access');
  }
}
