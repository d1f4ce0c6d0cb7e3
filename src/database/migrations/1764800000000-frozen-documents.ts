import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frozen documents (issue 9, items 1 and 6).
 *
 * `document_files`: the bytes of every issued document, content-addressed by their SHA-256. They live in the
 * database, not under the data directory: several service instances on one PostgreSQL share no disk, one backup
 * holds the case and its documents together, and a document's bytes and its record are written in one
 * transaction (never a record without its file). A document is tens of kilobytes; a case issues a few dozen.
 *
 * `issued_documents` gains what the document is: its short id (printed on every page and in the QR code, given
 * before rendering, since a file cannot contain its own hash), the claim, how it was issued (`event`: frozen at
 * the event that issued it; `dated`: a statement «по состоянию на» `as_of`), and `document_key`, the identity of
 * one issue (case, kind, claim, language, format, case version, event or date) that makes issuing idempotent.
 * Rows issued before this migration keep these columns empty.
 */
export class FrozenDocuments1764800000000 implements MigrationInterface {
  name = 'FrozenDocuments1764800000000';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === 'postgres';
    await q.query(`CREATE TABLE document_files (
      sha256 VARCHAR(64) NOT NULL PRIMARY KEY,
      content ${postgres ? 'BYTEA' : 'BLOB'} NOT NULL,
      size INTEGER NOT NULL,
      created_at VARCHAR(32) NOT NULL
    )`);
    await q.query('ALTER TABLE issued_documents ADD COLUMN doc_id VARCHAR(16)');
    await q.query('ALTER TABLE issued_documents ADD COLUMN claim_id VARCHAR(36)');
    await q.query('ALTER TABLE issued_documents ADD COLUMN issue VARCHAR(16)');
    await q.query('ALTER TABLE issued_documents ADD COLUMN as_of VARCHAR(10)');
    await q.query('ALTER TABLE issued_documents ADD COLUMN document_date VARCHAR(10)');
    await q.query('ALTER TABLE issued_documents ADD COLUMN document_key VARCHAR(200)');
    await q.query('CREATE UNIQUE INDEX UQ_issued_documents_doc_id ON issued_documents (doc_id)');
    await q.query('CREATE UNIQUE INDEX UQ_issued_documents_key ON issued_documents (document_key)');
    // The latest issue of a document: by case, kind, claim, language and format, newest case version first.
    await q.query(
      'CREATE INDEX IDX_issued_documents_versions ON issued_documents (case_id, kind, claim_id, lang, format, case_version)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IDX_issued_documents_versions');
    await q.query('DROP INDEX UQ_issued_documents_key');
    await q.query('DROP INDEX UQ_issued_documents_doc_id');
    for (const c of ['document_key', 'document_date', 'as_of', 'issue', 'claim_id', 'doc_id'])
      await q.query(`ALTER TABLE issued_documents DROP COLUMN ${c}`);
    await q.query('DROP TABLE document_files');
  }
}
