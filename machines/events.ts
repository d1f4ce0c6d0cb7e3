/**
 * Events of the procedure (DOMAIN.md §2). Every event carries `at`: the calendar date in Asia/Almaty on which
 * it is recorded, injected by the service — machines never read a clock.
 * Amounts are integer tiyn (1 ₸ = 100 tiyn).
 */
import type { LocalDate } from '../src/common/local-date';

export type { LocalDate };
export type Tiyn = number;

interface At {
  at: LocalDate;
}

export type TerminationReason = 'impossible' | 'refusal_of_parties' | 'refusal_of_party' | 'other';
export type Party = 'victim' | 'convict';
/** Languages of mediation the documents are issued in (ЗМед ст. 21 term 6). */
export type MediationLanguage = 'kk' | 'ru';
/** Ways of meeting (ЗМед ст. 17). */
export type MeetingForm = 'in_person' | 'video' | 'phone';
/** An outcome the lawyer can show the court; 'not_mediable' is a state claim that is only tracked. */
export type ClaimOutcome = 'refused' | 'silent' | 'terminated' | 'agreed' | 'not_mediable';
export type CourtDecision = 'parole' | 'refused' | 'replacement';

export interface InstalmentTerms {
  total: Tiyn;
  monthly: Tiyn;
  /** Either a fixed first due date … */
  firstDueDate?: LocalDate;
  /** … or the month after release (the usual case, DOMAIN.md §2.5). */
  startsMonthAfterRelease?: boolean;
  dayOfMonth: number;
}

/** How the convict pays and proves payment — part of the "ways of performance" (ЗМед ст. 27 п. 2). */
export type PaymentMethod = 'bank_transfer' | 'cash_receipt' | 'bailiff';
export interface PaymentDetails {
  method: PaymentMethod;
  /** The victim's account (IBAN), for a bank transfer. */
  account?: string;
  bank?: string;
}

export interface AgreementTerms {
  paidBeforeHearing: Tiyn;
  /** The date by which the pre-hearing part is to be paid (a term of performance, ЗМед ст. 27 п. 2). */
  paidBeforeHearingBy?: LocalDate;
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

// ── case ─────────────────────────────────────────────────────────────────────────────────────────────────
export type CaseEvent =
  | ({ type: 'case.accepted' } & At)
  | ({ type: 'case.declined'; reason: string } & At)
  | ({ type: 'petition.filed' } & At)
  | ({ type: 'hearing.scheduled'; hearingDate: LocalDate } & At)
  | ({ type: 'court.decided'; decision: CourtDecision; decisionDate: LocalDate } & At)
  | ({ type: 'convict.released'; releaseDate: LocalDate } & At)
  | ({ type: 'parole.revoked'; decisionDate: LocalDate; ground: string } & At)
  | ({ type: 'case.withdrawn'; reason: string } & At)
  // sent by the orchestrator only (cascade from the claims):
  | ({ type: 'claim.outcome'; claimId: string; outcome: ClaimOutcome; owes: boolean } & At)
  | ({ type: 'claim.reopened'; claimId: string } & At)
  | ({ type: 'restitution.paid'; claimId: string } & At);

// ── claim mediation ──────────────────────────────────────────────────────────────────────────────────────
export interface Signatures {
  mediator: boolean;
  victim: boolean;
  convict: boolean;
}

export type ClaimMediationEvent =
  | ({ type: 'invitation.sent'; replyDays?: number } & At)
  | ({ type: 'invitation.accepted' } & At)
  | ({ type: 'invitation.refused' } & At)
  | ({ type: 'invitation.expired' } & At)
  /**
   * The essential terms of the contract that vary per case (ЗМед ст. 21): `fee` in tiyn (0 = free of charge,
   * absent = not recorded), the language, the ways of meeting.
   */
  | ({ type: 'contract.signed'; contractDate: LocalDate; fee?: Tiyn; language?: MediationLanguage; meetingForms?: MeetingForm[] } & At)
  /** `notes` may arrive from the UI; it is confidential (ЗМед ст. 8) and is never stored. */
  | ({ type: 'session.held'; notes?: unknown } & At)
  | ({ type: 'term.extended'; days: number } & At)
  | ({ type: 'term.expired' } & At)
  | ({ type: 'agreement.signed'; signedBy: Signatures; terms: AgreementTerms } & At)
  /** `party`: who refused to continue — required for 'refusal_of_party' (ЗМед ст. 26 п. 4), not given otherwise. */
  | ({ type: 'mediation.terminated'; reason: TerminationReason; party?: Party } & At);

// ── restitution ──────────────────────────────────────────────────────────────────────────────────────────
export type RestitutionEvent =
  | ({ type: 'payment.recorded'; amount: Tiyn; date: LocalDate; reference: string; evidence?: string } & At)
  | ({ type: 'payment.overdue'; instalmentNo: number } & At)
  | ({ type: 'payment.missed.explained'; instalmentNo: number; goodReason: boolean; reason: string } & At)
  | ({ type: 'default.reported' } & At)
  /** The parties returned to mediation: a new schedule for the balance (`schedule` is filled in by the orchestrator). */
  | ({ type: 'agreement.amended'; instalments: InstalmentTerms; waived?: Tiyn; schedule: ScheduleRow[] } & At)
  /** Cascaded from the case; `schedule` is computed by the orchestrator when the release fixes the dates. */
  | ({ type: 'convict.released'; releaseDate: LocalDate; schedule?: ScheduleRow[] } & At);

/** A legal condition an event must satisfy; the orchestrator reports the first that fails as a rule violation. */
export interface Check<C, E> {
  field: string;
  /** snake_case name of the rule, stable for the API. */
  rule: string;
  /** Human message, Russian. */
  message: string;
  holds(context: C, event: E): boolean;
}

export function firstViolation<C, E>(checks: readonly Check<C, E>[] | undefined, context: C, event: E): Check<C, E> | undefined {
  return checks?.find((c) => !safely(() => c.holds(context, event)));
}

function safely(f: () => boolean): boolean {
  try {
    return f();
  } catch {
    return false;
  }
}

export const isTiyn = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
export const isPositiveTiyn = (v: unknown): v is number => isTiyn(v) && v > 0;
export const isNonEmptyText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
