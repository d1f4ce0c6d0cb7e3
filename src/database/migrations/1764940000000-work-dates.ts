import type { MigrationInterface, QueryRunner } from 'typeorm';
import { caseIndexRow, type IndexedCase, numbered } from '../../cases/case-index';

/**
 * "My work" (GET /): the dates a list of what is due needs that the listing index did not hold — the earliest
 * petition date while a petition is still to be filed (`eligible_on`) and the hearing date while a hearing is
 * scheduled (`hearing_on`), written by writeCaseIndex in the transaction of every write of the case. Each with an
 * index (date, seq): a user who sees very many cases (a court, the widest lawyer) walks them soonest first and
 * probes his access key per case. Pending deadlines of one kind are walked the same way by (status, type,
 * due_date), or per case by (case_id, status, due_date) when the user's own cases are fewer (src/cases/work-queries.ts).
 * Backfills every existing case.
 */
export class WorkDates1764940000000 implements MigrationInterface {
  name = 'WorkDates1764940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE case_index ADD COLUMN eligible_on VARCHAR(10)');
    await q.query('ALTER TABLE case_index ADD COLUMN hearing_on VARCHAR(10)');
    await q.query('CREATE INDEX IDX_case_index_eligible ON case_index (eligible_on, seq)');
    await q.query('CREATE INDEX IDX_case_index_hearing ON case_index (hearing_on, seq)');
    await q.query('CREATE INDEX IDX_deadlines_case_pending ON deadlines (case_id, status, due_date)');
    await q.query('CREATE INDEX IDX_deadlines_kind_due ON deadlines (status, type, due_date)');
    await backfill(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IDX_deadlines_kind_due');
    await q.query('DROP INDEX IDX_deadlines_case_pending');
    await q.query('DROP INDEX IDX_case_index_hearing');
    await q.query('DROP INDEX IDX_case_index_eligible');
    await q.query('ALTER TABLE case_index DROP COLUMN hearing_on');
    await q.query('ALTER TABLE case_index DROP COLUMN eligible_on');
  }
}

async function backfill(q: QueryRunner): Promise<void> {
  const postgres = q.connection.options.type === 'postgres';
  const sql = (text: string) => (postgres ? numbered(text) : text);
  const batch = 1000;
  for (let after = ''; ;) {
    const rows = (await q.query(
      sql(
        `SELECT id, number, state, application, snapshot, created_at FROM cases WHERE id > ? ORDER BY id LIMIT ${batch}`,
      ),
      [after],
    )) as Record<string, string>[];
    for (const r of rows) {
      const row = caseIndexRow({
        id: r.id,
        number: r.number,
        state: r.state,
        application: JSON.parse(r.application) as IndexedCase['application'],
        snapshot: JSON.parse(r.snapshot) as IndexedCase['snapshot'],
        createdAt: r.created_at,
      });
      if (row.eligibleOn !== null || row.hearingOn !== null)
        await q.query(sql('UPDATE case_index SET eligible_on = ?, hearing_on = ? WHERE case_id = ?'), [
          row.eligibleOn,
          row.hearingOn,
          r.id,
        ]);
    }
    if (rows.length < batch) return;
    after = rows[rows.length - 1].id;
  }
}
