import { applyEvent, CASE_STATES, initialProcedure, MEDIATION_STATES, RESTITUTION_STATES } from '../../machines';
import { caseMachine } from '../../machines/case.machine';
import { claimMediationMachine } from '../../machines/claim-mediation.machine';
import { restitutionMachine } from '../../machines/restitution.machine';
import { DomainError } from '../../src/common/domain-error';
import { refusalError } from '../../src/cases/refusal';
import { caseStateLabel, claimStateLabel, stateLabel } from '../../src/cases/state-labels';
import { deps } from './machines/support';

describe('state names in messages', () => {
  it('the typed state lists are exactly the machines’ states', () => {
    expect([...CASE_STATES].sort()).toEqual(Object.keys(caseMachine.root.states).sort());
    expect([...MEDIATION_STATES].sort()).toEqual(Object.keys(claimMediationMachine.root.states).sort());
    expect([...RESTITUTION_STATES].sort()).toEqual(Object.keys(restitutionMachine.root.states).sort());
  });

  it('names the case state in Russian and in Kazakh', () => {
    expect(caseStateLabel('readyForCourt')).toBe('медиация завершена, дело готово для суда');
    expect(caseStateLabel('readyForCourt', 'kk')).toBe('медиация аяқталды, іс сотқа дайын');
    expect(caseStateLabel('paroleGranted')).toBe('суд освободил условно-досрочно, освобождение ожидается');
  });

  it('names the claim: its mediation, and its restitution once agreed', () => {
    expect(claimStateLabel({ mediation: 'invited', restitution: null })).toBe('приглашение направлено, ответа нет');
    expect(claimStateLabel({ mediation: 'agreed', restitution: 'inArrears' })).toBe(
      'соглашение подписано, возмещение: платёж по графику просрочен',
    );
    expect(claimStateLabel({ mediation: 'agreed', restitution: 'inArrears' }, 'kk')).toBe(
      'келісімге қол қойылды, өтеу: кесте бойынша төлем мерзімі өтіп кетті',
    );
    expect(stateLabel({ caseState: 'mediation', claimState: { mediation: 'pending', restitution: null } })).toBe(
      'идёт медиация; по этому требованию: потерпевший ещё не приглашён',
    );
    expect(stateLabel({ caseState: 'mediation', claimState: { mediation: 'pending', restitution: null } }, 'kk')).toBe(
      'медиация жүріп жатыр; осы талап бойынша: жәбірленуші әлі шақырылған жоқ',
    );
  });

  it('every state has a label of its own in both languages', () => {
    for (const lang of ['ru', 'kk'] as const) {
      const cases = CASE_STATES.map((s) => caseStateLabel(s, lang));
      const claims = MEDIATION_STATES.map((m) => claimStateLabel({ mediation: m, restitution: null }, lang));
      const restitutions = RESTITUTION_STATES.map((r) =>
        claimStateLabel({ mediation: 'agreed', restitution: r }, lang),
      );
      for (const list of [cases, claims, restitutions]) {
        expect(new Set(list).size).toBe(list.length);
        for (const label of list) expect(label).toMatch(lang === 'kk' ? /^[а-яёәғқңөұүһі ,:;-]+$/ : /^[а-яё ,:;-]+$/);
      }
    }
  });
});

describe('refusalError: a refused event as a DomainError', () => {
  const s = initialProcedure({
    procedure: 'parole',
    lifeImprisonment: false,
    claims: [{ id: 'v1', kind: 'victim', awarded: 100_000, recovered: 0 }],
  });
  const accepted = applyEvent(s, { type: 'case.accepted', at: '2025-01-10', actor: 'mediator' }, deps);
  if (!accepted.ok) throw new Error('case.accepted refused');

  it('a claim event in the wrong claim state: 409 with the structured states and what is allowed', () => {
    const r = applyEvent(
      accepted.state,
      { type: 'contract.signed', claimId: 'v1', at: '2025-01-10', actor: 'mediator', contractDate: '2025-01-10' },
      deps,
    );
    if (r.ok) throw new Error('expected a refusal');
    const e = refusalError(r);
    expect(e).toBeInstanceOf(DomainError);
    expect(e.code).toBe('event_not_allowed');
    expect(e.message).toBe(
      'Событие «contract.signed» сейчас недопустимо: идёт медиация; по этому требованию: потерпевший ещё не приглашён',
    );
    expect(e.details).toEqual({
      state: 'mediation (claim v1: pending)',
      caseState: 'mediation',
      claimId: 'v1',
      claimState: { mediation: 'pending', restitution: null },
      allowed: ['case.withdrawn', 'invitation.sent'],
    });
  });

  it('a case event: the case state only', () => {
    const r = applyEvent(s, { type: 'petition.filed', at: '2025-01-10', actor: 'lawyer' }, deps);
    if (r.ok) throw new Error('expected a refusal');
    expect(refusalError(r).details).toEqual({
      state: 'applied',
      caseState: 'applied',
      allowed: ['case.accepted', 'case.declined', 'case.withdrawn'],
    });
  });

  it('a failed legal condition: rule_violation naming the field and the rule', () => {
    const r = applyEvent(s, { type: 'case.declined', at: '2025-01-10', actor: 'mediator', reason: ' ' }, deps);
    if (r.ok) throw new Error('expected a refusal');
    const e = refusalError(r);
    expect(e.code).toBe('rule_violation');
    expect(e.details).toEqual({
      errors: [
        { field: 'reason', rule: 'reason_required', message: 'Укажите причину отказа медиатора от ведения дела' },
      ],
    });
  });
});
