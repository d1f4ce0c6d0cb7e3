import { DeadlineSweeper } from '../../src/workflow/deadline-sweeper';
import { startTestApp, TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';
import { application, companyClaim, TENGE, victimClaim } from '../factories/case.factory';

/** The whole procedure of DOMAIN.md §2 over HTTP, against a real SQLite file. */
describe('the procedure over HTTP', () => {
  let t: TestApp;
  let c: CaseClient;
  const sweep = () => t.app.get(DeadlineSweeper).sweep();

  beforeEach(async () => {
    t = await startTestApp({ now: '2026-12-01T10:00:00+05:00' });
    c = new CaseClient(t);
  });
  afterEach(() => t.close());

  it('opens a case: 201 with id, state, version, nextEvents and each claim', async () => {
    const res = await t.as('lawyer').post('/api/cases').send(application()).expect(201);
    expect(res.body).toMatchObject({ state: 'applied', version: 1, procedure: 'parole' });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.number).toMatch(/^МД-2026-\d{6}$/);
    expect(res.body.nextEvents).toEqual(expect.arrayContaining(['case.accepted', 'case.declined']));
    expect(res.body.claims).toHaveLength(1);
    expect(res.body.claims[0]).toMatchObject({ state: 'pending', outstanding: 2_000_000 * TENGE });
  });

  it('instalments after release: 2 000 000 ₸ at 50 000 ₸ a month, 40 payments, case closed', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    const agreed = await c.mediateToAgreement(
      kase.id,
      claimId,
      {
        paidBeforeHearing: 0,
        waived: 0,
        instalments: {
          total: 2_000_000 * TENGE,
          monthly: 50_000 * TENGE,
          startsMonthAfterRelease: true,
          dayOfMonth: 10,
        },
      },
      '2026-12-01',
    );
    expect(agreed.state).toBe('readyForCourt');
    expect(agreed.mandatoryParole).toBe(false); // instalments: the court may, not must, release
    await c.send(kase.id, { type: 'petition.filed', filedOn: '2026-12-01' });
    c.setDate(t, '2026-12-20');
    await c.send(kase.id, { type: 'hearing.scheduled', hearingDate: '2026-12-28' });
    c.setDate(t, '2026-12-28');
    await c.send(kase.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-12-28' });
    c.setDate(t, '2027-01-08');
    const released = await c.send(kase.id, { type: 'convict.released', releaseDate: '2027-01-08' });
    expect(released.state).toBe('restitution');
    expect(released.deadlines).toEqual([expect.objectContaining({ type: 'payment.overdue', claimId })]);

    let last;
    for (let i = 0; i < 40; i++) {
      const month = new Date(Date.UTC(2027, 1 + i, 10)).toISOString().slice(0, 10);
      c.setDate(t, month);
      last = await c.send(kase.id, {
        type: 'payment.recorded',
        claimId,
        amount: 50_000 * TENGE,
        date: month,
        evidence: 'bank_transfer',
        reference: `PAY-${i + 1}`,
      });
    }
    expect(last.state).toBe('closed');
    expect(last.claims[0].restitution).toBe('paidInFull');
    expect(last.deadlines).toEqual([]);
  });

  it('part paid before the hearing, rest waived: parole becomes mandatory (art. 72 ч. 1 абз. 2)', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    const agreed = await c.mediateToAgreement(
      kase.id,
      claimId,
      { paidBeforeHearing: 1_000_000 * TENGE, waived: 1_000_000 * TENGE },
      '2026-12-01',
    );
    expect(agreed.mandatoryParole).toBe(false); // not yet paid
    const paid = await c.send(kase.id, {
      type: 'payment.recorded',
      claimId,
      amount: 1_000_000 * TENGE,
      date: '2026-12-01',
      evidence: 'victim_receipt',
      reference: 'R-1',
    });
    expect(paid.mandatoryParole).toBe(true);
    await c.send(kase.id, { type: 'petition.filed' });
    await c.send(kase.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-12-01' });
    const released = await c.send(kase.id, { type: 'convict.released', releaseDate: '2026-12-01' });
    expect(released.state).toBe('closed');
  });

  it('a refusing victim is an outcome: the case goes to court without agreement', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.send(kase.id, { type: 'invitation.sent', claimId });
    const res = await c.send(kase.id, { type: 'invitation.refused', claimId, reason: 'не желает участвовать' });
    expect(res.claims[0]).toMatchObject({ outcome: 'refused' });
    expect(res.state).toBe('readyForCourt');
    expect(res.mandatoryParole).toBe(false);
  });

  it('silence: after 10 days the sweeper records the invitation as declined', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    const invited = await c.send(kase.id, { type: 'invitation.sent', claimId });
    const deadline = invited.deadlines.find((d: any) => d.type === 'invitation.expired');
    expect(deadline.dueDate).toBe('2026-12-12'); // reply window 10 calendar days, silence counts from the 11th
    c.setDate(t, '2026-12-11');
    expect(await sweep()).toBe(0);
    c.setDate(t, '2026-12-12');
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0); // never twice
    const after = await c.get(kase.id);
    expect(after.claims[0].outcome).toBe('silent');
    expect(after.state).toBe('readyForCourt');
    const history = await c.history(kase.id);
    expect(history.at(-1)).toMatchObject({ type: 'invitation.expired', actor: { role: 'system' } });
    // the mediator may invite again
    const again = await c.send(kase.id, { type: 'invitation.sent', claimId });
    expect(again.claims[0].state).toBe('invited');
  });

  it('expiry of the 30-day mediation term terminates mediation; one extension of at most 30 days', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.startNegotiation(kase.id, claimId, '2026-12-01');
    await c.send(kase.id, { type: 'term.extended', claimId, days: 31 }, { status: 400 });
    const ext = await c.send(kase.id, { type: 'term.extended', claimId, days: 10 });
    expect(ext.deadlines.find((d: any) => d.type === 'term.expired').dueDate).toBe('2027-01-11');
    const twice = await c.send(kase.id, { type: 'term.extended', claimId, days: 5 }, { status: 400 });
    expect(twice.errors[0].rule).toBe('extension_already_used');
    c.setDate(t, '2027-01-11');
    expect(await sweep()).toBe(1);
    const after = await c.get(kase.id);
    expect(after.claims[0]).toMatchObject({ state: 'terminated', outcome: 'terminated' });
  });

  it('two victims decide for themselves; the case is ready for court only when both have an outcome', async () => {
    const kase = await c.open({ claims: [victimClaim(), companyClaim()] });
    const [a, b] = kase.claims.map((x: any) => x.id);
    await c.send(kase.id, { type: 'case.accepted' });
    const first = await c.mediateToAgreement(
      kase.id,
      a,
      {
        paidBeforeHearing: 0,
        waived: 0,
        instalments: {
          total: 2_000_000 * TENGE,
          monthly: 50_000 * TENGE,
          startsMonthAfterRelease: true,
          dayOfMonth: 10,
        },
      },
      '2026-12-01',
    );
    expect(first.state).toBe('mediation');
    await c.send(kase.id, { type: 'invitation.sent', claimId: b });
    const second = await c.send(kase.id, { type: 'invitation.refused', claimId: b });
    expect(second.state).toBe('readyForCourt');
    expect(second.claims.map((x: any) => x.outcome)).toEqual(['agreed', 'refused']);
  });

  it('court refusal: re-filing is refused before 6 months and allowed after', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.send(kase.id, { type: 'invitation.sent', claimId });
    await c.send(kase.id, { type: 'invitation.refused', claimId });
    await c.send(kase.id, { type: 'petition.filed' });
    const refused = await c.send(kase.id, { type: 'court.decided', decision: 'refused', decisionDate: '2026-12-01' });
    expect(refused).toMatchObject({ state: 'refused', refileNotBefore: '2027-06-01' });
    c.setDate(t, '2027-05-31');
    const early = await c.send(kase.id, { type: 'petition.filed' }, { status: 400 });
    expect(early.errors[0]).toMatchObject({ rule: 'refiling_too_early' });
    c.setDate(t, '2027-06-01');
    const refiled = await c.send(kase.id, { type: 'petition.filed' });
    expect(refiled.state).toBe('petitionFiled');
  });

  it('default after release: three misses without good reason make a ground for revocation (art. 72 ч. 7 п. 1)', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.mediateToAgreement(
      kase.id,
      claimId,
      {
        paidBeforeHearing: 0,
        waived: 0,
        instalments: {
          total: 2_000_000 * TENGE,
          monthly: 50_000 * TENGE,
          startsMonthAfterRelease: true,
          dayOfMonth: 10,
        },
      },
      '2026-12-01',
    );
    await c.send(kase.id, { type: 'petition.filed' });
    await c.send(kase.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-12-01' });
    await c.send(kase.id, { type: 'convict.released', releaseDate: '2026-12-01' });
    // first instalment 10.01.2027 (a working day? 10 Jan 2027 is a Sunday → 11 Jan), overdue after 30 days' grace
    c.setDate(t, '2027-02-15');
    expect(await sweep()).toBeGreaterThanOrEqual(1);
    expect((await c.get(kase.id)).claims[0].restitution).toBe('inArrears');
    await c.send(kase.id, { type: 'default.reported', claimId }, { status: 400 });
    c.setDate(t, '2027-04-20');
    await sweep();
    expect((await c.get(kase.id)).claims[0].restitution).toBe('inArrears');
    const history = await c.history(kase.id);
    expect(history.filter((e) => e.type === 'payment.overdue').length).toBe(3);
    await c.send(kase.id, {
      type: 'payment.missed.explained',
      claimId,
      instalmentNo: 1,
      goodReason: true,
      reason: 'больничный лист',
    });
    const refusedDefault = await c.send(kase.id, { type: 'default.reported', claimId }, { status: 400 });
    expect(refusedDefault.errors[0]).toMatchObject({ field: 'type', rule: 'evasion_not_repeated' });
    c.setDate(t, '2027-05-20');
    await sweep();
    const reported = await c.send(kase.id, { type: 'default.reported', claimId });
    expect(reported.claims[0].restitution).toBe('defaultReported');
    const revoked = await c.send(kase.id, {
      type: 'parole.revoked',
      decisionDate: '2027-05-20',
      ground: 'УК РК ст. 72 ч. 7 п. 1',
    });
    expect(revoked.state).toBe('revoked');
  });

  it('replacement with a milder punishment (art. 73) uses the same mediation', async () => {
    const kase = await c.open({ procedure: 'replacement' });
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.mediateToAgreement(
      kase.id,
      claimId,
      {
        paidBeforeHearing: 0,
        waived: 0,
        instalments: {
          total: 2_000_000 * TENGE,
          monthly: 100_000 * TENGE,
          startsMonthAfterRelease: true,
          dayOfMonth: 5,
        },
      },
      '2026-12-01',
    );
    await c.send(kase.id, { type: 'petition.filed' });
    const decided = await c.send(kase.id, {
      type: 'court.decided',
      decision: 'replacement',
      decisionDate: '2026-12-01',
    });
    expect(decided.state).toBe('replaced');
  });

  it('lists and searches cases; answers 404 for an unknown case', async () => {
    const a = await c.open();
    await c.open({ convict: { fullName: 'Ержанов Марат', iin: '900101300017', institution: 'ИУ-19' } });
    await c.send(a.id, { type: 'case.accepted' });
    const all = (await t.as('lawyer').get('/api/cases').expect(200)).body;
    expect(all.total).toBe(2);
    const mediation = (await t.as('lawyer').get('/api/cases?state=mediation').expect(200)).body;
    expect(mediation.items.map((x: any) => x.id)).toEqual([a.id]);
    const found = (await t.as('lawyer').get('/api/cases').query({ q: 'ерж' }).expect(200)).body;
    expect(found.items).toHaveLength(1);
    expect(found.items[0].convict).toBe('Ержанов Марат');
    await t.as('lawyer').get('/api/cases/00000000-0000-4000-8000-000000000000').expect(404);
    await t.as('lawyer').get('/api/cases/not-a-uuid').expect(404);
    await t.as('lawyer').get('/api/cases?limit=1000').expect(400);
  });
});
