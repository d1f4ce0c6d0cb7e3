import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Receipts recorded as evidence of payments (issue 9 item 7): the uploaded file itself (PDF, JPEG, PNG) with its
 * SHA-256, beside the payments ledger row it proves (case, claim, reference). The bytes are kept in the
 * database, so a backup of the database holds the evidence too. One file is kept once per payment.
 */
export class PaymentReceipts1764850000000 implements MigrationInterface {
  name = 'PaymentReceipts1764850000000';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === 'postgres';
    await q.query(`CREATE TABLE payment_receipts (
      case_id VARCHAR(36) NOT NULL REFERENCES cases (id),
      claim_id VARCHAR(36) NOT NULL,
      reference VARCHAR(120) NOT NULL,
      sha256 VARCHAR(64) NOT NULL,
      content_type VARCHAR(32) NOT NULL,
      size INTEGER NOT NULL,
      pages INTEGER NOT NULL,
      file_name VARCHAR(200),
      uploaded_at VARCHAR(32) NOT NULL,
      uploaded_by VARCHAR(36),
      content ${postgres ? 'BYTEA' : 'BLOB'} NOT NULL,
      PRIMARY KEY (case_id, claim_id, reference, sha256)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE payment_receipts');
  }
}
