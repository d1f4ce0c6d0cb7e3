import { startTestApp, TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';
import { TENGE } from '../factories/case.factory';

/** The lawyer sees from the case when his client may petition, and whether parole would be mandatory. */
describe('GET /api/cases/:id/eligibility', () => {
  let t: TestApp;
  let c: CaseClient;
  beforeEach(async () => {
    t = await startTestApp({ now: '2026-12-01T10:00:00+05:00' });
    c = new CaseClient(t);
  });
  afterEach(() => t.close());

  const eligibility = (id: string, q = '') => t.as('lawyer').get(`/api/cases/${id}/eligibility${q}`);

  it('6 years for a grave crime from 10.01.2022: half the term (УК 72 ч. 3 п. 2), discretionary until the claim is paid or waived', async () => {
    const kase = await c.open();
    const res = (await eligibility(kase.id).expect(200)).body;
    expect(res.parole).toMatchObject({
      eligible: true,
      earliestDate: '2025-01-10',
      citation: { ru: 'УК РК ст. 72 ч. 3 п. 2' },
    });
    expect(res.replacement.earliestDate).toBe('2024-01-10'); // 1/3 for a grave crime (УК 73 ч. 2)
    expect(res.paroleDecision.kind).toBe('discretionary');
  });

  it('becomes mandatory (УК 72 ч. 1 абз. 2) once the agreed part is paid and the rest waived — unless there are malicious violations', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.mediateToAgreement(
      kase.id,
      claimId,
      { paidBeforeHearing: 1_000_000 * TENGE, waived: 1_000_000 * TENGE },
      '2026-12-01',
    );
    await c.send(kase.id, {
      type: 'payment.recorded',
      claimId,
      amount: 1_000_000 * TENGE,
      date: '2026-12-01',
      evidence: 'victim_receipt',
      reference: 'R1',
    });
    const res = (await eligibility(kase.id).expect(200)).body;
    expect(res.paroleDecision).toMatchObject({
      kind: 'mandatory',
      citation: { ru: expect.stringContaining('ст. 72 ч. 1') },
    });
    const violations = (await eligibility(kase.id, '?maliciousViolations=1').expect(200)).body;
    expect(violations.paroleDecision.kind).toBe('discretionary');
    await eligibility(kase.id, '?maliciousViolations=-1').expect(400);
  });

  it('not yet: a 9-year term for an especially grave crime started in 2022', async () => {
    const kase = await c.open({
      sentence: {
        court: 'Суд',
        date: '2022-03-15',
        articles: ['99 ч. 2'],
        term: { years: 9, months: 0, days: 0 },
        startDate: '2022-01-10',
        gravity: 'especially_grave',
      },
    });
    const res = (await eligibility(kase.id).expect(200)).body;
    expect(res.parole.earliestDate).toBe('2028-01-10'); // 2/3 of 9 years
    expect(res.paroleDecision.kind).toBe('not_yet');
  });
});
