/**
 * What each court document shows, as plain data (STYLE.md principle 10, fact 8: Handlebars refuses class
 * getters, so these are interfaces over plain objects). Amounts are tiyn, dates 'YYYY-MM-DD'.
 * Absent optional values are `null`, never missing: the templates run in strict mode, where a missing
 * field is a bug (a typo) and fails the render.
 *
 * Confidential things — session notes, proposals made in sessions, anything said in mediation
 * (Law on Mediation art. 8) — have NO field here, so no template can print them. The builders in
 * view-model.builder.ts copy field by field and drop anything else a caller passes in.
 */
import type { LocalDate } from '../common/local-date';
import type { Tiyn } from '../money/domain/money';
import type { DocLang } from './domain/court-date';

export type Lang = DocLang;
export const LANGS: readonly Lang[] = ['kk', 'ru'];

export const DOCUMENT_KINDS = [
  'invitation',
  'mediation-contract',
  'agreement',
  'schedule',
  'termination-notice',
  'payment-statement',
  'arrears-report',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A proper name with its official form in each language (courts, towns, institutions, organisations). */
export interface Localized {
  kk: string;
  ru: string;
}

/** Who acts for a legal entity or a minor: the basis is printed from labels, not free text. */
export interface RepresentativeView {
  fullName: string;
  iin: string | null;
  position: Localized | null;
  basis: 'power_of_attorney' | 'charter' | 'legal_representative';
  /** Power of attorney number and date, when basis = power_of_attorney. */
  document: { number: string; date: LocalDate } | null;
  identityDocument: IdentityDocumentView | null;
}

/** An identity document as printed in the requisites (удостоверение личности № …, выдано … …). */
export interface IdentityDocumentView {
  kind: 'id_card' | 'passport' | 'residence_permit' | 'stateless_certificate' | 'other';
  number: string;
  /** As written in the document: printed as entered in both languages. */
  issuer: string;
  issuedOn: LocalDate;
}

export interface PartyView {
  kind: 'person' | 'legal_entity';
  fullName: string;
  /** ИИН of a person; null for a legal entity. */
  iin: string | null;
  /** БИН of a legal entity; null for a person. */
  bin: string | null;
  address: string | null;
  phone: string | null;
  representative: RepresentativeView | null;
  /** A person's identity document; null when not recorded (and always for a legal entity). */
  identityDocument: IdentityDocumentView | null;
}

export interface ConvictView extends PartyView {
  institution: Localized;
}

export interface MediatorView {
  fullName: string;
  iin: string | null;
  /** Entry in the register of professional mediators kept by the organisation (ЗМед 14). */
  registryNumber: string;
  organisation: Localized;
  phone: string | null;
  email: string | null;
}

export interface ArticleRef {
  article: string;
  part: string | null;
  item: string | null;
}

export interface SentenceView {
  /**
   * The court in the genitive, as sentences need it: ru «Усть-Каменогорского городского суда …»
   * («приговором … суда»), kk «Өскемен қалалық сотының» («… сотының үкімімен»).
   */
  court: Localized;
  date: LocalDate;
  /** Criminal Code articles of the conviction. */
  articles: ArticleRef[];
  /** Number of the sentence (court case number); null when not recorded. */
  number: string | null;
  /** Number of the criminal case; null when not recorded. */
  criminalCaseNumber: string | null;
}

export interface ClaimView {
  awarded: Tiyn;
  recovered: Tiyn;
  outstanding: Tiyn;
}

/** The stamp every document carries; the SHA-256 of the rendered file is computed by the caller. */
export interface StampView {
  caseNumber: string;
  kind: DocumentKind;
  lang: Lang;
  templateVersion: string;
  machineVersion: number;
}

interface DocumentBase {
  caseNumber: string;
  machineVersion: number;
  place: Localized;
  date: LocalDate;
}

export interface CaseParties {
  convict: ConvictView;
  victim: PartyView;
  mediator: MediatorView;
  sentence: SentenceView;
  claim: ClaimView;
}

/** Invitation to mediation; not accepted within replyDays it counts as declined (ЗМед 20 п. 6). */
export interface InvitationView extends DocumentBase, CaseParties {
  replyDays: number;
  /** The last day to answer, moved off a non-working day (ГК 175). */
  replyBy: LocalDate;
  /** The calendar end of the reply period when it was a non-working day (ГК 175 moved it to `replyBy`). */
  replyMovedFrom: LocalDate | null;
}

/** The 14 essential terms of ЗМед 21 that vary per case; the fixed ones are worded in the template. */
export interface MediationContractView extends DocumentBase, CaseParties {
  /** Fee of the professional mediator (ЗМед 21 term 5, ЗМед 22) as recorded, when there is one (amount > 0). */
  fee: { amount: Tiyn; payer: 'convict' | 'victim' | 'equal' } | null;
  /** True only when the contract recorded a fee of 0. With `fee` null and this false the fee was not recorded:
   * the contract says it is agreed separately in writing. */
  freeOfCharge: boolean;
  /** Language of the mediation (term 6); null = not recorded, left blank to be filled in at signing. */
  mediationLanguage: Lang | null;
  termDays: number;
  maxExtensionDays: number;
  /** Ways of meeting (ЗМед 17); a convict in an institution usually meets by video. null = not recorded:
   * the contract names what the law allows, to be agreed. */
  formats: Array<'in_person' | 'video' | 'phone'> | null;
  copies: number;
}

export interface ScheduleRowView {
  /** 0 = the down payment, 1.. = monthly instalments. */
  number: number;
  kind: 'down_payment' | 'instalment';
  dueDate: LocalDate;
  /** The date before it moved to the next working day (ГК 175); null when it did not move. */
  nominalDate: LocalDate | null;
  amount: Tiyn;
  /** Sum due up to and including this row. */
  cumulative: Tiyn;
  /** Left to pay after this row. */
  remaining: Tiyn;
}

export interface LedgerRowView {
  date: LocalDate;
  amount: Tiyn;
  method: 'bank_transfer' | 'cash_receipt' | 'bailiff';
  /** Payment order number, receipt number, bailiff's certificate number. */
  evidence: string;
}

export interface LedgerView {
  asOf: LocalDate;
  rows: LedgerRowView[];
  totalPaid: Tiyn;
  remaining: Tiyn;
}

export interface ScheduleTableView {
  rows: ScheduleRowView[];
  total: Tiyn;
  count: number;
  monthlyAmount: Tiyn;
  /** Day of month payments are due. */
  dueDay: number;
  /** Down payment included in `total` (row 0); 0 when there is none. */
  downPayment: Tiyn;
  /** Dates computed from this (expected) release date; null when computed from the actual release. */
  assumedReleaseDate: LocalDate | null;
}

export interface PaymentDetailsView {
  method: 'bank_transfer' | 'cash_receipt' | 'bailiff';
  /** Victim's account (IBAN) for transfers; null otherwise. */
  account: string | null;
  /** The victim's bank: from the directory in each language, or the text recorded (both languages alike). */
  bank: Localized | null;
  /** False when the agreement recorded no payment details: a bank transfer is printed with the generic proof clause. */
  recorded: boolean;
}

/**
 * The agreement's terms. Each present part is worded in the agreement; they combine:
 * - beforeHearing: the sum is paid before the court considers the parole petition;
 * - waiver: the victim renounces the rest of the claim (ЗМед 5 п. 3);
 * - downPayment: paid on signing or shortly after, then instalments;
 * - instalments: monthly payments from the month after release, with the schedule attached.
 */
export interface AgreementTermsView {
  kind: 'full_before_hearing' | 'part_paid_rest_waived' | 'instalments_after_release';
  /** What the convict undertakes to pay under this agreement in total. */
  settledAmount: Tiyn;
  beforeHearing: { amount: Tiyn; dueBy: LocalDate } | null;
  waiver: { amount: Tiyn } | null;
  downPayment: { amount: Tiyn; dueBy: LocalDate } | null;
  instalments: ScheduleTableView | null;
  payment: PaymentDetailsView;
}

export interface AgreementView extends DocumentBase, CaseParties {
  contractDate: LocalDate;
  /** The agreement's number («МД-2026-000001/1»): the payment calendar issued after release refers to it. */
  number: string;
  terms: AgreementTermsView;
  copies: number;
}

export interface ScheduleView extends DocumentBase {
  convict: PartyView;
  victim: PartyView;
  sentence: SentenceView;
  agreementDate: LocalDate;
  agreementNumber: string;
  /** The payment calendar with real dates, as of this day; null for the agreement's annex (indicative dates). */
  asOf: LocalDate | null;
  /** The actual release date, once recorded. */
  releaseDate: LocalDate | null;
  schedule: ScheduleTableView;
  /** Payments recorded so far; null for a schedule issued before any payment. */
  ledger: LedgerView | null;
}

export type TerminationReason =
  | 'parties_refused' // ЗМед 26 п. 3
  | 'party_refused' // ЗМед 26 п. 4
  | 'settlement_impossible' // ЗМед 26 п. 2
  | 'term_expired' // ЗМед 26 п. 5
  | 'invitation_unanswered' // ЗМед 20 п. 6
  | 'invitation_refused'; // ЗМед 20 п. 6

export interface TerminationNoticeView extends DocumentBase, CaseParties {
  reason: TerminationReason;
  /** The day the reason arose: refusal received, term expired, reply deadline passed. */
  reasonDate: LocalDate;
  /** Who refused, for party_refused / invitation_refused; null otherwise. */
  refusingParty: 'convict' | 'victim' | null;
  /** The refusing party's name as filed (the victim's or the convict's); null when refusingParty is null. */
  refusingPartyName: string | null;
  /** Contract date when mediation had started; null when the invitation was not accepted. */
  contractDate: LocalDate | null;
  invitation: { sentOn: LocalDate; replyBy: LocalDate } | null;
}

export interface PaymentStatementView extends DocumentBase {
  convict: PartyView;
  victim: PartyView;
  sentence: SentenceView;
  claim: ClaimView;
  agreementDate: LocalDate;
  settledAmount: Tiyn;
  waivedAmount: Tiyn;
  ledger: LedgerView;
  /** True when everything due under the agreement is paid: the statement is then the certificate. */
  fullyPaid: boolean;
}

/** An instalment due by the report's date and not fully paid: a row of the arrears table. */
export interface MissedPaymentView {
  number: number;
  dueDate: LocalDate;
  amount: Tiyn;
  paid: Tiyn;
  shortfall: Tiyn;
  /** Past the grace period (overdue), or still within it until `graceEndsOn` (due, not yet overdue). */
  overdue: boolean;
  /** The last day of the grace period (ГК 175 applied). */
  graceEndsOn: LocalDate;
  /** False while no miss is on record (within the grace period): reason and assessment print as «—». */
  reasonRecorded: boolean;
  reason: 'no_income' | 'illness' | 'unemployment' | 'no_reason_given' | 'other';
  /** Assessed by the supervising officer: was the reason a good one (уважительная причина)? */
  goodReason: boolean;
  /** The parolee's explanation as written down; null when none was given. */
  explanation: string | null;
}

/** An instalment paid in full only after its grace period: not in arrears, but a missed due date on record. */
export interface LatePaymentView {
  number: number;
  dueDate: LocalDate;
  amount: Tiyn;
  paidOn: LocalDate;
  /** Days from the due date to the payment that completed it. */
  daysLate: number;
  reasonRecorded: boolean;
  reason: MissedPaymentView['reason'];
  goodReason: boolean;
  explanation: string | null;
}

export interface ArrearsReportView extends DocumentBase {
  convict: PartyView;
  victim: PartyView;
  sentence: SentenceView;
  agreementDate: LocalDate;
  asOf: LocalDate;
  dueSoFar: Tiyn;
  paidSoFar: Tiyn;
  /** The sum of the table's shortfalls: everything due by `asOf` and unpaid, within the grace period or past it. */
  arrears: Tiyn;
  /** Of `arrears`, the part past the grace period. */
  overdueArrears: Tiyn;
  /** Every instalment due by `asOf` and not fully paid, oldest first. */
  misses: MissedPaymentView[];
  /** Instalments paid in full after their grace period (missed due dates, now paid). */
  paidLate: LatePaymentView[];
  missesWithoutGoodReason: number;
  /** УК 72 ч. 7 п. 1: evasion "more than twice" — the threshold is 2. */
  threshold: number;
  thresholdExceeded: boolean;
}

export interface ViewModels {
  invitation: InvitationView;
  'mediation-contract': MediationContractView;
  agreement: AgreementView;
  schedule: ScheduleView;
  'termination-notice': TerminationNoticeView;
  'payment-statement': PaymentStatementView;
  'arrears-report': ArrearsReportView;
}
