/**
 * Mediation of one civil claim with its own victim (DOMAIN.md §2 steps 3–7; Law on Mediation arts. 20, 23, 26, 27).
 * Each victim decides for himself; the case machine learns the outcome from the orchestrator.
 * Deadlines are data (replyBy, termEndsOn): the service's sweeper sends invitation.expired / term.expired.
 */
import { assign, setup } from 'xstate';
import { addDays, isLocalDate } from '../src/common/local-date';
import { mediation } from '../src/law/legal-rules';
import { IBAN_MAX_LENGTH, isValidIban } from '../src/restitution/domain/iban';
import { instalmentTermsProblems } from '../src/restitution/domain/instalment-terms';
import {
  type AgreementTerms,
  type Check,
  firstViolation,
  type ClaimMediationEvent,
  type ClaimOutcome,
  type LocalDate,
  type MediationLanguage,
  type MeetingForm,
  type Party,
  type PaymentDetails,
  type TerminationReason,
  type Tiyn,
  isTiyn,
} from './events';
import { type IssuedDocumentKind, documentIssueAction } from './effects';

export interface ClaimMediationInput {
  claimId: string;
  kind: 'victim' | 'state';
  /** awarded − recovered, tiyn. */
  outstanding: Tiyn;
}

/** The terms of the mediation contract that vary per case (ЗМед ст. 21); null = not recorded. */
export interface ContractTerms {
  date: LocalDate;
  /** Tiyn; 0 = free of charge (ЗМед ст. 22), null = not recorded. */
  fee: Tiyn | null;
  language: MediationLanguage | null;
  meetingForms: MeetingForm[] | null;
}

export interface ClaimMediationContext extends ClaimMediationInput {
  invitations: number;
  invitedOn: LocalDate | null;
  /** The reply period the invitation states, calendar days (absent in snapshots stored before it existed). */
  replyDays?: number | null;
  /** The last day to answer: invitedOn + replyDays, moved off a non-working day (ГК 175). */
  replyBy: LocalDate | null;
  acceptedOn: LocalDate | null;
  contractDate: LocalDate | null;
  /** Absent in snapshots stored before it existed: read as null. */
  contract?: ContractTerms | null;
  termEndsOn: LocalDate | null;
  extensions: number;
  /** Only a count: what is said in a session is confidential (ЗМед ст. 8) and never stored. */
  sessions: number;
  outcome: ClaimOutcome | null;
  outcomeOn: LocalDate | null;
  terminationReason: TerminationReason | 'expiry' | null;
  /** Who refused to continue, when the reason is 'refusal_of_party' (ЗМед ст. 26 п. 4). */
  refusingParty?: Party | null;
  agreement: { signedOn: LocalDate; terms: AgreementTerms } | null;
}

type E<T extends ClaimMediationEvent['type']> = Extract<ClaimMediationEvent, { type: T }>;
type C = ClaimMediationContext;

const TERMINATION_REASONS: readonly string[] = ['impossible', 'refusal_of_parties', 'refusal_of_party', 'other'];
const PARTIES: readonly string[] = ['victim', 'convict'];
const LANGUAGES: readonly string[] = ['kk', 'ru'];
const MEETING_FORMS: readonly string[] = ['in_person', 'video', 'phone'];
const PAYMENT_METHODS: readonly string[] = ['bank_transfer', 'cash_receipt', 'bailiff'];
const BANK_NAME_MAX_LENGTH = 200;

const meetingFormsValid = (forms: unknown): boolean =>
  Array.isArray(forms) &&
  forms.length > 0 &&
  forms.every((f: unknown) => typeof f === 'string' && MEETING_FORMS.includes(f)) &&
  new Set(forms).size === forms.length;

const paymentDetailsValid = (p: PaymentDetails): boolean =>
  PAYMENT_METHODS.includes(p.method) &&
  (p.account === undefined ||
    (typeof p.account === 'string' && p.account.length <= IBAN_MAX_LENGTH && isValidIban(p.account))) &&
  (p.bank === undefined ||
    (typeof p.bank === 'string' && p.bank.trim().length > 0 && p.bank.length <= BANK_NAME_MAX_LENGTH)) &&
  (p.bankId === undefined || (typeof p.bankId === 'string' && p.bankId.length > 0 && p.bankId.length <= 36));

const instalmentsTotal = (t: AgreementTerms): number => t.instalments?.total ?? 0;

/** Everything a mediation round records, as it stands before the victim has answered an invitation. */
const NO_ROUND_YET = {
  acceptedOn: null,
  contractDate: null,
  contract: null,
  termEndsOn: null,
  extensions: 0,
  sessions: 0,
  outcomeOn: null,
  terminationReason: null,
  refusingParty: null,
} as const;

const withinTerm = (c: C, e: { at: LocalDate }) => c.termEndsOn !== null && e.at <= c.termEndsOn;

/**
 * The legal conditions per event type, in the order they are reported. Each event type has one guard named in
 * the domain's words; it holds when all its checks hold (the orchestrator names the first that fails).
 */
type Checks = { [T in ClaimMediationEvent['type']]?: Check<C, E<T>>[] };
export const claimMediationChecks: Checks = {
  'invitation.sent': [
    {
      field: 'replyDays',
      rule: 'reply_days_invalid',
      message: 'Срок ответа на приглашение должен быть целым положительным числом дней',
      holds: (_c, e) => e.replyDays === undefined || (Number.isSafeInteger(e.replyDays) && e.replyDays > 0),
    },
  ],
  'invitation.accepted': [
    {
      field: 'at',
      rule: 'reply_window_closed',
      message: 'Согласие получено после срока ответа: предложение о медиации считается отклонённым (ЗМед ст. 20 п. 6)',
      holds: (c, e) => c.replyBy !== null && e.at <= c.replyBy,
    },
  ],
  'invitation.expired': [
    {
      field: 'at',
      rule: 'reply_window_open',
      message: 'Срок ответа на приглашение ещё не истёк',
      holds: (c, e) => c.replyBy !== null && e.at > c.replyBy,
    },
  ],
  'contract.signed': [
    {
      field: 'contractDate',
      rule: 'contract_date_invalid',
      message: 'Дата договора о медиации должна быть не раньше согласия на медиацию и не позже сегодняшнего дня',
      holds: (c, e) =>
        isLocalDate(e.contractDate) &&
        e.contractDate <= e.at &&
        (c.acceptedOn === null || e.contractDate >= c.acceptedOn),
    },
    {
      field: 'fee',
      rule: 'fee_not_tiyn',
      message:
        'Вознаграждение медиатора указывается целым неотрицательным числом тиын; 0 — медиация без вознаграждения (ЗМед ст. 21, 22)',
      holds: (_c, e) => e.fee === undefined || isTiyn(e.fee),
    },
    {
      field: 'language',
      rule: 'language_invalid',
      message: 'Язык медиации: kk (казахский) или ru (русский) (ЗМед ст. 21)',
      holds: (_c, e) => e.language === undefined || LANGUAGES.includes(e.language),
    },
    {
      field: 'meetingForms',
      rule: 'meeting_forms_invalid',
      message: 'Формы встреч: непустой список без повторов из in_person, video, phone (ЗМед ст. 17)',
      holds: (_c, e) => e.meetingForms === undefined || meetingFormsValid(e.meetingForms),
    },
  ],
  'session.held': [
    {
      field: 'at',
      rule: 'mediation_term_over',
      message: 'Срок медиации истёк (ЗМед ст. 20 п. 9, ст. 23)',
      holds: withinTerm,
    },
  ],
  'term.extended': [
    {
      field: 'type',
      rule: 'extension_already_used',
      message: 'Срок медиации можно продлить только один раз (ЗМед ст. 23 п. 2)',
      holds: (c) => c.extensions < mediation.maxExtensions.value,
    },
    {
      field: 'days',
      rule: 'extension_too_long',
      message: `Продление — не более чем на ${mediation.maxExtensionDays.value} календарных дней (ЗМед ст. 23 п. 2)`,
      holds: (_c, e) => Number.isSafeInteger(e.days) && e.days > 0 && e.days <= mediation.maxExtensionDays.value,
    },
    {
      field: 'at',
      rule: 'mediation_term_over',
      message: 'Продлить можно только до окончания срока медиации',
      holds: withinTerm,
    },
  ],
  'term.expired': [
    {
      field: 'at',
      rule: 'term_not_over',
      message: 'Срок медиации ещё не истёк',
      holds: (c, e) => c.termEndsOn !== null && e.at > c.termEndsOn,
    },
  ],
  'agreement.signed': [
    {
      field: 'signedBy.mediator',
      rule: 'mediator_signature_required',
      message: 'Соглашение об урегулировании спора должно быть подписано медиатором (ЗМед ст. 27 п. 2)',
      holds: (_c, e) => e.signedBy?.mediator === true,
    },
    {
      field: 'signedBy',
      rule: 'party_signature_required',
      message: 'Соглашение должно быть подписано потерпевшим и осуждённым (ЗМед ст. 27 п. 1)',
      holds: (_c, e) => e.signedBy?.victim === true && e.signedBy?.convict === true,
    },
    {
      field: 'terms',
      rule: 'amount_not_tiyn',
      message: 'Суммы указываются целым неотрицательным числом тиын',
      holds: (_c, e) =>
        isTiyn(e.terms?.paidBeforeHearing) &&
        isTiyn(e.terms?.waived) &&
        (e.terms.instalments === undefined ||
          (isTiyn(e.terms.instalments.total) && isTiyn(e.terms.instalments.monthly))),
    },
    {
      field: 'terms',
      rule: 'amounts_do_not_add_up',
      message: 'Оплата до заседания, прощённая часть и рассрочка в сумме должны равняться непогашенному остатку иска',
      holds: (c, e) => e.terms.paidBeforeHearing + e.terms.waived + instalmentsTotal(e.terms) === c.outstanding,
    },
    {
      field: 'terms.paidBeforeHearingBy',
      rule: 'pre_hearing_date_invalid',
      message:
        'Срок оплаты до заседания — календарная дата не раньше соглашения, и только если такая оплата предусмотрена',
      holds: (_c, e) =>
        e.terms.paidBeforeHearingBy === undefined ||
        (e.terms.paidBeforeHearing > 0 &&
          isLocalDate(e.terms.paidBeforeHearingBy) &&
          e.terms.paidBeforeHearingBy >= e.at),
    },
    {
      field: 'terms.assumedReleaseDate',
      rule: 'assumed_release_date_invalid',
      message:
        'Предполагаемая дата освобождения — календарная дата не раньше соглашения, и только при рассрочке со следующего месяца после освобождения',
      holds: (_c, e) =>
        e.terms.assumedReleaseDate === undefined ||
        (isLocalDate(e.terms.assumedReleaseDate) &&
          e.terms.assumedReleaseDate >= e.at &&
          e.terms.instalments !== undefined &&
          e.terms.instalments.firstDueDate === undefined),
    },
    {
      field: 'terms.instalments',
      rule: 'instalment_terms_invalid',
      message:
        'Рассрочка: ежемесячный платёж больше нуля, число месяца 1–31, дата первого платежа не раньше соглашения или «со следующего месяца после освобождения»',
      holds: (_c, e) => {
        const i = e.terms.instalments;
        return (
          i === undefined ||
          i.total === 0 ||
          instalmentTermsProblems(i, { notBefore: e.at, startRequired: true }).length === 0
        );
      },
    },
    {
      field: 'terms.paymentDetails',
      rule: 'payment_details_invalid',
      message:
        'Способ оплаты: bank_transfer, cash_receipt или bailiff; счёт — IBAN потерпевшего (не длиннее 34 знаков, с верными контрольными цифрами); банк — до 200 знаков',
      holds: (_c, e) => e.terms.paymentDetails === undefined || paymentDetailsValid(e.terms.paymentDetails),
    },
    {
      field: 'terms.paymentDetails',
      rule: 'account_only_for_bank_transfer',
      message: 'Счёт и банк потерпевшего указываются только при оплате банковским переводом',
      holds: (_c, e) => {
        const p = e.terms.paymentDetails;
        return (
          p === undefined ||
          p.method === 'bank_transfer' ||
          (p.account === undefined && p.bank === undefined && p.bankId === undefined)
        );
      },
    },
    {
      field: 'at',
      rule: 'mediation_term_over',
      message: 'Срок медиации истёк: соглашение в рамках этой медиации уже не заключить',
      holds: withinTerm,
    },
  ],
  'mediation.terminated': [
    {
      field: 'reason',
      rule: 'termination_reason_invalid',
      message: 'Основание прекращения: impossible, refusal_of_parties, refusal_of_party или other (ЗМед ст. 26)',
      holds: (_c, e) => TERMINATION_REASONS.includes(e.reason),
    },
    {
      field: 'party',
      rule: 'refusing_party_required',
      message:
        'При письменном отказе одной из Сторон (ЗМед ст. 26 п. 4) укажите, кто отказался: victim (потерпевший) или convict (осуждённый)',
      holds: (_c, e) => e.reason !== 'refusal_of_party' || PARTIES.includes(e.party as string),
    },
    {
      field: 'party',
      rule: 'party_not_applicable',
      message: 'Отказавшуюся Сторону указывают только при отказе одной из Сторон (reason = refusal_of_party)',
      holds: (_c, e) => e.reason === 'refusal_of_party' || e.party === undefined,
    },
  ],
};

/** A guard that holds when every check of the event type holds. */
const allHold =
  (type: ClaimMediationEvent['type']) =>
  ({ context, event }: { context: C; event: ClaimMediationEvent }): boolean =>
    event.type === type &&
    firstViolation(claimMediationChecks[type] as Check<C, ClaimMediationEvent>[], context, event) === undefined;

const claimMediation = setup({
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- XState infers the machine's types from this assertion
  types: {} as { context: ClaimMediationContext; events: ClaimMediationEvent; input: ClaimMediationInput },
  guards: {
    isStateClaim: ({ context }) => context.kind === 'state',
    replyPeriodIsValid: allHold('invitation.sent'),
    withinReplyWindow: allHold('invitation.accepted'),
    replyWindowIsOver: allHold('invitation.expired'),
    contractIsValid: allHold('contract.signed'),
    withinMediationTerm: allHold('session.held'),
    extensionIsAllowed: allHold('term.extended'),
    mediationTermIsOver: allHold('term.expired'),
    /** Signed by the mediator and both parties (ЗМед ст. 27), amounts add up to the outstanding claim. */
    agreementIsLawful: allHold('agreement.signed'),
    terminationIsGrounded: allHold('mediation.terminated'),
  },
  actions: {
    invite: assign(({ context, event }) => {
      const e = event as E<'invitation.sent'>;
      return {
        invitations: context.invitations + 1,
        invitedOn: e.at,
        // Silence for 10 calendar days (or the period the invitation states) counts as a refusal (ЗМед ст. 20 п. 6);
        // the last day moves off a non-working day (ГК 175: `termEnd`, counted by the orchestrator).
        replyDays: e.replyDays ?? mediation.invitationReplyDays.value,
        replyBy: e.termEnd ?? addDays(e.at, e.replyDays ?? mediation.invitationReplyDays.value),
        ...NO_ROUND_YET,
        outcome: null,
      };
    }),
    // Mediation starts on the day the contract is signed (ЗМед ст. 20 п. 5) and lasts 30 days (ст. 23 п. 1).
    recordContract: assign(({ event }) => {
      const e = event as E<'contract.signed'>;
      return {
        contractDate: e.contractDate,
        contract: copyContract(e),
        termEndsOn: e.termEnd ?? addDays(e.contractDate, mediation.termDays.value),
      };
    }),
    recordOutcome: assign(
      ({ event }, params: { outcome: ClaimOutcome; reason?: TerminationReason | 'expiry'; party?: Party }) => ({
        outcome: params.outcome,
        outcomeOn: event.at,
        terminationReason: params.reason ?? null,
        refusingParty: params.party ?? null,
      }),
    ),
    /** An effect (effects.ts): the document the event issues. */
    'document.issue': documentIssueAction,
  },
});

// ── transitions shared by several states ─────────────────────────────────────────────────────────────────
/** The document an event issues for this claim, dated the day of the event. */
const issue = (kind: IssuedDocumentKind) =>
  ({
    type: 'document.issue',
    params: ({ context, event }: { context: C; event: ClaimMediationEvent }) => ({
      kind,
      claimId: context.claimId,
      on: event.at,
    }),
  }) as const;
/** An invitation (again, after a refusal, silence or termination): a new round with its own reply period. */
const invitation = {
  guard: 'replyPeriodIsValid',
  target: 'invited',
  actions: ['invite', issue('invitation')],
} as const;
const refusal = {
  target: 'refused',
  actions: [{ type: 'recordOutcome', params: { outcome: 'refused' } }, issue('termination-notice')],
} as const;

export const claimMediationMachine = claimMediation.createMachine({
  id: 'claimMediation',
  context: ({ input }) => ({
    ...input,
    invitations: 0,
    invitedOn: null,
    replyDays: null,
    replyBy: null,
    ...NO_ROUND_YET,
    outcome: input.kind === 'state' ? 'not_mediable' : null,
    agreement: null,
  }),
  initial: 'pending',
  states: {
    pending: {
      always: { guard: 'isStateClaim', target: 'tracked' },
      on: { 'invitation.sent': invitation },
    },
    /** A state claim (e.g. the Victims Compensation Fund's recourse): not mediable with the victim, only tracked. */
    tracked: { type: 'final' },
    invited: {
      on: {
        'invitation.accepted': {
          guard: 'withinReplyWindow',
          target: 'accepted',
          actions: assign({ acceptedOn: ({ event }) => event.at }),
        },
        'invitation.refused': refusal,
        'invitation.expired': {
          guard: 'replyWindowIsOver',
          target: 'silent',
          actions: [{ type: 'recordOutcome', params: { outcome: 'silent' } }, issue('termination-notice')],
        },
      },
    },
    accepted: {
      on: {
        'contract.signed': {
          guard: 'contractIsValid',
          target: 'negotiating',
          actions: ['recordContract', issue('mediation-contract')],
        },
        'invitation.refused': refusal,
      },
    },
    negotiating: {
      on: {
        'session.held': {
          guard: 'withinMediationTerm',
          actions: assign({ sessions: ({ context }) => context.sessions + 1 }),
        },
        'term.extended': {
          guard: 'extensionIsAllowed',
          actions: assign(({ context, event }) => ({
            extensions: context.extensions + 1,
            // from the end of the term as it stands (ГК 175 included), moved again by the orchestrator's `termEnd`
            termEndsOn: event.termEnd ?? addDays(context.termEndsOn!, event.days),
          })),
        },
        'agreement.signed': {
          guard: 'agreementIsLawful',
          target: 'agreed',
          actions: [
            { type: 'recordOutcome', params: { outcome: 'agreed' } },
            assign({ agreement: ({ event }) => ({ signedOn: event.at, terms: copyTerms(event.terms) }) }),
            issue('agreement'),
          ],
        },
        'mediation.terminated': {
          guard: 'terminationIsGrounded',
          target: 'terminated',
          actions: [
            {
              type: 'recordOutcome',
              params: ({ event }) => ({
                outcome: 'terminated',
                reason: event.reason,
                ...(event.party !== undefined && { party: event.party }),
              }),
            },
            issue('termination-notice'),
          ],
        },
        'term.expired': {
          guard: 'mediationTermIsOver',
          target: 'terminated',
          actions: [
            { type: 'recordOutcome', params: { outcome: 'terminated', reason: 'expiry' } },
            issue('termination-notice'),
          ],
        },
      },
    },
    agreed: { type: 'final' },
    // A refusal or silence is an outcome the lawyer can show; the mediator may still invite again.
    refused: { on: { 'invitation.sent': invitation } },
    silent: { on: { 'invitation.sent': invitation } },
    terminated: { on: { 'invitation.sent': invitation } },
  },
});

/** Keeps only the contract's terms; what the event does not say stays null (not recorded), never a default. */
function copyContract(e: E<'contract.signed'>): ContractTerms {
  return {
    date: e.contractDate,
    fee: e.fee ?? null,
    language: e.language ?? null,
    meetingForms: e.meetingForms ? [...e.meetingForms] : null,
  };
}

/** Keeps only the agreed terms (nothing else a client may have put in the payload). */
function copyTerms(t: AgreementTerms): AgreementTerms {
  const i = t.instalments;
  const p = t.paymentDetails;
  return {
    paidBeforeHearing: t.paidBeforeHearing,
    ...(t.paidBeforeHearingBy !== undefined && { paidBeforeHearingBy: t.paidBeforeHearingBy }),
    ...(t.assumedReleaseDate !== undefined && { assumedReleaseDate: t.assumedReleaseDate }),
    waived: t.waived,
    ...(i && {
      instalments: {
        total: i.total,
        monthly: i.monthly,
        dayOfMonth: i.dayOfMonth,
        ...(i.firstDueDate != null && { firstDueDate: i.firstDueDate }),
        ...(i.startsMonthAfterRelease != null && { startsMonthAfterRelease: i.startsMonthAfterRelease }),
      },
    }),
    ...(p && {
      paymentDetails: {
        method: p.method,
        ...(p.account !== undefined && { account: p.account }),
        ...(p.bank !== undefined && { bank: p.bank }),
        ...(p.bankId !== undefined && { bankId: p.bankId }),
      },
    }),
  };
}
