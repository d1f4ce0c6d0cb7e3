import { applyEvent, describeProcedure, initialProcedure, type ProcedureState } from '../../../machines/procedure';
import type { CaseApplication } from '../../../src/cases/domain/case-application';
import { accessKeysOf, conflictOfInterest, principalKey } from '../../../src/cases/domain/case-access';
import { deps, run, tenge } from '../machines/support';

const app = (over: Partial<CaseApplication> = {}): CaseApplication => ({
  procedure: 'parole',
  convict: { fullName: 'Серіков Болат', iin: '900101300017', institution: 'ВК-167/22' },
  sentence: {
    court: 'Усть-Каменогорский городской суд',
    date: '2022-03-15',
    articles: ['188'],
    term: { years: 6, months: 0, days: 0 },
    lifeImprisonment: false,
    startDate: '2022-01-10',
    gravity: 'grave',
    againstLifeOrHealth: false,
    pretrialDetentionDays: 0,
  },
  claims: [
    {
      id: 'v1',
      kind: 'victim',
      victim: {
        type: 'legal_entity',
        fullName: 'ТОО',
        bin: '150340001236',
        representative: { fullName: 'Петров', iin: '650707300018', basis: 'доверенность' },
      },
      amountAwarded: 100,
      amountRecovered: 0,
    },
  ],
  lawyer: { fullName: 'Иванов', userId: 'L1' },
  ...over,
});

describe('who sees a case: its access keys', () => {
  it('a new case: its lawyer, and the mediator it is addressed to', () => {
    expect(accessKeysOf(app({ mediator: { fullName: 'Касымова', userId: 'M1' } }))).toEqual([
      'lawyer:L1',
      'mediator:M1',
    ]);
    // A mediator named by name only (no account) gives no one access; neither does a lawyer without one.
    expect(accessKeysOf(app({ lawyer: { fullName: 'Иванов' }, mediator: { fullName: 'Касымова' } }))).toEqual([]);
  });

  it('defenders added, every court the petition was filed with, the supervising unit', () => {
    expect(
      accessKeysOf(
        app({
          defenders: [{ userId: 'L2', fullName: 'Сергеев' }],
          petitionCourtIds: ['C1', 'C2'],
          supervisionUnitId: 'U1',
        }),
      ),
    ).toEqual(['court:C1', 'court:C2', 'lawyer:L1', 'lawyer:L2', 'officer:U1']);
  });

  it('a user holds one key by his role: his own id, or his court or unit; an administrator none', () => {
    const p = (role: string, organisationId: string | null = null) =>
      principalKey({ role: role as never, userId: 'U', organisationId });
    expect(p('mediator', 'ORG')).toBe('mediator:U'); // the organisation of mediators gives no cases
    expect(p('lawyer')).toBe('lawyer:U');
    expect(p('court', 'C1')).toBe('court:C1');
    expect(p('officer', 'U1')).toBe('officer:U1');
    expect(p('court')).toBeNull();
    expect(p('officer')).toBeNull();
    expect(p('admin', 'C1')).toBeNull();
  });

  it('keys of one role never open another role: a court id used as a unit id opens nothing', () => {
    const keys = accessKeysOf(app({ petitionCourtIds: ['X'] }));
    expect(keys).toContain(principalKey({ role: 'court', userId: 'u', organisationId: 'X' }));
    expect(keys).not.toContain(principalKey({ role: 'officer', userId: 'u', organisationId: 'X' }));
  });
});

describe('conflict of interest: the mediator is never a defender or a party', () => {
  const base = app({ mediator: { fullName: 'Касымова', userId: 'M1' } });
  const rule = (r: ReturnType<typeof conflictOfInterest>) => r && { field: r.field, rule: r.rule };

  it('the same account as a defender', () => {
    expect(rule(conflictOfInterest(base, { userId: 'L1', iin: null }, [{ userId: 'L1', iin: null }]))).toEqual({
      field: 'mediator',
      rule: 'conflict_of_interest',
    });
  });

  it('the same ИИН as a defender, the convict or a victim’s representative', () => {
    const lawyers = [{ userId: 'L1', iin: '111111111111' }];
    for (const iin of ['111111111111', '900101300017', '650707300018'])
      expect(rule(conflictOfInterest(base, { userId: 'M1', iin }, lawyers))?.rule).toBe('conflict_of_interest');
  });

  it('none: another person, or a mediator without a known ИИН who is no defender', () => {
    const lawyers = [{ userId: 'L1', iin: '111111111111' }];
    expect(conflictOfInterest(base, { userId: 'M1', iin: '222222222222' }, lawyers)).toBeNull();
    expect(conflictOfInterest(base, { userId: 'M1', iin: null }, lawyers)).toBeNull();
    expect(conflictOfInterest(base, null, lawyers)).toBeNull();
  });

  it('the refusal never names the ИИН', () => {
    const r = conflictOfInterest(base, { userId: 'M1', iin: '900101300017' }, []);
    expect(r?.message).not.toContain('900101300017');
  });
});

describe('hand-over and defenders are events of the case that leave the procedure as it is', () => {
  const PEOPLE = [
    { type: 'mediator.assigned', actor: 'mediator', mediatorUserId: 'M2' },
    { type: 'mediator.assigned', actor: 'lawyer', mediatorUserId: 'M2' },
    { type: 'lawyer.added', actor: 'lawyer', lawyerUserId: 'L2' },
    { type: 'lawyer.replaced', actor: 'lawyer', lawyerUserId: 'L2' },
  ] as const;
  const fresh = () =>
    initialProcedure({
      procedure: 'parole',
      lifeImprisonment: false,
      claims: [{ id: 'v1', kind: 'victim', awarded: tenge(1000), recovered: 0 }],
    });
  const states: Record<string, ProcedureState> = {};
  const at = '2025-01-10';
  states.applied = fresh();
  states.mediation = run(fresh(), [{ type: 'case.accepted', at, actor: 'mediator' }]);
  states.readyForCourt = run(states.mediation, [
    { type: 'invitation.sent', claimId: 'v1', at, actor: 'mediator' },
    { type: 'invitation.refused', claimId: 'v1', at, actor: 'mediator' },
  ]);
  states.petitionFiled = run(states.readyForCourt, [{ type: 'petition.filed', at, actor: 'lawyer', courtId: 'C1' }]);
  states.refused = run(states.petitionFiled, [
    { type: 'court.decided', at, actor: 'court', decision: 'refused', decisionDate: at },
  ]);
  states.paroleGranted = run(states.petitionFiled, [
    { type: 'court.decided', at, actor: 'court', decision: 'parole', decisionDate: at },
  ]);

  it.each(Object.keys(states))('in %s: accepted, state and context unchanged, not listed as a next step', (name) => {
    const s = states[name];
    for (const e of PEOPLE) {
      const r = applyEvent(s, { ...e, at }, deps);
      expect(r).toMatchObject({ ok: true, changed: false, effects: [] });
      if (r.ok) expect(r.state).toEqual(s);
    }
    const next = describeProcedure(s).nextEvents;
    for (const e of PEOPLE) expect(next).not.toContain(e.type);
  });

  it('refused once the case is final, and by a role the catalogue does not name', () => {
    const withdrawn = run(fresh(), [{ type: 'case.withdrawn', at, actor: 'lawyer', reason: 'отозвано' }]);
    expect(applyEvent(withdrawn, { ...PEOPLE[0], at }, deps)).toMatchObject({ ok: false, error: 'event_not_allowed' });
    expect(applyEvent(fresh(), { ...PEOPLE[0], actor: 'court', at }, deps)).toMatchObject({
      ok: false,
      rule: 'role_not_allowed',
    });
    expect(applyEvent(fresh(), { ...PEOPLE[2], actor: 'mediator', at }, deps)).toMatchObject({
      ok: false,
      rule: 'role_not_allowed',
    });
  });
});
