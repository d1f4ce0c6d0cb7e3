import { DeadlineSweeper } from '../../src/workflow/deadline-sweeper';
import { startTestApp, TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';
import { TENGE } from '../factories/case.factory';

/** After release the supervising officer sees each instalment paid / partly paid / due / overdue. */
describe('GET /api/cases/:id/claims/:claimId/schedule', () => {
  let t: TestApp;
  let c: CaseClient;
  beforeEach(async () => {
    t = await startTestApp({ now: '2026-12-01T10:00:00+05:00' });
    c = new CaseClient(t);
  });
  afterEach(() => t.close());

  async function releasedWithInstalments() {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.mediateToAgreement(
      kase.id,
      claimId,
      {
        paidBeforeHearing: 200_000 * TENGE,
        waived: 0,
        instalments: {
          total: 1_800_000 * TENGE,
          monthly: 50_000 * TENGE,
          startsMonthAfterRelease: true,
          dayOfMonth: 10,
        },
      },
      '2026-12-01',
    );
    return { kase, claimId };
  }

  it('refuses a claim without agreement with 404', async () => {
    const kase = await c.open();
    const res = await t.as('lawyer').get(`/api/cases/${kase.id}/claims/${kase.claims[0].id}/schedule`).expect(404);
    expect(res.body.message).toMatch(/соглашение/);
  });

  it('shows the pre-hearing part, then the instalments once release fixes the dates, with payments and arrears', async () => {
    const { kase, claimId } = await releasedWithInstalments();
    const before = (await t.as('lawyer').get(`/api/cases/${kase.id}/claims/${claimId}/schedule`).expect(200)).body;
    expect(before.scheduleFixed).toBe(false);
    expect(before.instalments).toEqual([expect.objectContaining({ no: 0, amount: 200_000 * TENGE, status: 'due' })]);
    await c.send(kase.id, {
      type: 'payment.recorded',
      claimId,
      amount: 200_000 * TENGE,
      date: '2026-12-01',
      evidence: 'victim_receipt',
      reference: 'R0',
    });
    await c.send(kase.id, { type: 'petition.filed' });
    await c.send(kase.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-12-01' });
    await c.send(kase.id, { type: 'convict.released', releaseDate: '2026-12-01' });
    c.setDate(t, '2027-01-20');
    await c.send(kase.id, {
      type: 'payment.recorded',
      claimId,
      amount: 30_000 * TENGE,
      date: '2027-01-20',
      evidence: 'bank_transfer',
      reference: 'B1',
    });
    c.setDate(t, '2027-03-20');
    await t.app.get(DeadlineSweeper).sweep();
    const s = (await t.as('lawyer').get(`/api/cases/${kase.id}/claims/${claimId}/schedule`).expect(200)).body;
    expect(s.instalments).toHaveLength(37); // row 0 + 36 instalments of 50 000 ₸
    expect(s.instalments[0]).toMatchObject({ no: 0, status: 'paid' });
    expect(s.instalments[1]).toMatchObject({
      no: 1,
      dueDate: '2027-01-11',
      amount: 50_000 * TENGE,
      paid: 30_000 * TENGE,
      remaining: 20_000 * TENGE,
      status: 'overdue',
    });
    expect(s.instalments[2]).toMatchObject({
      no: 2,
      dueDate: '2027-02-10',
      status: 'overdue',
      overdueFrom: '2027-03-13',
    });
    expect(s.instalments[3]).toMatchObject({ no: 3, dueDate: '2027-03-10', status: 'due' });
    expect(s.instalments[4]).toMatchObject({ no: 4, status: 'upcoming' });
    expect(s).toMatchObject({
      paidTotal: 230_000 * TENGE,
      balance: 1_770_000 * TENGE,
      arrears: 70_000 * TENGE,
      restitution: 'inArrears',
    });
    expect(s.formatted.balance).toBe('1\u00a0770\u00a0000,00\u00a0₸');
    expect(s.missedWithoutGoodReason).toBe(2);
    expect(s.revocationGround).toBe(false);
    expect(s.revocationRule).toBe('УК РК ст. 72 ч. 7 п. 1');
  });
});
