/**
 * One application of a convict for mediation before the parole (or replacement, УК 73) petition
 * (DOMAIN.md §2 steps 1–2, 8–10). It learns claim outcomes and full payments from the orchestrator.
 */
import { and, assign, setup } from 'xstate';
import { addMonths, isLocalDate } from '../src/common/local-date';
import { petition } from '../src/law/legal-rules';
import {
  type CaseEvent,
  type Check,
  type ClaimOutcome,
  type CourtDecision,
  type LocalDate,
  firstViolation,
  isNonEmptyText,
} from './events';

export interface CaseInput {
  procedure: 'parole' | 'replacement';
  lifeImprisonment: boolean;
  claims: { id: string; outcome: ClaimOutcome | null }[];
}

export interface CaseClaim {
  outcome: ClaimOutcome | null;
  /** An agreement whose restitution is not yet paid in full. */
  owes: boolean;
}

export interface CaseContext {
  procedure: 'parole' | 'replacement';
  lifeImprisonment: boolean;
  claims: Record<string, CaseClaim>;
  acceptedOn: LocalDate | null;
  declineReason: string | null;
  petitions: number;
  petitionFiledOn: LocalDate | null;
  hearingDate: LocalDate | null;
  /** The hearing date whose reminder point has passed (hearing.reminder); absent in snapshots stored before it. */
  hearingRemindedFor?: LocalDate | null;
  decision: CourtDecision | null;
  decisionDate: LocalDate | null;
  /** After a refusal the petition may be filed again not earlier than this date (УИК 162 ч. 10). */
  refileNotBefore: LocalDate | null;
  releaseDate: LocalDate | null;
  closedOn: LocalDate | null;
  revocation: { decisionDate: LocalDate; ground: string } | null;
  withdrawal: { on: LocalDate; reason: string } | null;
}

type E<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>;
type C = CaseContext;

/** The re-filing period after a refusal, months (УИК 162 ч. 10): 6, or 36 for life imprisonment. */
export const refilingMonths = (c: Pick<CaseContext, 'lifeImprisonment'>): number =>
  c.lifeImprisonment ? petition.refilingAfterRefusalLifeMonths.value : petition.refilingAfterRefusalMonths.value;

export const everyClaimHasOutcome = (c: C): boolean => Object.values(c.claims).every((x) => x.outcome !== null);
export const nothingLeftToPay = (c: C): boolean => Object.values(c.claims).every((x) => !x.owes);

const DECISIONS: readonly string[] = ['parole', 'refused', 'replacement'];

type Checks = { [T in CaseEvent['type']]?: Check<C, E<T>>[] };
export const caseChecks: Checks = {
  'case.declined': [
    {
      field: 'reason',
      rule: 'reason_required',
      message: 'Укажите причину отказа медиатора от ведения дела',
      holds: (_c, e) => isNonEmptyText(e.reason),
    },
  ],
  'case.withdrawn': [
    {
      field: 'reason',
      rule: 'reason_required',
      message: 'Укажите причину отзыва заявления',
      holds: (_c, e) => isNonEmptyText(e.reason),
    },
  ],
  'petition.filed': [
    {
      field: 'at',
      rule: 'refiling_too_early',
      message:
        'После отказа в УДО ходатайство можно внести повторно не ранее чем через шесть месяцев (при пожизненном лишении свободы — три года) со дня постановления (УИК ст. 162 ч. 10)',
      holds: (c, e) => c.refileNotBefore === null || e.at >= c.refileNotBefore,
    },
  ],
  'hearing.scheduled': [
    {
      field: 'hearingDate',
      rule: 'hearing_date_invalid',
      message: 'Дата заседания должна быть календарной датой не раньше подачи ходатайства',
      holds: (c, e) => isLocalDate(e.hearingDate) && (c.petitionFiledOn === null || e.hearingDate >= c.petitionFiledOn),
    },
  ],
  'hearing.reminder': [
    {
      field: 'hearingDate',
      rule: 'reminder_not_for_this_hearing',
      message: 'Напоминание относится к другой дате заседания, или заседание уже прошло',
      holds: (c, e) => e.hearingDate === c.hearingDate && e.at <= e.hearingDate,
    },
  ],
  'court.decided': [
    {
      field: 'decision',
      rule: 'decision_invalid',
      message: 'Решение суда: parole, refused или replacement',
      holds: (_c, e) => DECISIONS.includes(e.decision),
    },
    {
      field: 'decision',
      rule: 'decision_not_for_procedure',
      message: 'По ходатайству о замене наказания (УК ст. 73) суд не освобождает условно-досрочно',
      holds: (c, e) => !(c.procedure === 'replacement' && e.decision === 'parole'),
    },
    {
      field: 'decisionDate',
      rule: 'decision_date_invalid',
      message: 'Дата постановления — не раньше подачи ходатайства и не позже сегодняшнего дня',
      holds: (c, e) =>
        isLocalDate(e.decisionDate) &&
        e.decisionDate <= e.at &&
        (c.petitionFiledOn === null || e.decisionDate >= c.petitionFiledOn),
    },
  ],
  'convict.released': [
    {
      field: 'releaseDate',
      rule: 'release_date_invalid',
      message: 'Дата освобождения — не раньше постановления суда и не позже сегодняшнего дня',
      holds: (c, e) =>
        isLocalDate(e.releaseDate) &&
        e.releaseDate <= e.at &&
        (c.decisionDate === null || e.releaseDate >= c.decisionDate),
    },
  ],
  'release.corrected': [
    {
      field: 'releaseDate',
      rule: 'release_date_invalid',
      message: 'Дата освобождения — не раньше постановления суда и не позже сегодняшнего дня',
      holds: (c, e) =>
        isLocalDate(e.releaseDate) &&
        e.releaseDate <= e.at &&
        (c.decisionDate === null || e.releaseDate >= c.decisionDate),
    },
    {
      field: 'releaseDate',
      rule: 'date_unchanged',
      message: 'Записана та же дата освобождения: исправлять нечего',
      holds: (c, e) => e.releaseDate !== c.releaseDate,
    },
    {
      field: 'reason',
      rule: 'reason_required',
      message: 'Укажите причину исправления',
      holds: (_c, e) => isNonEmptyText(e.reason),
    },
  ],
  'hearing.corrected': [
    {
      field: 'type',
      rule: 'hearing_not_recorded',
      message: 'Дата заседания не записана: исправлять нечего (назначение заседания — событие hearing.scheduled)',
      holds: (c) => c.hearingDate !== null,
    },
    {
      field: 'hearingDate',
      rule: 'hearing_date_invalid',
      message: 'Дата заседания должна быть календарной датой не раньше подачи ходатайства',
      holds: (c, e) => isLocalDate(e.hearingDate) && (c.petitionFiledOn === null || e.hearingDate >= c.petitionFiledOn),
    },
    {
      field: 'hearingDate',
      rule: 'date_unchanged',
      message: 'Записана та же дата заседания: исправлять нечего',
      holds: (c, e) => e.hearingDate !== c.hearingDate,
    },
    {
      field: 'reason',
      rule: 'reason_required',
      message: 'Укажите причину исправления',
      holds: (_c, e) => isNonEmptyText(e.reason),
    },
  ],
  'parole.revoked': [
    {
      field: 'type',
      rule: 'not_on_parole',
      message: 'Отменить можно только условно-досрочное освобождение (УК ст. 72 ч. 7)',
      holds: (c) => c.decision === 'parole',
    },
    {
      field: 'decisionDate',
      rule: 'decision_date_invalid',
      message: 'Дата постановления об отмене — не раньше освобождения и не позже сегодняшнего дня',
      holds: (c, e) =>
        isLocalDate(e.decisionDate) &&
        e.decisionDate <= e.at &&
        e.decisionDate >= (c.releaseDate ?? c.decisionDate ?? e.decisionDate),
    },
    {
      field: 'ground',
      rule: 'ground_required',
      message: 'Укажите основание отмены (УК ст. 72 ч. 7 п. 1–3)',
      holds: (_c, e) => isNonEmptyText(e.ground),
    },
  ],
};

const allHold =
  (type: CaseEvent['type']) =>
  ({ context, event }: { context: C; event: CaseEvent }): boolean =>
    event.type === type && firstViolation(caseChecks[type] as Check<C, CaseEvent>[], context, event) === undefined;

const withOutcome = (c: C, e: E<'claim.outcome'>): C['claims'] => ({
  ...c.claims,
  [e.claimId]: { outcome: e.outcome, owes: e.owes },
});

/**
 * Hand-over of the case and its defenders (DOMAIN.md §5): accepted in every non-final state, the procedure state
 * and its context unchanged (the service amends the application, which says who sees the case).
 */
const PEOPLE = {
  'mediator.assigned': { actions: 'peopleChanged' },
  'lawyer.added': { actions: 'peopleChanged' },
  'lawyer.replaced': { actions: 'peopleChanged' },
} as const;
/** Not steps of the procedure: possible in every non-final state, so `nextEvents` and `allowed` do not list them. */
export const PEOPLE_EVENTS: readonly string[] = Object.keys(PEOPLE);
/** A hearing date recorded wrongly, corrected (not a postponement: that is hearing.scheduled again). */
const hearingCorrection = { guard: 'hearingCorrectionIsLawful', actions: 'recordHearing' } as const;

export const caseMachine = setup({
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- XState infers the machine's types from this assertion
  types: {} as { context: CaseContext; events: CaseEvent; input: CaseInput },
  guards: {
    everyClaimHasOutcome: ({ context }) => everyClaimHasOutcome(context),
    isLastOutcome: ({ context, event }) =>
      event.type === 'claim.outcome' && Object.values(withOutcome(context, event)).every((x) => x.outcome !== null),
    reasonIsGiven: allHold('case.declined'),
    withdrawalReasonIsGiven: allHold('case.withdrawn'),
    refilingPeriodIsOver: allHold('petition.filed'),
    hearingDateIsValid: allHold('hearing.scheduled'),
    reminderIsForTheHearing: allHold('hearing.reminder'),
    decisionIsLawful: allHold('court.decided'),
    courtGrantedParole: ({ event }) => event.type === 'court.decided' && event.decision === 'parole',
    courtRefused: ({ event }) => event.type === 'court.decided' && event.decision === 'refused',
    courtReplacedPunishment: ({ event }) => event.type === 'court.decided' && event.decision === 'replacement',
    releaseIsLawful: allHold('convict.released'),
    releaseCorrectionIsLawful: allHold('release.corrected'),
    hearingCorrectionIsLawful: allHold('hearing.corrected'),
    nothingLeftToPay: ({ context }) => nothingLeftToPay(context),
    isLastPayment: ({ context, event }) =>
      event.type === 'restitution.paid' &&
      Object.entries(context.claims).every(([id, x]) => id === event.claimId || !x.owes),
    revocationIsLawful: allHold('parole.revoked'),
  },
  actions: {
    /** The people of the case changed (mediator, lawyers): the service keeps them; the procedure stays as it is. */
    peopleChanged: () => undefined,
    recordAcceptance: assign({ acceptedOn: ({ event }) => event.at }),
    recordDecline: assign({ declineReason: ({ event }) => (event as E<'case.declined'>).reason }),
    recordWithdrawal: assign({
      withdrawal: ({ event }) => ({ on: event.at, reason: (event as E<'case.withdrawn'>).reason }),
    }),
    recordOutcome: assign({ claims: ({ context, event }) => withOutcome(context, event as E<'claim.outcome'>) }),
    reopenClaim: assign({
      claims: ({ context, event }) => {
        const id = (event as E<'claim.reopened'>).claimId;
        return { ...context.claims, [id]: { outcome: null, owes: false } };
      },
    }),
    recordPaid: assign({
      claims: ({ context, event }) => {
        const id = (event as E<'restitution.paid'>).claimId;
        return { ...context.claims, [id]: { ...context.claims[id], owes: false } };
      },
    }),
    recordPetition: assign({
      petitions: ({ context }) => context.petitions + 1,
      petitionFiledOn: ({ event }) => event.at,
      hearingDate: null,
      decision: null,
      decisionDate: null,
    }),
    recordHearing: assign({
      hearingDate: ({ event }) => (event as E<'hearing.scheduled' | 'hearing.corrected'>).hearingDate,
    }),
    recordReminder: assign({ hearingRemindedFor: ({ event }) => (event as E<'hearing.reminder'>).hearingDate }),
    recordDecision: assign(({ context, event }) => {
      const e = event as E<'court.decided'>;
      const months = refilingMonths(context);
      return {
        decision: e.decision,
        decisionDate: e.decisionDate,
        // the re-filing period's end moves off a non-working day (ГК 175: `termEnd`, counted by the orchestrator)
        refileNotBefore: e.decision === 'refused' ? (e.termEnd ?? addMonths(e.decisionDate, months)) : null,
      };
    }),
    recordRelease: assign({
      releaseDate: ({ event }) => (event as E<'convict.released' | 'release.corrected'>).releaseDate,
    }),
    recordClosing: assign({ closedOn: ({ event }) => event.at }),
    recordRevocation: assign({
      revocation: ({ event }) => {
        const e = event as E<'parole.revoked'>;
        return { decisionDate: e.decisionDate, ground: e.ground };
      },
    }),
  },
}).createMachine({
  id: 'case',
  context: ({ input }) => ({
    procedure: input.procedure,
    lifeImprisonment: input.lifeImprisonment,
    claims: Object.fromEntries(input.claims.map((c) => [c.id, { outcome: c.outcome, owes: false }])),
    acceptedOn: null,
    declineReason: null,
    petitions: 0,
    petitionFiledOn: null,
    hearingDate: null,
    hearingRemindedFor: null,
    decision: null,
    decisionDate: null,
    refileNotBefore: null,
    releaseDate: null,
    closedOn: null,
    revocation: null,
    withdrawal: null,
  }),
  initial: 'applied',
  states: {
    /** Screening by the mediator: conflict of interest, mediability (DOMAIN.md §2 step 2). */
    applied: {
      on: {
        ...PEOPLE,
        'case.accepted': [
          { guard: 'everyClaimHasOutcome', target: 'readyForCourt', actions: 'recordAcceptance' },
          { target: 'mediation', actions: 'recordAcceptance' },
        ],
        'case.declined': { guard: 'reasonIsGiven', target: 'declined', actions: 'recordDecline' },
        'case.withdrawn': { guard: 'withdrawalReasonIsGiven', target: 'withdrawn', actions: 'recordWithdrawal' },
      },
    },
    declined: { type: 'final' },
    // In every stage before release, a claim paid in full (e.g. before the hearing) is recorded (restitution.paid).
    /** Each claim is mediated with its own victim; the case waits until every claim has an outcome. */
    mediation: {
      on: {
        ...PEOPLE,
        'restitution.paid': { actions: 'recordPaid' },
        'claim.outcome': [
          {
            guard: 'isLastOutcome',
            target: 'readyForCourt',
            actions: 'recordOutcome',
          },
          { actions: 'recordOutcome' },
        ],
        'claim.reopened': { actions: 'reopenClaim' },
        'case.withdrawn': { guard: 'withdrawalReasonIsGiven', target: 'withdrawn', actions: 'recordWithdrawal' },
      },
    },
    /** Every claim has an outcome the lawyer can attach to the convict's petition (УПК 480). */
    readyForCourt: {
      on: {
        ...PEOPLE,
        'restitution.paid': { actions: 'recordPaid' },
        'petition.filed': { guard: 'refilingPeriodIsOver', target: 'petitionFiled', actions: 'recordPetition' },
        'claim.reopened': { target: 'mediation', actions: 'reopenClaim' },
        'case.withdrawn': { guard: 'withdrawalReasonIsGiven', target: 'withdrawn', actions: 'recordWithdrawal' },
      },
    },
    petitionFiled: {
      on: {
        ...PEOPLE,
        'restitution.paid': { actions: 'recordPaid' },
        'hearing.scheduled': { guard: 'hearingDateIsValid', target: 'hearingScheduled', actions: 'recordHearing' },
        'court.decided': decided(),
        'case.withdrawn': { guard: 'withdrawalReasonIsGiven', target: 'withdrawn', actions: 'recordWithdrawal' },
      },
    },
    hearingScheduled: {
      on: {
        ...PEOPLE,
        'restitution.paid': { actions: 'recordPaid' },
        'hearing.scheduled': { guard: 'hearingDateIsValid', actions: 'recordHearing' },
        'hearing.corrected': hearingCorrection,
        'hearing.reminder': { guard: 'reminderIsForTheHearing', actions: 'recordReminder' },
        'court.decided': decided(),
        'case.withdrawn': { guard: 'withdrawalReasonIsGiven', target: 'withdrawn', actions: 'recordWithdrawal' },
      },
    },
    /** Parole granted; the agreement takes effect on release. */
    paroleGranted: {
      on: {
        ...PEOPLE,
        'restitution.paid': { actions: 'recordPaid' },
        'convict.released': [
          {
            guard: and(['releaseIsLawful', 'nothingLeftToPay']),
            target: 'closed',
            actions: ['recordRelease', 'recordClosing'],
          },
          { guard: 'releaseIsLawful', target: 'restitution', actions: 'recordRelease' },
        ],
        'parole.revoked': { guard: 'revocationIsLawful', target: 'revoked', actions: 'recordRevocation' },
        'hearing.corrected': hearingCorrection,
      },
    },
    /** Replaced with a milder punishment (УК 73): restitution applies as after parole. */
    replaced: {
      on: {
        ...PEOPLE,
        'restitution.paid': { actions: 'recordPaid' },
        'convict.released': [
          {
            guard: and(['releaseIsLawful', 'nothingLeftToPay']),
            target: 'closed',
            actions: ['recordRelease', 'recordClosing'],
          },
          { guard: 'releaseIsLawful', target: 'restitution', actions: 'recordRelease' },
        ],
        'hearing.corrected': hearingCorrection,
      },
    },
    /** Refused: the petition may be filed again after the waiting period; mediation may be re-opened meanwhile. */
    refused: {
      on: {
        ...PEOPLE,
        'restitution.paid': { actions: 'recordPaid' },
        'petition.filed': { guard: 'refilingPeriodIsOver', target: 'petitionFiled', actions: 'recordPetition' },
        'claim.reopened': { target: 'mediation', actions: 'reopenClaim' },
        'case.withdrawn': { guard: 'withdrawalReasonIsGiven', target: 'withdrawn', actions: 'recordWithdrawal' },
        'hearing.corrected': hearingCorrection,
      },
    },
    /** Released; instalments are paid under police (or probation) supervision (УИК 169). */
    restitution: {
      on: {
        ...PEOPLE,
        'restitution.paid': [
          { guard: 'isLastPayment', target: 'closed', actions: ['recordPaid', 'recordClosing'] },
          { actions: 'recordPaid' },
        ],
        'parole.revoked': { guard: 'revocationIsLawful', target: 'revoked', actions: 'recordRevocation' },
        // Corrections of facts recorded wrongly (the history keeps both): the restitutions follow the release date.
        'release.corrected': { guard: 'releaseCorrectionIsLawful', actions: 'recordRelease' },
        'hearing.corrected': hearingCorrection,
      },
    },
    /** Every agreement performed: certificate of full payment. */
    closed: { type: 'final' },
    revoked: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});

function decided() {
  return [
    { guard: and(['decisionIsLawful', 'courtGrantedParole']), target: 'paroleGranted', actions: 'recordDecision' },
    { guard: and(['decisionIsLawful', 'courtRefused']), target: 'refused', actions: 'recordDecision' },
    { guard: and(['decisionIsLawful', 'courtReplacedPunishment']), target: 'replaced', actions: 'recordDecision' },
  ] as const;
}
