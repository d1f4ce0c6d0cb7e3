/**
 * Events of the procedure (DOMAIN.md §2): what each event carries. Who records it, its labels and the machine it
 * goes to are in `catalogue.ts`; the machines' event unions below are derived from both.
 * Every event carries `at`: the calendar date in Asia/Almaty on which it is recorded, injected by the service —
 * machines never read a clock. Amounts are integer tiyn (1 ₸ = 100 tiyn).
 */
import type { LocalDate } from '../src/common/local-date';
import { isTiyn } from '../src/money/domain/money';
import type { EVENT_CATALOGUE, MachineName, Role } from './catalogue';

export type { LocalDate };
export type Tiyn = number;
export { isTiyn };

interface At {
  at: LocalDate;
}

// ── closed vocabularies (values are stable API identifiers) ─────────────────────────────────────────────
export const TERMINATION_REASONS = ['impossible', 'refusal_of_parties', 'refusal_of_party', 'other'] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];
export const PARTIES = ['victim', 'convict'] as const;
export type Party = (typeof PARTIES)[number];
/** Languages of mediation the documents are issued in (ЗМед ст. 21 term 6). */
export const MEDIATION_LANGUAGES = ['kk', 'ru'] as const;
export type MediationLanguage = (typeof MEDIATION_LANGUAGES)[number];
/** Ways of meeting (ЗМед ст. 17). */
export const MEETING_FORMS = ['in_person', 'video', 'phone'] as const;
export type MeetingForm = (typeof MEETING_FORMS)[number];
/** An outcome the lawyer can show the court; 'not_mediable' is a state claim that is only tracked. */
export type ClaimOutcome = 'refused' | 'silent' | 'terminated' | 'agreed' | 'not_mediable';
export const COURT_DECISIONS = ['parole', 'refused', 'replacement'] as const;
export type CourtDecision = (typeof COURT_DECISIONS)[number];
/** How the convict pays and proves payment — part of the "ways of performance" (ЗМед ст. 27 п. 2). */
export const PAYMENT_METHODS = ['bank_transfer', 'cash_receipt', 'bailiff'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** The document that proves a payment. */
export const PAYMENT_EVIDENCE = [
  'bank_transfer',
  'victim_receipt',
  'bailiff_certificate',
  'cash_order',
  'other',
] as const;
export type PaymentEvidence = (typeof PAYMENT_EVIDENCE)[number];

// ── parts of payloads ─────────────────────────────────────────────────────────────────────────────────────
export interface InstalmentTerms {
  total: Tiyn;
  monthly: Tiyn;
  /** Either a fixed first due date … */
  firstDueDate?: LocalDate;
  /** … or the month after release (the usual case, DOMAIN.md §2.5). */
  startsMonthAfterRelease?: boolean;
  dayOfMonth: number;
}

export interface PaymentDetails {
  method: PaymentMethod;
  /** The victim's account (IBAN), for a bank transfer. */
  account?: string;
  /** The bank as text: the directory entry's Russian name when `bankId` is given. */
  bank?: string;
  /** The bank in the service's directory: documents print its Kazakh and Russian names. */
  bankId?: string;
}

export interface AgreementTerms {
  paidBeforeHearing: Tiyn;
  /** The date by which the pre-hearing part is to be paid (a term of performance, ЗМед ст. 27 п. 2). */
  paidBeforeHearingBy?: LocalDate;
  /**
   * The release date the parties assume, for the agreement's INDICATIVE payment calendar (instalments from the
   * month after release); the real calendar is issued after release. Absent: the calendar counts from signing.
   */
  assumedReleaseDate?: LocalDate;
  waived: Tiyn;
  instalments?: InstalmentTerms;
  /** Absent on agreements recorded before it existed: the documents then print a bank transfer without an account. */
  paymentDetails?: PaymentDetails;
}

export interface ScheduleRow {
  no: number;
  dueDate: LocalDate;
  amount: Tiyn;
}

export interface Signatures {
  mediator: boolean;
  victim: boolean;
  convict: boolean;
}

/** The mediator as the documents name him (ЗМед ст. 21, 27). */
export interface MediatorDetails {
  fullName: string;
  registry?: string;
  organisation?: string;
  /** The organisation of mediators in the service's directory (its id). */
  organisationId?: string;
  phone?: string;
  email?: string;
}

/**
 * What each event carries from whoever records it (the HTTP body without `type`, `claimId`, `expectedVersion`;
 * or the deadline sweeper's payload). One entry per event type of `catalogue.ts`; the DTO classes in
 * `src/cases/dto` are checked against these types by the compiler.
 */
export interface EventPayloads {
  // case
  /** The mediator who accepts, when the application did not name him. */
  'case.accepted': { mediator?: MediatorDetails };
  'case.declined': { reason: string };
  /** `courtId`: the court's directory entry (its users see the case from the filing on); `court`: free text fallback. */
  'petition.filed': { filedOn?: LocalDate; court?: string; courtId?: string };
  'hearing.scheduled': { hearingDate: LocalDate };
  /** The deadline sweeper, some days before the hearing: the reminder point of a tracked hearing date. */
  'hearing.reminder': { hearingDate: LocalDate };
  'court.decided': { decision: CourtDecision; decisionDate: LocalDate; ruling?: string };
  /** `supervisionUnitId`: the police unit that supervises the parolee (its officers see the case from now on). */
  'convict.released': { releaseDate: LocalDate; supervisionUnitId?: string };
  'parole.revoked': { decisionDate: LocalDate; ground: string };
  /** Corrections (audited: the history keeps the original event and this one, with its reason). */
  'release.corrected': { releaseDate: LocalDate; reason: string };
  'hearing.corrected': { hearingDate: LocalDate; reason: string };
  'case.withdrawn': { reason: string };
  // people of the case (who sees it: src/cases/domain/case-access.ts); the procedure state does not change
  /** The case is handed to the mediator with this user id (by the current mediator, or by the lawyer before acceptance). */
  'mediator.assigned': { mediatorUserId: string };
  /** A further defender of the convict joins the case. */
  'lawyer.added': { lawyerUserId: string };
  /** The defender `replacesUserId` (default: the lawyer recording it) leaves the case; `lawyerUserId` takes his place. */
  'lawyer.replaced': { lawyerUserId: string; replacesUserId?: string };
  // claim mediation
  /** `replyDays`: the reply period stated in the invitation (default: the law's). */
  'invitation.sent': { replyDays?: number };
  'invitation.accepted': { reason?: string };
  'invitation.refused': { reason?: string };
  'invitation.expired': Record<never, never>;
  /**
   * The essential terms of the contract that vary per case (ЗМед ст. 21): `fee` in tiyn (0 = free of charge,
   * absent = not recorded), the language, the ways of meeting.
   */
  'contract.signed': {
    contractDate: LocalDate;
    fee?: Tiyn;
    language?: MediationLanguage;
    meetingForms?: MeetingForm[];
  };
  /** `notes` are confidential (ЗМед ст. 8): the service stores them apart; they never reach a machine or the history. */
  'session.held': { form?: MeetingForm; notes?: string };
  'term.extended': { days: number };
  'term.expired': Record<never, never>;
  'agreement.signed': { signedBy: Signatures; terms: AgreementTerms };
  /** `party`: who refused to continue — required for 'refusal_of_party' (ЗМед ст. 26 п. 4), not given otherwise. */
  'mediation.terminated': { reason: TerminationReason; party?: Party };
  // restitution
  'payment.recorded': { amount: Tiyn; date: LocalDate; reference: string; evidence: PaymentEvidence };
  'payment.overdue': { instalmentNo: number };
  'payment.missed.explained': { instalmentNo: number; goodReason: boolean; reason: string };
  'default.reported': Record<never, never>;
  /** The parties returned to mediation: new instalments for the balance. */
  'agreement.amended': { instalments: InstalmentTerms };
  /**
   * A payment recorded wrongly is reversed (never edited): the ledger gets a reversal row referring to it, and
   * `replacement`, when given, is recorded as a new payment in the same step.
   */
  'payment.reversed': { reference: string; reason: string; replacement?: PaymentEntry };
}

/** A payment as recorded (the payload of `payment.recorded`). */
export interface PaymentEntry {
  amount: Tiyn;
  date: LocalDate;
  reference: string;
  evidence: PaymentEvidence;
}

export type EventType = keyof EventPayloads;
/** The event types that go to one machine (derived from the catalogue). */
export type EventTypeOf<M extends MachineName> = {
  [T in EventType]: (typeof EVENT_CATALOGUE)[T]['machine'] extends M ? T : never;
}[EventType];
/** The event types users record over HTTP; the others only the deadline sweeper records. */
export type UserEventType = {
  [T in EventType]: (typeof EVENT_CATALOGUE)[T]['recordedBy'] extends 'user' ? T : never;
}[EventType];
export type SystemEventType = Exclude<EventType, UserEventType>;
/** An event as a machine receives it. */
export type EventOf<T extends EventType> = { type: T } & EventPayloads[T] & At;
/**
 * An event as the orchestrator receives it from the service: the payload, the day of recording, who records it,
 * and for claim events the claim. (`ProcedureEvent` in procedure.ts is its untyped predecessor.)
 */
export type RecordedEvent = {
  [T in EventType]: EventOf<T> & { actor: Role } & (T extends EventTypeOf<'case'> ? unknown : { claimId: string });
}[EventType];
type EventsOf<M extends MachineName> = { [T in EventTypeOf<M>]: EventOf<T> }[EventTypeOf<M>];

// ── case ─────────────────────────────────────────────────────────────────────────────────────────────────
export type CaseEvent =
  | WithTermEnd<EventsOf<'case'>, 'court.decided'>
  // sent by the orchestrator only (cascade from the claims):
  | ({ type: 'claim.outcome'; claimId: string; outcome: ClaimOutcome; owes: boolean } & At)
  | ({ type: 'claim.reopened'; claimId: string } & At)
  | ({ type: 'restitution.paid'; claimId: string } & At);

/**
 * The last day of the term an event starts, counted by the orchestrator with ProcedureDeps.termEnd (ГК 175: moved
 * off a non-working day): the reply period of `invitation.sent`, the mediation term of `contract.signed` and
 * `term.extended`, the re-filing period of a refusal in `court.decided`. Never taken from the request: the
 * orchestrator overwrites it. Without it (a machine driven directly) the machines count calendar days only.
 */
export interface TermEnd {
  termEnd?: LocalDate;
}
type WithTermEnd<E, T extends string> = E extends { type: T } ? E & TermEnd : E;
/** The event types whose term end the orchestrator computes. */
export const TERM_EVENTS = ['invitation.sent', 'contract.signed', 'term.extended', 'court.decided'] as const;

// ── claim mediation ──────────────────────────────────────────────────────────────────────────────────────
export type ClaimMediationEvent = WithTermEnd<
  EventsOf<'mediation'>,
  'invitation.sent' | 'contract.signed' | 'term.extended'
>;

// ── restitution ──────────────────────────────────────────────────────────────────────────────────────────
/** The payment the ledger holds under a reference: what idempotency compares (same amount and date = the same). */
export interface PaymentOnRecord {
  amount: Tiyn;
  date: LocalDate;
}

export type RestitutionEvent =
  | Exclude<EventsOf<'restitution'>, { type: 'agreement.amended' | 'payment.recorded' | 'payment.reversed' }>
  /**
   * `original` (the payment on the ledger under `reference`, null if none) and `replacementOnRecord` (a payment
   * already on the ledger under the replacement's reference, other than the original) are filled in by the store.
   */
  | (EventOf<'payment.reversed'> & {
      original?: PaymentOnRecord | null;
      replacementOnRecord?: PaymentOnRecord | null;
    })
  /** Cascaded from the case's `release.corrected`; `schedule`: recomputed from the corrected date (orchestrator). */
  | ({ type: 'release.corrected'; releaseDate: LocalDate; schedule?: ScheduleRow[] } & At)
  /**
   * `onRecord` is filled in by the store from the payments ledger (the payment already recorded under this
   * reference, or null) before the transition; never from the request.
   */
  | (EventOf<'payment.recorded'> & { onRecord?: PaymentOnRecord | null })
  /**
   * `schedule` is filled in by the orchestrator; `waived` (the victim waives the rest, with `instalments.total`
   * 0) is understood by the machine though the API does not offer it yet.
   */
  | (EventOf<'agreement.amended'> & { waived?: Tiyn; schedule: ScheduleRow[] })
  /** Cascaded from the case; `schedule` is computed by the orchestrator when the release fixes the dates. */
  | (EventOf<'convict.released'> & { schedule?: ScheduleRow[] });

/** A legal condition an event must satisfy; the orchestrator reports the first that fails as a rule violation. */
export interface Check<C, E> {
  field: string;
  /** snake_case name of the rule, stable for the API. */
  rule: string;
  /** Human message, Russian. */
  message: string;
  holds(context: C, event: E): boolean;
}

export function firstViolation<C, E>(
  checks: readonly Check<C, E>[] | undefined,
  context: C,
  event: E,
): Check<C, E> | undefined {
  return checks?.find((c) => !safely(() => c.holds(context, event)));
}

function safely(f: () => boolean): boolean {
  try {
    return f();
  } catch {
    return false;
  }
}

export const isPositiveTiyn = (v: unknown): v is number => isTiyn(v) && v > 0;
export const isNonEmptyText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
