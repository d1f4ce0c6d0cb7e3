import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A payment as snapshots stored it before this migration (restitution context `payments`). */
interface StoredPayment {
  reference: string;
  amount: number;
  date: string;
  evidence: string | null;
  recordedOn: string;
}
type StoredRestitution = {
  context: Record<string, unknown> & {
    payments?: StoredPayment[];
    paymentCount?: number;
    lastPaymentOn?: string | null;
  };
};
type StoredSnapshot = { claims?: Record<string, { restitution?: StoredRestitution | null }> };

/**
 * The payments ledger: one row per recorded payment, written in the transaction of its `payment.recorded`
 * event (src/restitution/payments.repository.ts). The restitution snapshot keeps only the totals (paid, count,
 * last payment date): the payments move out of the existing snapshots into the table here.
 */
export class PaymentsLedger1764300000000 implements MigrationInterface {
  name = 'PaymentsLedger1764300000000';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === 'postgres';
    // Money is integer tiyn: BIGINT on PostgreSQL (read back as a number by the repository).
    await q.query(`CREATE TABLE payments (
      case_id VARCHAR(36) NOT NULL REFERENCES cases (id),
      claim_id VARCHAR(36) NOT NULL,
      seq INTEGER NOT NULL,
      reference VARCHAR(120) NOT NULL,
      amount ${postgres ? 'BIGINT' : 'INTEGER'} NOT NULL,
      payment_date VARCHAR(10) NOT NULL,
      evidence VARCHAR(200),
      recorded_on VARCHAR(10) NOT NULL,
      recorded_at VARCHAR(32) NOT NULL,
      history_seq INTEGER,
      PRIMARY KEY (case_id, claim_id, seq)
    )`);
    // The idempotency key, and the index the store's look-up before each payment uses.
    await q.query('CREATE UNIQUE INDEX UQ_payments_reference ON payments (case_id, claim_id, reference)');
    await backfill(q, postgres);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE payments');
  }
}

/** Moves the payments of every stored snapshot into the table (only snapshots that hold a restitution). */
async function backfill(q: QueryRunner, postgres: boolean): Promise<void> {
  const sql = (text: string) =>
    postgres
      ? text.replace(
          /\?/g,
          (
            (n) => () =>
              `$${++n}`
          )(0),
        )
      : text;
  const batch = 500;
  for (let after = ''; ;) {
    const rows = (await q.query(
      sql(`SELECT id, snapshot FROM cases WHERE id > ? AND snapshot LIKE '%"payments":%' ORDER BY id LIMIT ${batch}`),
      [after],
    )) as {
      id: string;
      snapshot: string;
    }[];
    for (const row of rows) {
      const snapshot = JSON.parse(row.snapshot) as StoredSnapshot;
      const history = (await q.query(
        sql(
          "SELECT seq, claim_id, payload, recorded_at FROM case_events WHERE case_id = ? AND type = 'payment.recorded' ORDER BY seq",
        ),
        [row.id],
      )) as { seq: number | string; claim_id: string; payload: string; recorded_at: string }[];
      const eventOf = new Map(
        history.map((h) => [`${h.claim_id}\u0000${(JSON.parse(h.payload) as { reference?: string }).reference}`, h]),
      );
      let changed = false;
      for (const [claimId, claim] of Object.entries(snapshot.claims ?? {})) {
        const context = claim.restitution?.context;
        if (!context || !Array.isArray(context.payments)) continue;
        const payments = context.payments;
        for (const [i, p] of payments.entries()) {
          const h = eventOf.get(`${claimId}\u0000${p.reference}`);
          await q.query(
            sql(
              'INSERT INTO payments (case_id, claim_id, seq, reference, amount, payment_date, evidence, recorded_on, recorded_at, history_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            ),
            [
              row.id,
              claimId,
              i + 1,
              p.reference,
              p.amount,
              p.date,
              p.evidence,
              p.recordedOn,
              h?.recorded_at ?? `${p.recordedOn}T00:00:00.000Z`,
              h ? Number(h.seq) : null,
            ],
          );
        }
        const { payments: _moved, ...rest } = context;
        claim.restitution!.context = {
          ...rest,
          paymentCount: payments.length,
          lastPaymentOn: payments.reduce<string | null>(
            (last, p) => (last !== null && last > p.date ? last : p.date),
            null,
          ),
        };
        changed = true;
      }
      if (changed) await q.query(sql('UPDATE cases SET snapshot = ? WHERE id = ?'), [JSON.stringify(snapshot), row.id]);
    }
    if (rows.length < batch) return;
    after = rows[rows.length - 1].id;
  }
}
