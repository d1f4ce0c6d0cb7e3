import {
  type ApplyResult,
  type ProcedureEvent,
  type ProcedureState,
  applyEvent,
  describeProcedure,
  initialProcedure,
  pendingDeadlines,
} from '../../../machines/procedure';
import { deps, run, tenge } from './support';

const oneVictim = (awarded = tenge(2_000_000), recovered = 0) =>
  initialProcedure({
    procedure: 'parole',
    lifeImprisonment: false,
    claims: [{ id: 'v1', kind: 'victim', awarded, recovered }],
  });

const mediator = (type: string, at: string, rest: Record<string, unknown> = {}): ProcedureEvent => ({
  type,
  at,
  actor: 'mediator',
  ...rest,
});
const onClaim = (claimId: string, type: string, at: string, rest: Record<string, unknown> = {}): ProcedureEvent => ({
  type,
  at,
  claimId,
  actor: 'mediator',
  ...rest,
});
const signed = { mediator: true, victim: true, convict: true };

/** Accepted, invited, accepted the invitation, contract signed on `at`. */
function negotiating(claimId: string, at: string): ProcedureEvent[] {
  return [
    onClaim(claimId, 'invitation.sent', at),
    onClaim(claimId, 'invitation.accepted', at),
    onClaim(claimId, 'contract.signed', at, { contractDate: at }),
  ];
}
const pay = (claimId: string, at: string, amount: number, reference: string): ProcedureEvent => ({
  type: 'payment.recorded',
  claimId,
  at,
  actor: 'officer',
  amount,
  date: at,
  reference,
  evidence: 'bank transfer',
});
const court = (type: string, at: string, rest: Record<string, unknown> = {}): ProcedureEvent => ({
  type,
  at,
  actor: 'court',
  ...rest,
});
const lawyer = (type: string, at: string, rest: Record<string, unknown> = {}): ProcedureEvent => ({
  type,
  at,
  actor: 'lawyer',
  ...rest,
});
const system = (claimId: string, type: string, at: string, rest: Record<string, unknown> = {}): ProcedureEvent => ({
  type,
  at,
  claimId,
  actor: 'system',
  ...rest,
});

function expectViolation(state: ProcedureState, event: ProcedureEvent, rule: string, field?: string) {
  const r = applyEvent(state, event, deps);
  expect(r).toMatchObject({ ok: false, error: 'rule_violation', rule, ...(field && { field }) });
  if (!r.ok && r.error === 'rule_violation') expect(r.message).toMatch(/[а-яА-Я]/);
}
function expectNotAllowed(state: ProcedureState, event: ProcedureEvent) {
  const r = applyEvent(state, event, deps);
  expect(r).toMatchObject({ ok: false, error: 'event_not_allowed' });
  return r as Extract<typeof r, { error: 'event_not_allowed' }>;
}

describe('full settlement before the hearing (УК 72 ч. 1 абз. 2)', () => {
  // Source example: 2,000,000 ₸ awarded, 1,000,000 ₸ paid, the rest waived.
  const events: ProcedureEvent[] = [
    mediator('case.accepted', '2025-01-10'),
    ...negotiating('v1', '2025-01-12'),
    onClaim('v1', 'session.held', '2025-01-20', { notes: 'the convict offers half' }),
    onClaim('v1', 'agreement.signed', '2025-01-25', {
      signedBy: signed,
      terms: { paidBeforeHearing: tenge(1_000_000), waived: tenge(1_000_000) },
    }),
    pay('v1', '2025-02-01', tenge(400_000), 'KASPI-1'),
    pay('v1', '2025-02-10', tenge(600_000), 'KASPI-2'),
  ];

  it('is ready for court with the mandatory-parole flag once the agreed part is paid', () => {
    const s = run(oneVictim(), events);
    const d = describeProcedure(s);
    expect(d.state).toBe('readyForCourt');
    expect(d.claims[0]).toMatchObject({ state: 'agreed', outcome: 'agreed', restitution: 'paidInFull' });
    expect(d.mandatoryParole).toBe(true);
  });

  it('does not keep what was said in a session', () => {
    const s = run(oneVictim(), events);
    expect(JSON.stringify(s)).not.toContain('offers half');
    expect(s.claims.v1.mediation.context.sessions).toBe(1);
  });

  it('closes the case on release when nothing remains to pay', () => {
    const s = run(oneVictim(), [
      ...events,
      lawyer('petition.filed', '2025-02-11'),
      court('hearing.scheduled', '2025-02-12', { hearingDate: '2025-03-01' }),
      court('court.decided', '2025-03-01', { decision: 'parole', decisionDate: '2025-03-01' }),
      { type: 'convict.released', at: '2025-03-03', actor: 'officer', releaseDate: '2025-03-03' },
    ]);
    expect(describeProcedure(s).state).toBe('closed');
    expect(describeProcedure(s).nextEvents).toEqual([]);
  });

  it('emits the document each event issues, and nothing for the others', () => {
    const effects: ApplyResult[] = [];
    let s = oneVictim();
    for (const e of events) {
      const r = applyEvent(s, e, deps);
      if (!r.ok) throw new Error(`${e.type} refused`);
      effects.push(r);
      s = r.state;
    }
    const issued = (r: ApplyResult) =>
      r.ok ? r.effects.map((x) => `${x.params.kind} ${x.params.claimId} ${x.params.on}`) : [];
    expect(effects.map(issued)).toEqual([
      [], // case.accepted
      ['invitation v1 2025-01-12'],
      [], // invitation.accepted
      ['mediation-contract v1 2025-01-12'],
      [], // session.held
      ['agreement v1 2025-01-25'],
      [], // payments
      [],
    ]);
    expect(effects.flatMap((r) => (r.ok ? r.effects.map((x) => x.type) : []))).toEqual([
      'document.issue',
      'document.issue',
      'document.issue',
    ]);
  });

  it('is not mandatory parole while the pre-hearing part is unpaid', () => {
    const s = run(oneVictim(), events.slice(0, 6));
    expect(describeProcedure(s).mandatoryParole).toBe(false);
  });
});

describe('instalments after release', () => {
  const agreed: ProcedureEvent[] = [
    mediator('case.accepted', '2025-01-10'),
    ...negotiating('v1', '2025-01-12'),
    onClaim('v1', 'agreement.signed', '2025-01-25', {
      signedBy: signed,
      terms: {
        paidBeforeHearing: 0,
        waived: 0,
        instalments: { total: tenge(200_000), monthly: tenge(50_000), startsMonthAfterRelease: true, dayOfMonth: 10 },
      },
    }),
    lawyer('petition.filed', '2025-01-26'),
    court('court.decided', '2025-02-20', { decision: 'parole', decisionDate: '2025-02-20' }),
    { type: 'convict.released', at: '2025-02-25', actor: 'lawyer', releaseDate: '2025-02-25' },
  ];

  it('starts the schedule the month after release and closes when every instalment is paid', () => {
    let s = run(oneVictim(tenge(200_000)), agreed);
    expect(describeProcedure(s).mandatoryParole).toBe(false);
    const r = s.claims.v1.restitution!.context;
    expect(r.schedule.map((x) => x.dueDate)).toEqual(['2025-03-10', '2025-04-10', '2025-05-10', '2025-06-10']);
    expect(describeProcedure(s)).toMatchObject({ state: 'restitution', claims: [{ restitution: 'current' }] });
    // Due 10 March; 30 days' grace end on 9 April: overdue from 10 April, as the ledger's views show it.
    expect(pendingDeadlines(s, deps)).toEqual([
      {
        key: 'v1:instalment:1:1',
        type: 'payment.overdue',
        claimId: 'v1',
        dueDate: '2025-04-10',
        payload: { instalmentNo: 1 },
      },
    ]);
    s = run(s, [pay('v1', '2025-03-09', tenge(50_000), 'R1')]);
    expect(pendingDeadlines(s, deps)[0]).toMatchObject({ key: 'v1:instalment:1:2', payload: { instalmentNo: 2 } });
    s = run(s, [pay('v1', '2025-04-09', tenge(150_000), 'R2')]);
    expect(describeProcedure(s)).toMatchObject({ state: 'closed', claims: [{ restitution: 'paidInFull' }] });
    expect(pendingDeadlines(s, deps)).toEqual([]);
  });

  it('goes into arrears on an overdue instalment and back when the arrears are paid', () => {
    let s = run(oneVictim(tenge(200_000)), agreed);
    expectViolation(s, system('v1', 'payment.overdue', '2025-03-10', { instalmentNo: 1 }), 'not_yet_due');
    s = run(s, [system('v1', 'payment.overdue', '2025-04-09', { instalmentNo: 1 })]);
    expect(describeProcedure(s).claims[0].restitution).toBe('inArrears');
    expectViolation(s, system('v1', 'payment.overdue', '2025-04-10', { instalmentNo: 1 }), 'already_reported_overdue');
    s = run(s, [pay('v1', '2025-04-10', tenge(30_000), 'R1')]);
    expect(describeProcedure(s).claims[0].restitution).toBe('inArrears');
    s = run(s, [pay('v1', '2025-04-11', tenge(20_000), 'R2')]);
    expect(describeProcedure(s).claims[0].restitution).toBe('current');
  });

  function threeMisses(goodReasons: boolean[]) {
    let s = run(oneVictim(tenge(200_000)), agreed);
    const due = ['2025-03-10', '2025-04-10', '2025-05-10'];
    goodReasons.forEach((goodReason, i) => {
      s = run(s, [
        system('v1', 'payment.overdue', due[i].replace(/-10$/, '-20'), { instalmentNo: i + 1 }),
        {
          type: 'payment.missed.explained',
          claimId: 'v1',
          at: due[i].replace(/-10$/, '-21'),
          actor: 'officer',
          instalmentNo: i + 1,
          goodReason,
          reason: goodReason ? 'hospital' : 'no reason given',
        },
      ]);
    });
    return s;
  }

  it('allows the default report after more than two misses without good reason (УК 72 ч. 7 п. 1)', () => {
    const s = threeMisses([false, false, false]);
    const r = applyEvent(s, { type: 'default.reported', claimId: 'v1', at: '2025-05-25', actor: 'officer' }, deps);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(describeProcedure(r.state).claims[0].restitution).toBe('defaultReported');
    expect(r.effects).toEqual([
      { type: 'document.issue', params: { kind: 'default-report', claimId: 'v1', on: '2025-05-25' } },
    ]);
    const revoked = run(r.state, [
      court('parole.revoked', '2025-06-10', { decisionDate: '2025-06-10', ground: 'УК 72 ч. 7 п. 1' }),
    ]);
    expect(describeProcedure(revoked)).toMatchObject({ state: 'revoked', nextEvents: [] });
  });

  it('counts an unexplained miss as one without good reason', () => {
    let s = run(oneVictim(tenge(200_000)), agreed);
    s = run(s, [
      system('v1', 'payment.overdue', '2025-03-20', { instalmentNo: 1 }),
      system('v1', 'payment.overdue', '2025-04-20', { instalmentNo: 2 }),
    ]);
    expectViolation(
      s,
      { type: 'default.reported', claimId: 'v1', at: '2025-04-25', actor: 'officer' },
      'evasion_not_repeated',
    );
    s = run(s, [system('v1', 'payment.overdue', '2025-05-20', { instalmentNo: 3 })]);
    expect(
      applyEvent(s, { type: 'default.reported', claimId: 'v1', at: '2025-05-25', actor: 'officer' }, deps).ok,
    ).toBe(true);
  });

  it('refuses the default report after two misses without good reason and one with', () => {
    const s = threeMisses([false, true, false]);
    expectViolation(
      s,
      { type: 'default.reported', claimId: 'v1', at: '2025-05-25', actor: 'officer' },
      'evasion_not_repeated',
    );
  });

  it('lets the parties amend the schedule for the balance', () => {
    let s = threeMisses([true, true, true]);
    expectViolation(
      s,
      onClaim('v1', 'agreement.amended', '2025-06-01', {
        instalments: { total: tenge(100_000), monthly: tenge(10_000), dayOfMonth: 5 },
      }),
      'amounts_do_not_add_up',
    );
    s = run(s, [
      onClaim('v1', 'agreement.amended', '2025-06-01', {
        instalments: { total: tenge(200_000), monthly: tenge(20_000), dayOfMonth: 5 },
      }),
    ]);
    const r = s.claims.v1.restitution!;
    expect(r.value).toBe('current');
    expect(r.context.schedule).toHaveLength(10);
    expect(r.context.schedule[0]).toMatchObject({ no: 1, dueDate: '2025-07-05' });
    expect(pendingDeadlines(s, deps)[0].key).toBe('v1:instalment:2:1');
  });
});

describe('payments', () => {
  const s0 = () =>
    run(oneVictim(tenge(100_000)), [
      mediator('case.accepted', '2025-01-10'),
      ...negotiating('v1', '2025-01-12'),
      onClaim('v1', 'agreement.signed', '2025-01-25', {
        signedBy: signed,
        terms: { paidBeforeHearing: tenge(100_000), waived: 0 },
      }),
    ]);

  // The store looks the reference up in the payments ledger and passes what it holds as `onRecord`.
  const known = (e: ProcedureEvent, amount: number, date: string) => ({ ...e, onRecord: { amount, date } });

  it('are idempotent by reference', () => {
    const s = run(s0(), [pay('v1', '2025-02-01', tenge(10_000), 'REF-1')]);
    const again = applyEvent(
      s,
      known(pay('v1', '2025-02-01', tenge(10_000), 'REF-1'), tenge(10_000), '2025-02-01'),
      deps,
    );
    expect(again).toEqual({ ok: true, state: s, effects: [], changed: false });
    expectViolation(
      s,
      known(pay('v1', '2025-02-01', tenge(20_000), 'REF-1'), tenge(10_000), '2025-02-01'),
      'payment_reference_conflict',
    );
    expectViolation(
      s,
      known({ ...pay('v1', '2025-02-01', tenge(10_000), 'REF-1'), date: '2025-01-31' }, tenge(10_000), '2025-02-01'),
      'payment_reference_conflict',
    );
  });

  it('keep only the totals in the snapshot: paid, count, last payment date', () => {
    const s = run(s0(), [
      pay('v1', '2025-02-03', tenge(10_000), 'A'),
      { ...pay('v1', '2025-02-04', tenge(5_000), 'B'), date: '2025-02-01' },
    ]);
    const c = s.claims.v1.restitution!.context;
    expect(c).toMatchObject({ paid: tenge(15_000), paymentCount: 2, lastPaymentOn: '2025-02-03' });
    expect(c).not.toHaveProperty('payments');
  });

  it('accept a repeated final payment after the claim is paid in full', () => {
    const s = run(s0(), [pay('v1', '2025-02-01', tenge(100_000), 'ALL')]);
    expect(
      applyEvent(s, known(pay('v1', '2025-02-01', tenge(100_000), 'ALL'), tenge(100_000), '2025-02-01'), deps),
    ).toMatchObject({ ok: true, changed: false });
  });

  it('refuse overpayment, zero or fractional amounts, and dates before the agreement or in the future', () => {
    const s = s0();
    expectViolation(s, pay('v1', '2025-02-01', tenge(100_001), 'X'), 'overpayment', 'amount');
    expectViolation(s, pay('v1', '2025-02-01', 0, 'X'), 'amount_not_positive_integer');
    expectViolation(s, pay('v1', '2025-02-01', 10.5, 'X'), 'amount_not_positive_integer');
    expectViolation(
      s,
      { ...pay('v1', '2025-02-01', 100, 'X'), date: '2025-01-24' },
      'payment_before_agreement',
      'date',
    );
    expectViolation(s, { ...pay('v1', '2025-02-01', 100, 'X'), date: '2025-02-02' }, 'payment_date_in_future');
    expectViolation(s, pay('v1', '2025-02-01', 100, ''), 'reference_required');
  });

  it('are recorded by the mediator, the lawyer or the officer, never by the court', () => {
    expectViolation(s0(), { ...pay('v1', '2025-02-01', 100, 'X'), actor: 'court' }, 'role_not_allowed', 'actor');
    for (const actor of ['mediator', 'lawyer', 'officer'] as const)
      expect(applyEvent(s0(), { ...pay('v1', '2025-02-01', 100, 'X'), actor }, deps)).toMatchObject({ ok: true });
  });
});

describe('refusal, silence, expiry', () => {
  it('a refusal is an outcome the lawyer can show; the mediator may invite again', () => {
    let s = run(oneVictim(), [
      mediator('case.accepted', '2025-01-10'),
      onClaim('v1', 'invitation.sent', '2025-01-10'),
      onClaim('v1', 'invitation.refused', '2025-01-12'),
    ]);
    expect(describeProcedure(s)).toMatchObject({
      state: 'readyForCourt',
      claims: [{ state: 'refused', outcome: 'refused' }],
      mandatoryParole: false,
    });
    s = run(s, [onClaim('v1', 'invitation.sent', '2025-01-20', { replyDays: 5 })]);
    expect(describeProcedure(s)).toMatchObject({ state: 'mediation', claims: [{ state: 'invited', outcome: null }] });
    expect(pendingDeadlines(s, deps)).toEqual([
      { key: 'v1:invitation:2', type: 'invitation.expired', claimId: 'v1', dueDate: '2025-01-26', payload: {} },
    ]);
  });

  it('silence: no acceptance within 10 days counts as declined (ЗМед ст. 20 п. 6)', () => {
    let s = run(oneVictim(), [mediator('case.accepted', '2025-01-10'), onClaim('v1', 'invitation.sent', '2025-01-10')]);
    const [d] = pendingDeadlines(s, deps);
    expect(d.dueDate).toBe('2025-01-21');
    expectViolation(s, system('v1', 'invitation.expired', '2025-01-20'), 'reply_window_open');
    expectViolation(s, onClaim('v1', 'invitation.accepted', '2025-01-21'), 'reply_window_closed', 'at');
    s = run(s, [system('v1', 'invitation.expired', d.dueDate)]);
    expect(describeProcedure(s)).toMatchObject({
      state: 'readyForCourt',
      claims: [{ state: 'silent', outcome: 'silent' }],
    });
    expectViolation(s, { ...system('v1', 'invitation.expired', d.dueDate), actor: 'mediator' }, 'role_not_allowed');
  });

  it('a refusal, silence and an expired term each issue the termination notice', () => {
    const invited = run(oneVictim(), [
      mediator('case.accepted', '2025-01-10'),
      onClaim('v1', 'invitation.sent', '2025-01-10'),
    ]);
    const notice = (on: string) => [
      { type: 'document.issue', params: { kind: 'termination-notice', claimId: 'v1', on } },
    ];
    expect(applyEvent(invited, onClaim('v1', 'invitation.refused', '2025-01-12'), deps)).toMatchObject({
      ok: true,
      effects: notice('2025-01-12'),
    });
    expect(applyEvent(invited, system('v1', 'invitation.expired', '2025-01-21'), deps)).toMatchObject({
      ok: true,
      effects: notice('2025-01-21'),
    });
    const negotiation = run(oneVictim(), [mediator('case.accepted', '2025-01-10'), ...negotiating('v1', '2025-01-10')]);
    expect(applyEvent(negotiation, system('v1', 'term.expired', '2025-02-10'), deps)).toMatchObject({
      ok: true,
      effects: notice('2025-02-10'),
    });
  });

  it('the term is 30 days, extendable once by at most 30, then it expires (ЗМед ст. 23)', () => {
    let s = run(oneVictim(), [mediator('case.accepted', '2025-01-10'), ...negotiating('v1', '2025-01-10')]);
    expect(pendingDeadlines(s, deps)).toEqual([
      { key: 'v1:term:1:2025-02-09', type: 'term.expired', claimId: 'v1', dueDate: '2025-02-10', payload: {} },
    ]);
    expectViolation(s, onClaim('v1', 'term.extended', '2025-02-01', { days: 31 }), 'extension_too_long', 'days');
    s = run(s, [onClaim('v1', 'term.extended', '2025-02-01', { days: 30 })]);
    expectViolation(s, onClaim('v1', 'term.extended', '2025-02-02', { days: 5 }), 'extension_already_used');
    expect(pendingDeadlines(s, deps)[0]).toMatchObject({ key: 'v1:term:1:2025-03-11', dueDate: '2025-03-12' });
    expectViolation(s, system('v1', 'term.expired', '2025-03-11'), 'term_not_over');
    s = run(s, [system('v1', 'term.expired', '2025-03-12')]);
    expect(describeProcedure(s)).toMatchObject({
      state: 'readyForCourt',
      claims: [{ state: 'terminated', outcome: 'terminated' }],
    });
    expect(s.claims.v1.mediation.context.terminationReason).toBe('expiry');
  });

  it('the mediator may terminate with a reason from art. 26', () => {
    const s = run(oneVictim(), [mediator('case.accepted', '2025-01-10'), ...negotiating('v1', '2025-01-10')]);
    expectViolation(
      s,
      onClaim('v1', 'mediation.terminated', '2025-01-15', { reason: 'bored' }),
      'termination_reason_invalid',
    );
    expectViolation(
      s,
      onClaim('v1', 'mediation.terminated', '2025-01-15', { reason: 'refusal_of_party' }),
      'refusing_party_required',
      'party',
    );
    expectViolation(
      s,
      onClaim('v1', 'mediation.terminated', '2025-01-15', { reason: 'refusal_of_party', party: 'lawyer' }),
      'refusing_party_required',
      'party',
    );
    expectViolation(
      s,
      onClaim('v1', 'mediation.terminated', '2025-01-15', { reason: 'impossible', party: 'victim' }),
      'party_not_applicable',
      'party',
    );
    const r = applyEvent(
      s,
      onClaim('v1', 'mediation.terminated', '2025-01-15', { reason: 'refusal_of_party', party: 'convict' }),
      deps,
    );
    expect(r.ok && r.effects).toEqual([
      { type: 'document.issue', params: { kind: 'termination-notice', claimId: 'v1', on: '2025-01-15' } },
    ]);
    expect(r.ok && r.state.claims.v1.mediation.context).toMatchObject({
      terminationReason: 'refusal_of_party',
      refusingParty: 'convict',
    });
    // Invited again: the new mediation has no refusal and no contract yet.
    const again = run(r.ok ? r.state : s, [onClaim('v1', 'invitation.sent', '2025-01-16')]);
    expect(again.claims.v1.mediation.context).toMatchObject({
      refusingParty: null,
      contract: null,
      contractDate: null,
    });
  });
});

describe('the mediation contract (ЗМед ст. 21)', () => {
  const invited = () =>
    run(oneVictim(), [
      mediator('case.accepted', '2025-01-10'),
      onClaim('v1', 'invitation.sent', '2025-01-10'),
      onClaim('v1', 'invitation.accepted', '2025-01-10'),
    ]);
  const contract = (rest: Record<string, unknown>) =>
    onClaim('v1', 'contract.signed', '2025-01-12', { contractDate: '2025-01-12', ...rest });
  const contextOf = (s: ProcedureState) => s.claims.v1.mediation.context;

  it('keeps the fee, the language and the ways of meeting as recorded', () => {
    const s = run(invited(), [
      contract({ fee: tenge(30_000), language: 'kk', meetingForms: ['video', 'in_person'], extra: 'dropped' }),
    ]);
    expect(contextOf(s).contract).toEqual({
      date: '2025-01-12',
      fee: tenge(30_000),
      language: 'kk',
      meetingForms: ['video', 'in_person'],
    });
    expect(contextOf(s).contractDate).toBe('2025-01-12');
  });

  it('what the event does not say stays unrecorded (null), and 0 is free of charge', () => {
    expect(contextOf(run(invited(), [contract({})])).contract).toEqual({
      date: '2025-01-12',
      fee: null,
      language: null,
      meetingForms: null,
    });
    expect(contextOf(run(invited(), [contract({ fee: 0 })])).contract).toMatchObject({ fee: 0 });
  });

  it('refuses a fee that is not whole tiyn, an unknown language or meeting form', () => {
    expectViolation(invited(), contract({ fee: 100.5 }), 'fee_not_tiyn', 'fee');
    expectViolation(invited(), contract({ fee: -1 }), 'fee_not_tiyn', 'fee');
    expectViolation(invited(), contract({ language: 'en' }), 'language_invalid', 'language');
    expectViolation(invited(), contract({ meetingForms: [] }), 'meeting_forms_invalid', 'meetingForms');
    expectViolation(invited(), contract({ meetingForms: ['letter'] }), 'meeting_forms_invalid', 'meetingForms');
  });
});

describe('the agreement (ЗМед ст. 27)', () => {
  const s = () =>
    run(oneVictim(tenge(1_000)), [mediator('case.accepted', '2025-01-10'), ...negotiating('v1', '2025-01-10')]);
  const agreement = (signedBy: object, terms: object) =>
    onClaim('v1', 'agreement.signed', '2025-01-20', { signedBy, terms });

  it('needs the mediator’s signature and both parties’', () => {
    expectViolation(
      s(),
      agreement({ ...signed, mediator: false }, { paidBeforeHearing: tenge(1_000), waived: 0 }),
      'mediator_signature_required',
    );
    expectViolation(
      s(),
      agreement({ ...signed, victim: false }, { paidBeforeHearing: tenge(1_000), waived: 0 }),
      'party_signature_required',
    );
  });

  it('must account for the whole outstanding amount in tiyn', () => {
    expectViolation(
      s(),
      agreement(signed, { paidBeforeHearing: tenge(500), waived: tenge(400) }),
      'amounts_do_not_add_up',
    );
    expectViolation(s(), agreement(signed, { paidBeforeHearing: -1, waived: tenge(1_000) + 1 }), 'amount_not_tiyn');
    expectViolation(
      s(),
      agreement(signed, {
        paidBeforeHearing: 0,
        waived: 0,
        instalments: { total: tenge(1_000), monthly: 0, dayOfMonth: 5, startsMonthAfterRelease: true },
      }),
      'instalment_terms_invalid',
    );
  });

  it('keeps the payment details (ways of performance, art. 27 p. 2) and refuses bad ones', () => {
    const terms = (paymentDetails: object) => ({ paidBeforeHearing: tenge(1_000), waived: 0, paymentDetails });
    const bank = { method: 'bank_transfer', account: 'KZ86125KZT5004100100', bank: 'АО «Halyk Bank»' };
    const r = applyEvent(s(), agreement(signed, terms({ ...bank, note: 'dropped' })), deps);
    expect(r.ok && r.state.claims.v1.mediation.context.agreement?.terms).toEqual(terms(bank));
    expectViolation(
      s(),
      agreement(signed, terms({ method: 'barter' })),
      'payment_details_invalid',
      'terms.paymentDetails',
    );
    expectViolation(
      s(),
      agreement(signed, terms({ method: 'bank_transfer', account: 'KZ86125KZT50041001001234567890123456' })),
      'payment_details_invalid',
    );
    expectViolation(
      s(),
      agreement(signed, terms({ method: 'bank_transfer', account: 'KZ86125KZT5004100101' })),
      'payment_details_invalid',
    ); // a mistyped digit
    expectViolation(
      s(),
      agreement(signed, terms({ method: 'cash_receipt', account: bank.account })),
      'account_only_for_bank_transfer',
    );
  });

  it('with a fixed first due date builds the schedule at signing', () => {
    const r = applyEvent(
      s(),
      agreement(signed, {
        paidBeforeHearing: 0,
        waived: 0,
        instalments: { total: tenge(1_000), monthly: tenge(600), dayOfMonth: 5, firstDueDate: '2025-03-05' },
      }),
      deps,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.claims.v1.restitution!.context.schedule).toEqual([
      { no: 1, dueDate: '2025-03-05', amount: tenge(600) },
      { no: 2, dueDate: '2025-04-05', amount: tenge(400) },
    ]);
    expect(describeProcedure(r.state).claims[0].restitution).toBe('awaitingRelease');
  });

  it('all waived: nothing to pay, counts as full compensation by the setting', () => {
    const after = run(s(), [agreement(signed, { paidBeforeHearing: 0, waived: tenge(1_000) })]);
    expect(describeProcedure(after)).toMatchObject({ claims: [{ restitution: 'paidInFull' }], mandatoryParole: true });
  });
});

describe('two victims decide for themselves', () => {
  it('the case is ready for court only when every claim has an outcome', () => {
    let s = initialProcedure({
      procedure: 'parole',
      lifeImprisonment: false,
      claims: [
        { id: 'a', kind: 'victim', awarded: tenge(500_000), recovered: tenge(100_000) },
        { id: 'b', kind: 'victim', awarded: tenge(300_000), recovered: 0 },
      ],
    });
    s = run(s, [
      mediator('case.accepted', '2025-01-10'),
      ...negotiating('a', '2025-01-11'),
      onClaim('b', 'invitation.sent', '2025-01-11'),
      onClaim('a', 'agreement.signed', '2025-01-20', {
        signedBy: signed,
        terms: { paidBeforeHearing: tenge(400_000), waived: 0 },
      }),
    ]);
    expect(describeProcedure(s).state).toBe('mediation');
    expectNotAllowed(s, lawyer('petition.filed', '2025-01-21'));
    s = run(s, [onClaim('b', 'invitation.refused', '2025-01-22')]);
    const d = describeProcedure(s);
    expect(d).toMatchObject({ state: 'readyForCourt', mandatoryParole: false });
    expect(d.claims.map((c) => [c.id, c.outcome, c.restitution])).toEqual([
      ['a', 'agreed', 'awaitingPayment'],
      ['b', 'refused', null],
    ]);
  });

  it('a state claim is tracked, not mediated, and keeps mandatory parole off while outstanding', () => {
    let s = initialProcedure({
      procedure: 'replacement',
      lifeImprisonment: false,
      claims: [
        { id: 'v', kind: 'victim', awarded: tenge(1_000), recovered: 0 },
        { id: 'fund', kind: 'state', awarded: tenge(300), recovered: 0 },
      ],
    });
    expect(describeProcedure(s).claims[1]).toMatchObject({ state: 'tracked', outcome: 'not_mediable', nextEvents: [] });
    s = run(s, [mediator('case.accepted', '2025-01-10')]);
    expectNotAllowed(s, onClaim('fund', 'invitation.sent', '2025-01-10'));
    s = run(s, [
      ...negotiating('v', '2025-01-10'),
      onClaim('v', 'agreement.signed', '2025-01-15', {
        signedBy: signed,
        terms: { paidBeforeHearing: 0, waived: tenge(1_000) },
      }),
    ]);
    expect(describeProcedure(s)).toMatchObject({ state: 'readyForCourt', mandatoryParole: false });
    s = run(s, [lawyer('petition.filed', '2025-01-16')]);
    expectViolation(
      s,
      court('court.decided', '2025-02-01', { decision: 'parole', decisionDate: '2025-02-01' }),
      'decision_not_for_procedure',
    );
    s = run(s, [
      court('court.decided', '2025-02-01', { decision: 'replacement', decisionDate: '2025-02-01' }),
      lawyer('convict.released', '2025-02-02', { releaseDate: '2025-02-02' }),
    ]);
    expect(describeProcedure(s).state).toBe('closed');
  });

  it('all claims state claims with nothing outstanding: ready for court on acceptance, mandatory parole', () => {
    let s = initialProcedure({
      procedure: 'parole',
      lifeImprisonment: false,
      claims: [{ id: 'f', kind: 'state', awarded: 100, recovered: 100 }],
    });
    s = run(s, [mediator('case.accepted', '2025-01-10')]);
    expect(describeProcedure(s)).toMatchObject({ state: 'readyForCourt', mandatoryParole: true });
  });
});

describe('court refusal and re-filing (УИК 162 ч. 10)', () => {
  const toRefusal = (life: boolean) =>
    run(
      initialProcedure({
        procedure: 'parole',
        lifeImprisonment: life,
        claims: [{ id: 'v1', kind: 'victim', awarded: 1000, recovered: 0 }],
      }),
      [
        mediator('case.accepted', '2025-01-10'),
        onClaim('v1', 'invitation.sent', '2025-01-10'),
        onClaim('v1', 'invitation.refused', '2025-01-11'),
        lawyer('petition.filed', '2025-01-12'),
        lawyer('hearing.scheduled', '2025-01-13', { hearingDate: '2025-02-10' }),
        court('court.decided', '2025-02-10', { decision: 'refused', decisionDate: '2025-02-10' }),
      ],
    );

  it('the petition may be filed again not earlier than 6 months after the refusal', () => {
    const s = toRefusal(false);
    expect(describeProcedure(s)).toMatchObject({ state: 'refused', refileNotBefore: '2025-08-10' });
    expectViolation(s, lawyer('petition.filed', '2025-08-09'), 'refiling_too_early', 'at');
    expect(describeProcedure(run(s, [lawyer('petition.filed', '2025-08-10')])).state).toBe('petitionFiled');
  });

  it('three years for life imprisonment', () => {
    expect(describeProcedure(toRefusal(true)).refileNotBefore).toBe('2028-02-10');
  });

  it('mediation may be re-opened meanwhile, and the waiting period still applies', () => {
    let s = run(toRefusal(false), [...negotiating('v1', '2025-03-01')]);
    expect(describeProcedure(s).state).toBe('mediation');
    s = run(s, [
      onClaim('v1', 'agreement.signed', '2025-03-05', {
        signedBy: signed,
        terms: { paidBeforeHearing: 0, waived: 1000 },
      }),
    ]);
    expect(describeProcedure(s)).toMatchObject({
      state: 'readyForCourt',
      mandatoryParole: true,
      refileNotBefore: '2025-08-10',
    });
    expectViolation(s, lawyer('petition.filed', '2025-04-01'), 'refiling_too_early');
    expect(describeProcedure(run(s, [lawyer('petition.filed', '2025-08-11')])).state).toBe('petitionFiled');
  });

  it('no mediation steps once the petition is filed', () => {
    const s = run(toRefusal(false), [lawyer('petition.filed', '2025-08-10')]);
    const r = expectNotAllowed(s, onClaim('v1', 'invitation.sent', '2025-08-11'));
    expect(r.allowed).toEqual(expect.arrayContaining(['hearing.scheduled', 'court.decided', 'case.withdrawn']));
  });
});

describe('the hearing: a tracked date with a reminder point', () => {
  const scheduled = (hearingDate: string) =>
    run(oneVictim(1000), [
      mediator('case.accepted', '2025-01-10'),
      onClaim('v1', 'invitation.sent', '2025-01-10'),
      onClaim('v1', 'invitation.refused', '2025-01-11'),
      lawyer('petition.filed', '2025-01-12'),
      lawyer('hearing.scheduled', '2025-01-13', { hearingDate }),
    ]);
  const sweeper = (at: string, hearingDate: string): ProcedureEvent => ({
    type: 'hearing.reminder',
    at,
    actor: 'system',
    hearingDate,
  });
  const hearingDeadlines = (s: ProcedureState) =>
    pendingDeadlines(s, deps).filter((d) => d.type === 'hearing.reminder');

  it('a scheduled hearing is a deadline of the case, due some days before it; none before it is scheduled', () => {
    const s = scheduled('2025-02-10');
    expect(hearingDeadlines(s)).toEqual([
      {
        key: 'v1:hearing:1:2025-02-10',
        type: 'hearing.reminder',
        claimId: null,
        dueDate: '2025-02-07',
        payload: { hearingDate: '2025-02-10' },
      },
    ]);
    expect(hearingDeadlines(run(oneVictim(1000), [mediator('case.accepted', '2025-01-10')]))).toEqual([]);
  });

  it('fires once: the reminder is recorded and the deadline is no longer awaited; a new date gets a new one', () => {
    let s = run(scheduled('2025-02-10'), [sweeper('2025-02-07', '2025-02-10')]);
    expect(describeProcedure(s).state).toBe('hearingScheduled');
    expect(hearingDeadlines(s)).toEqual([]);
    s = run(s, [court('hearing.scheduled', '2025-02-08', { hearingDate: '2025-03-03' })]);
    expect(hearingDeadlines(s).map((d) => [d.key, d.dueDate])).toEqual([['v1:hearing:1:2025-03-03', '2025-02-28']]);
  });

  it('a reminder for another date or after the hearing is refused (the sweeper then cancels it); none after the decision', () => {
    const s = scheduled('2025-02-10');
    expectViolation(s, sweeper('2025-02-07', '2025-02-11'), 'reminder_not_for_this_hearing', 'hearingDate');
    expectViolation(s, sweeper('2025-02-11', '2025-02-10'), 'reminder_not_for_this_hearing');
    const decided = run(s, [court('court.decided', '2025-02-10', { decision: 'refused', decisionDate: '2025-02-10' })]);
    expect(hearingDeadlines(decided)).toEqual([]);
  });

  it('users cannot record it', () => {
    expectViolation(
      scheduled('2025-02-10'),
      { ...sweeper('2025-02-07', '2025-02-10'), actor: 'court' },
      'role_not_allowed',
    );
  });
});

describe('the orchestrator’s vocabulary', () => {
  it('says which events are allowed when one is not', () => {
    const r = expectNotAllowed(oneVictim(), lawyer('petition.filed', '2025-01-10'));
    expect(r).toEqual({
      ok: false,
      error: 'event_not_allowed',
      event: 'petition.filed',
      caseState: 'applied',
      allowed: ['case.accepted', 'case.declined', 'case.withdrawn'],
    });
    // The orchestrator's internal cascade events cannot be sent from outside.
    expect(expectNotAllowed(oneVictim(), { type: 'claim.outcome', at: '2025-01-10', actor: 'system' })).toMatchObject({
      event: 'claim.outcome',
      caseState: 'applied',
    });
    const s = run(oneVictim(), [mediator('case.accepted', '2025-01-10')]);
    const r2 = expectNotAllowed(s, onClaim('v1', 'contract.signed', '2025-01-10', { contractDate: '2025-01-10' }));
    expect(r2).toEqual({
      ok: false,
      error: 'event_not_allowed',
      event: 'contract.signed',
      caseState: 'mediation',
      claimId: 'v1',
      claimState: { mediation: 'pending', restitution: null },
      allowed: ['case.withdrawn', 'invitation.sent'],
    });
  });

  it('names an unknown claim and a wrong role', () => {
    const s = run(oneVictim(), [mediator('case.accepted', '2025-01-10')]);
    expectViolation(s, onClaim('nope', 'invitation.sent', '2025-01-10'), 'unknown_claim', 'claimId');
    expectViolation(
      s,
      { ...onClaim('v1', 'invitation.sent', '2025-01-10'), actor: 'lawyer' },
      'role_not_allowed',
      'actor',
    );
    expectViolation(s, onClaim('v1', 'invitation.sent', '10.01.2025'), 'date_invalid', 'at');
  });

  it('declines and withdrawal need a reason and end the case', () => {
    expectViolation(oneVictim(), mediator('case.declined', '2025-01-10', { reason: ' ' }), 'reason_required');
    expect(
      describeProcedure(run(oneVictim(), [mediator('case.declined', '2025-01-10', { reason: 'conflict of interest' })]))
        .state,
    ).toBe('declined');
    const w = run(oneVictim(), [
      mediator('case.accepted', '2025-01-10'),
      onClaim('v1', 'invitation.sent', '2025-01-10'),
      lawyer('case.withdrawn', '2025-01-11', { reason: 'client changed his mind' }),
    ]);
    expect(describeProcedure(w)).toMatchObject({ state: 'withdrawn', nextEvents: [], claims: [{ nextEvents: [] }] });
    expect(pendingDeadlines(w, deps)).toEqual([]);
  });
});

describe('history replay', () => {
  it('replaying the same events from the initial state reproduces the same state', () => {
    const seed = {
      procedure: 'parole' as const,
      lifeImprisonment: false,
      claims: [{ id: 'v1', kind: 'victim' as const, awarded: tenge(200_000), recovered: 0 }],
    };
    const events: ProcedureEvent[] = [
      mediator('case.accepted', '2025-01-10'),
      onClaim('v1', 'invitation.sent', '2025-01-10'),
      system('v1', 'invitation.expired', '2025-01-21'),
      ...negotiating('v1', '2025-02-01'),
      onClaim('v1', 'agreement.signed', '2025-02-10', {
        signedBy: signed,
        terms: {
          paidBeforeHearing: tenge(50_000),
          waived: 0,
          instalments: { total: tenge(150_000), monthly: tenge(50_000), startsMonthAfterRelease: true, dayOfMonth: 31 },
        },
      }),
      pay('v1', '2025-02-11', tenge(50_000), 'A'),
      { ...pay('v1', '2025-02-11', tenge(50_000), 'A'), onRecord: { amount: tenge(50_000), date: '2025-02-11' } }, // a repeat, as the store passes it
      lawyer('petition.filed', '2025-02-12'),
      court('court.decided', '2025-03-01', { decision: 'parole', decisionDate: '2025-03-01' }),
      lawyer('convict.released', '2025-03-02', { releaseDate: '2025-03-02' }),
      system('v1', 'payment.overdue', '2025-05-01', { instalmentNo: 1 }),
      pay('v1', '2025-05-02', tenge(100_000), 'B'),
    ];
    const once = run(initialProcedure(seed), events);
    const twice = run(initialProcedure(seed), events);
    expect(twice).toEqual(once);
    expect(JSON.stringify(twice)).toBe(JSON.stringify(once));
    const schedule = once.claims.v1.restitution!.context.schedule;
    expect(schedule.map((r) => r.dueDate)).toEqual(['2025-04-30', '2025-05-31', '2025-06-30']);
    expect(describeProcedure(once).claims[0].restitution).toBe('current');
  });
});
