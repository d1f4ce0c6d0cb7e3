import { DataSource } from 'typeorm';
import { PaymentsLedger1764300000000 } from '../../src/database/migrations/1764300000000-payments-ledger';
import { TENGE } from '../factories/case.factory';
import { startTestApp, TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';

type Row = Record<string, unknown>;

/**
 * The payments ledger table: one row per payment, written with its event; the snapshot keeps the totals; the
 * migration moves the payments of snapshots stored before it into the table.
 */
describe('payments ledger', () => {
  let t: TestApp;
  let c: CaseClient;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    c = new CaseClient(t);
    db = t.app.get(DataSource);
  });
  afterAll(() => t?.close());

  async function agreed() {
    const kase = await c.open();
    const claimId: string = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    t.clock.set('2026-12-01T09:00:00+05:00');
    await c.mediateToAgreement(
      kase.id,
      claimId,
      { paidBeforeHearing: 1_000_000 * TENGE, waived: 1_000_000 * TENGE },
      '2026-12-01',
    );
    t.clock.set('2026-12-05T09:00:00+05:00'); // payments are recorded days after the agreement
    return { id: kase.id as string, claimId };
  }
  const pay = (claimId: string, reference: string, amount: number, date = '2026-12-05') => ({
    type: 'payment.recorded',
    claimId,
    amount,
    date,
    evidence: 'bank_transfer',
    reference,
  });
  const rows = (caseId: string): Promise<Row[]> =>
    db.query(
      'SELECT claim_id, seq, reference, amount, payment_date, evidence, recorded_on, history_seq FROM payments WHERE case_id = ? ORDER BY seq',
      [caseId],
    );
  const snapshotOf = async (caseId: string) =>
    JSON.parse(
      (await db.query<{ snapshot: string }[]>('SELECT snapshot FROM cases WHERE id = ?', [caseId]))[0].snapshot,
    );
  const schedule = async (id: string, claimId: string) =>
    (await t.as('lawyer').get(`/api/cases/${id}/claims/${claimId}/schedule`).expect(200)).body;

  it('writes a row per payment with its history seq; a repeat adds nothing, a conflict is a 400', async () => {
    const { id, claimId } = await agreed();
    await c.send(id, pay(claimId, 'A-1', 100_000 * TENGE));
    await c.send(id, pay(claimId, 'A-2', 50_000 * TENGE, '2026-12-02'));
    const version = (await c.get(id)).version;
    await c.send(id, pay(claimId, 'A-1', 100_000 * TENGE)); // an idempotent retry
    expect((await c.get(id)).version).toBe(version);
    const conflict = await c.send(id, pay(claimId, 'A-1', 100_001 * TENGE), { status: 400 });
    expect(conflict.errors).toEqual([
      expect.objectContaining({ field: 'reference', rule: 'payment_reference_conflict' }),
    ]);

    const history = await c.history(id);
    const seqOf = (ref: string) =>
      history.find((h) => h.type === 'payment.recorded' && h.payload.reference === ref).seq;
    expect(await rows(id)).toEqual([
      {
        claim_id: claimId,
        seq: 1,
        reference: 'A-1',
        amount: 100_000 * TENGE,
        payment_date: '2026-12-05',
        evidence: 'bank_transfer',
        recorded_on: '2026-12-05',
        history_seq: seqOf('A-1'),
      },
      {
        claim_id: claimId,
        seq: 2,
        reference: 'A-2',
        amount: 50_000 * TENGE,
        payment_date: '2026-12-02',
        evidence: 'bank_transfer',
        recorded_on: '2026-12-05',
        history_seq: seqOf('A-2'),
      },
    ]);
    const context = (await snapshotOf(id)).claims[claimId].restitution.context;
    expect(context).toMatchObject({ paid: 150_000 * TENGE, paymentCount: 2, lastPaymentOn: '2026-12-05' });
    expect(context).not.toHaveProperty('payments');
    expect((await schedule(id, claimId)).payments).toEqual([
      {
        reference: 'A-1',
        amount: 100_000 * TENGE,
        date: '2026-12-05',
        evidence: 'bank_transfer',
        recordedOn: '2026-12-05',
      },
      {
        reference: 'A-2',
        amount: 50_000 * TENGE,
        date: '2026-12-02',
        evidence: 'bank_transfer',
        recordedOn: '2026-12-05',
      },
    ]);
  });

  it('the migration moves the payments of snapshots stored before it into the table', async () => {
    const { id, claimId } = await agreed();
    await c.send(id, pay(claimId, 'M-1', 300_000 * TENGE, '2026-12-03'));
    await c.send(id, pay(claimId, 'M-2', 200_000 * TENGE));
    const expectedRows = await rows(id);
    const expectedSchedule = await schedule(id, claimId);
    const expectedContext = (await snapshotOf(id)).claims[claimId].restitution.context;

    // The database as it was before the ledger: no table, the payments in the snapshot.
    const old = await snapshotOf(id);
    const { paymentCount: _count, lastPaymentOn: _last, ...rest } = old.claims[claimId].restitution.context;
    old.claims[claimId].restitution.context = { ...rest, payments: expectedSchedule.payments };
    const migration = new PaymentsLedger1764300000000();
    const runner = db.createQueryRunner();
    try {
      await migration.down(runner);
      await db.query('UPDATE cases SET snapshot = ? WHERE id = ?', [JSON.stringify(old), id]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }

    expect(await rows(id)).toEqual(expectedRows);
    const context = (await snapshotOf(id)).claims[claimId].restitution.context;
    expect(context).toEqual(expectedContext);
    expect(context).not.toHaveProperty('payments');
    expect(await schedule(id, claimId)).toEqual(expectedSchedule);
    // The idempotency works on the moved rows.
    await c.send(id, pay(claimId, 'M-1', 300_000 * TENGE, '2026-12-03'));
    await c.send(id, pay(claimId, 'M-1', 300_000 * TENGE), { status: 400 });
    await c.send(id, pay(claimId, 'M-3', 500_000 * TENGE));
    expect((await schedule(id, claimId)).restitution).toBe('paidInFull');
    expect((await rows(id)).map((r) => [r.seq, r.reference])).toEqual([
      [1, 'M-1'],
      [2, 'M-2'],
      [3, 'M-3'],
    ]);
  });
});
