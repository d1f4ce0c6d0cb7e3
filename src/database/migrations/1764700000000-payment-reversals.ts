import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Corrections of payments (issue 9 item 5): a payment recorded wrongly is never edited; a reversal row refers to
 * it (`kind` 'reversal', `reverses_seq` = the original's seq) and the correct payment, if any, is a new row. The
 * same document number may then be recorded again: the unique key counts the reversals of a reference
 * (`occurrence`: 0 for the first entry, 1 after one reversal, …), so a concurrent double entry still collides.
 */
export class PaymentReversals1764700000000 implements MigrationInterface {
  name = 'PaymentReversals1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE payments ADD COLUMN kind VARCHAR(10) NOT NULL DEFAULT 'payment'");
    await q.query('ALTER TABLE payments ADD COLUMN reverses_seq INTEGER');
    await q.query('ALTER TABLE payments ADD COLUMN occurrence INTEGER NOT NULL DEFAULT 0');
    await q.query('DROP INDEX UQ_payments_reference');
    await q.query(
      'CREATE UNIQUE INDEX UQ_payments_reference ON payments (case_id, claim_id, kind, reference, occurrence)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DELETE FROM payments WHERE kind <> 'payment' OR occurrence > 0");
    await q.query('DROP INDEX UQ_payments_reference');
    await q.query('CREATE UNIQUE INDEX UQ_payments_reference ON payments (case_id, claim_id, reference)');
    await q.query('ALTER TABLE payments DROP COLUMN occurrence');
    await q.query('ALTER TABLE payments DROP COLUMN reverses_seq');
    await q.query('ALTER TABLE payments DROP COLUMN kind');
  }
}
