import { DataSource } from 'typeorm';
import { replayHistory } from '../../src/cases/domain/replay';
import { procedureDeps } from '../../src/workflow/procedure-deps';
import { startTestApp, TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';
import { TENGE } from '../factories/case.factory';

/** Corrections over HTTP against a real SQLite file: audited events with a reason; the original stays in the history. */
describe('corrections of facts recorded wrongly', () => {
  let t: TestApp;
  let c: CaseClient;

  beforeEach(async () => {
    t = await startTestApp({ now: '2026-12-01T10:00:00+05:00' });
    c = new CaseClient(t);
  });
  afterEach(() => t.close());

  /** 200 000 ₸ in instalments of 50 000 on the 10th from the month after release; released on 08.01.2027. */
  async function released() {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.mediateToAgreement(
      kase.id,
      claimId,
      {
        paidBeforeHearing: 0,
        waived: kase.claims[0].outstanding - 200_000 * TENGE,
        instalments: { total: 200_000 * TENGE, monthly: 50_000 * TENGE, startsMonthAfterRelease: true, dayOfMonth: 10 },
      },
      '2026-12-01',
    );
    await c.send(kase.id, { type: 'petition.filed', filedOn: '2026-12-01' });
    c.setDate(t, '2026-12-20');
    await c.send(kase.id, { type: 'hearing.scheduled', hearingDate: '2026-12-28' });
    c.setDate(t, '2026-12-28');
    await c.send(kase.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-12-28' });
    c.setDate(t, '2027-01-08');
    await c.send(kase.id, { type: 'convict.released', releaseDate: '2027-01-08' });
    return { id: kase.id as string, claimId: claimId as string };
  }
  const schedule = async (id: string, claimId: string) =>
    (await t.as('lawyer').get(`/api/cases/${id}/claims/${claimId}/schedule`).expect(200)).body;
  const ledgerRows = (id: string) =>
    t.app
      .get(DataSource)
      .query(
        'SELECT seq, kind, reference, amount, occurrence, reverses_seq FROM payments WHERE case_id = ? ORDER BY seq',
        [id],
      );
  /** The case rebuilt from its history alone equals the stored one. */
  async function expectReplayable(id: string) {
    const ds = t.app.get(DataSource);
    const [row] = await ds.query('SELECT application, snapshot FROM cases WHERE id = ?', [id]);
    const events = (
      await ds.query(
        'SELECT seq, type, claim_id, actor_role, event_date, payload FROM case_events WHERE case_id = ? ORDER BY seq',
        [id],
      )
    ).map((e: Record<string, string>) => ({
      seq: Number(e.seq),
      type: e.type,
      claimId: e.claim_id,
      actorRole: e.actor_role,
      eventDate: e.event_date,
      payload: JSON.parse(e.payload),
    }));
    expect(replayHistory(JSON.parse(row.application), events, procedureDeps())).toEqual(JSON.parse(row.snapshot));
  }

  it('a release date corrected: the schedule moves with it; the history shows the original and the correction', async () => {
    const { id, claimId } = await released();
    expect((await schedule(id, claimId)).instalments[0].dueDate).toBe('2027-02-10');
    c.setDate(t, '2027-02-03');
    const refused = await c.send(id, { type: 'release.corrected', releaseDate: '2027-02-02' }, { status: 400 });
    expect(JSON.stringify(refused)).toContain('reason');
    const after = await c.send(id, {
      type: 'release.corrected',
      releaseDate: '2027-02-02',
      reason: 'По справке учреждения освобождён 02.02.2027',
    });
    expect(after.state).toBe('restitution');
    expect((await schedule(id, claimId)).instalments.map((i: { dueDate: string }) => i.dueDate)).toEqual([
      '2027-03-10',
      '2027-04-12', // Saturday 10 April → Monday 12 (ГК 175)
      '2027-05-11', // Monday 10 May is the day off for Victory Day (Sunday 9 May)
      '2027-06-10',
    ]);
    const history = await c.history(id);
    const original = history.find((e) => e.type === 'convict.released');
    const corrected = history.find((e) => e.type === 'release.corrected');
    expect(original.payload).toMatchObject({ releaseDate: '2027-01-08' });
    expect(corrected).toMatchObject({
      payload: { releaseDate: '2027-02-02', reason: 'По справке учреждения освобождён 02.02.2027' },
    });
    await expectReplayable(id);
  });

  it('a release date corrected: the payment calendar issued before stays as issued and verifiable, marked superseded', async () => {
    const { id, claimId } = await released();
    const calendar = async () => {
      const res = await t
        .as('lawyer')
        .get(`/api/cases/${id}/documents/schedule?lang=ru&format=html&claimId=${claimId}`)
        .expect(200);
      return { html: res.text, sha256: String(res.headers['x-document-sha256']) };
    };
    const before = await calendar();
    expect(before.html).toContain('10.02.2027'); // the month after release on 08.01.2027
    c.setDate(t, '2027-02-03');
    await c.send(id, { type: 'release.corrected', releaseDate: '2027-02-02', reason: 'По справке учреждения' });
    const after = await calendar();
    expect(after.sha256).not.toBe(before.sha256);
    expect(after.html).toContain('10.03.2027');
    expect(after.html).not.toContain('10.02.2027');
    // The clerk holding the first printout learns it is genuine, and that a later version exists
    const old = await t.as('court').get(`/api/documents/verify/${before.sha256}`).expect(200);
    expect(old.body).toMatchObject({ known: true, kind: 'schedule', latest: false });
    const latest = await t.as('court').get(`/api/documents/verify/${after.sha256}`).expect(200);
    expect(latest.body).toMatchObject({ known: true, kind: 'schedule', latest: true });
  });

  it('a hearing date corrected, with its reason', async () => {
    const kase = await c.open();
    await c.send(kase.id, { type: 'case.accepted' });
    await c.send(kase.id, { type: 'invitation.sent', claimId: kase.claims[0].id });
    await c.send(kase.id, { type: 'invitation.refused', claimId: kase.claims[0].id });
    await c.send(kase.id, { type: 'petition.filed' });
    await c.send(kase.id, { type: 'hearing.scheduled', hearingDate: '2027-01-21' });
    const fixed = await c.send(kase.id, {
      type: 'hearing.corrected',
      hearingDate: '2027-01-12',
      reason: 'В извещении суда — 12.01.2027',
    });
    expect(fixed.state).toBe('hearingScheduled');
    expect((await c.history(kase.id)).map((e) => e.type).slice(-2)).toEqual(['hearing.scheduled', 'hearing.corrected']);
    const same = await c.send(
      kase.id,
      { type: 'hearing.corrected', hearingDate: '2027-01-12', reason: 'x' },
      { status: 400 },
    );
    expect(same.errors).toEqual([expect.objectContaining({ field: 'hearingDate', rule: 'date_unchanged' })]);
    await expectReplayable(kase.id);
  });

  it('a payment entered wrongly: a reversal row refers to it, the correct payment is a new row under the same number', async () => {
    const { id, claimId } = await released();
    c.setDate(t, '2027-02-10');
    const pay = { type: 'payment.recorded', claimId, date: '2027-02-10', evidence: 'bank_transfer' };
    await c.send(id, { ...pay, amount: 50_000 * TENGE, reference: 'PP-1' }); // 50 000 ₸: right
    await c.send(id, { ...pay, amount: 100_000 * TENGE, reference: 'PP-2' }); // 100 000 ₸: should be 10 000
    expect((await schedule(id, claimId)).paidTotal).toBe(150_000 * TENGE);

    // the reference must be on record, the reason given, and the officer records it
    const reversal = {
      type: 'payment.reversed',
      claimId,
      reference: 'PP-2',
      reason: 'По платёжному поручению № PP-2 — 10 000 ₸',
      replacement: { amount: 10_000 * TENGE, date: '2027-02-10', reference: 'PP-2', evidence: 'bank_transfer' },
    };
    const unknown = await c.send(id, { ...reversal, reference: 'PP-9' }, { status: 400 });
    expect(unknown.errors).toEqual([expect.objectContaining({ field: 'reference', rule: 'payment_not_on_record' })]);
    const { reason: _reason, ...withoutReason } = reversal;
    await c.send(id, withoutReason, { status: 400 });
    // A role that does not record payments does not reverse them (the court does not even see the case yet)
    const byCourt = await t.event(id, reversal, 'court');
    expect([403, 404]).toContain(byCourt.status);
    await c.send(id, reversal);
    const view = await schedule(id, claimId);
    expect(view.paidTotal).toBe(60_000 * TENGE);
    expect(view.payments.map((p: { reference: string; amount: number }) => [p.reference, p.amount])).toEqual([
      ['PP-1', 50_000 * TENGE],
      ['PP-2', 10_000 * TENGE],
    ]);
    expect(await ledgerRows(id)).toEqual([
      { seq: 1, kind: 'payment', reference: 'PP-1', amount: 50_000 * TENGE, occurrence: 0, reverses_seq: null },
      { seq: 2, kind: 'payment', reference: 'PP-2', amount: 100_000 * TENGE, occurrence: 0, reverses_seq: null },
      { seq: 3, kind: 'reversal', reference: 'PP-2', amount: 100_000 * TENGE, occurrence: 0, reverses_seq: 2 },
      { seq: 4, kind: 'payment', reference: 'PP-2', amount: 10_000 * TENGE, occurrence: 1, reverses_seq: null },
    ]);
    // the corrected payment is the one on record now: recording it again is an idempotent repeat
    await c.send(id, { ...pay, amount: 10_000 * TENGE, reference: 'PP-2' });
    expect((await schedule(id, claimId)).paidTotal).toBe(60_000 * TENGE);
    // and the history holds the wrong payment, the reversal with its reason, in order
    const history = await c.history(id);
    expect(history.filter((e) => e.type.startsWith('payment.')).map((e) => e.type)).toEqual([
      'payment.recorded',
      'payment.recorded',
      'payment.reversed',
    ]);
    await expectReplayable(id);
  });
});
