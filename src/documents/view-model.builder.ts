/**
 * Builds the plain view models field by field. Whatever else the caller's object carries — session notes,
 * entity getters, ORM relations — is dropped here, so it never reaches a template (Law on Mediation
 * art. 8: what is said in mediation is confidential). The output is fresh plain data: Handlebars never
 * sees a class instance.
 */
import type { LocalDate } from '../common/local-date';
import type { Tiyn } from '../money/domain/money';
import type { Schedule } from '../restitution/domain/schedule';
import type {
  AgreementTermsView,
  CaseParties,
  AgreementView,
  ArrearsReportView,
  ArticleRef,
  ClaimView,
  ConvictView,
  DocumentKind,
  IdentityDocumentView,
  InvitationView,
  LedgerRowView,
  LedgerView,
  Localized,
  MediationContractView,
  MediatorView,
  LatePaymentView,
  MissedPaymentView,
  PartyView,
  PaymentDetailsView,
  PaymentStatementView,
  RepresentativeView,
  ScheduleRowView,
  ScheduleTableView,
  ScheduleView,
  SentenceView,
  TerminationNoticeView,
  ViewModels,
} from './document-view-models';

const loc = (v: Localized): Localized => ({ kk: v.kk, ru: v.ru });
const orNull = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);

const identityDocumentView = (d: IdentityDocumentView | null | undefined): IdentityDocumentView | null =>
  d ? { kind: d.kind, number: d.number, issuer: d.issuer, issuedOn: d.issuedOn } : null;

export function representativeView(r: RepresentativeView): RepresentativeView {
  return {
    fullName: r.fullName,
    iin: orNull(r.iin),
    position: r.position ? loc(r.position) : null,
    basis: r.basis,
    document: r.document ? { number: r.document.number, date: r.document.date } : null,
    identityDocument: identityDocumentView(r.identityDocument),
  };
}

export function partyView(p: PartyView): PartyView {
  return {
    kind: p.kind,
    fullName: p.fullName,
    iin: orNull(p.iin),
    bin: orNull(p.bin),
    address: orNull(p.address),
    phone: orNull(p.phone),
    representative: p.representative ? representativeView(p.representative) : null,
    identityDocument: identityDocumentView(p.identityDocument),
  };
}

export function convictView(c: ConvictView): ConvictView {
  return { ...partyView(c), institution: loc(c.institution) };
}

export function mediatorView(m: MediatorView): MediatorView {
  return {
    fullName: m.fullName,
    iin: orNull(m.iin),
    registryNumber: m.registryNumber,
    organisation: loc(m.organisation),
    phone: orNull(m.phone),
    email: orNull(m.email),
  };
}

const articleView = (a: ArticleRef): ArticleRef => ({ article: a.article, part: orNull(a.part), item: orNull(a.item) });

export function sentenceView(s: SentenceView): SentenceView {
  return {
    court: loc(s.court),
    date: s.date,
    articles: s.articles.map(articleView),
    number: orNull(s.number),
    criminalCaseNumber: orNull(s.criminalCaseNumber),
  };
}

export function claimView(c: ClaimView): ClaimView {
  return { awarded: c.awarded, recovered: c.recovered, outstanding: c.outstanding };
}

function base<T extends { caseNumber: string; machineVersion: number; place: Localized; date: LocalDate }>(v: T) {
  return { caseNumber: v.caseNumber, machineVersion: v.machineVersion, place: loc(v.place), date: v.date };
}

function caseParties(v: CaseParties) {
  return {
    convict: convictView(v.convict),
    victim: partyView(v.victim),
    mediator: mediatorView(v.mediator),
    sentence: sentenceView(v.sentence),
    claim: claimView(v.claim),
  };
}

const scheduleRowView = (r: ScheduleRowView): ScheduleRowView => ({
  number: r.number,
  kind: r.kind,
  dueDate: r.dueDate,
  nominalDate: orNull(r.nominalDate),
  amount: r.amount,
  cumulative: r.cumulative,
  remaining: r.remaining,
});

export function scheduleTableView(s: ScheduleTableView): ScheduleTableView {
  return {
    rows: s.rows.map(scheduleRowView),
    total: s.total,
    count: s.count,
    monthlyAmount: s.monthlyAmount,
    dueDay: s.dueDay,
    downPayment: s.downPayment,
    assumedReleaseDate: orNull(s.assumedReleaseDate),
  };
}

/** From the restitution schedule (src/restitution/domain/schedule.ts) to the table the documents print. */
export function scheduleTableFrom(schedule: Schedule, assumedReleaseDate: LocalDate | null): ScheduleTableView {
  return {
    rows: schedule.rows.map((r) => ({
      number: r.no,
      kind: r.kind,
      dueDate: r.dueDate,
      nominalDate: r.nominalDate === r.dueDate ? null : r.nominalDate,
      amount: r.amount,
      cumulative: r.cumulative,
      remaining: r.remaining,
    })),
    total: schedule.total,
    count: schedule.months,
    monthlyAmount: schedule.monthly,
    dueDay: schedule.dayOfMonth,
    downPayment: schedule.downPayment,
    assumedReleaseDate,
  };
}

const ledgerRowView = (r: LedgerRowView): LedgerRowView => ({
  date: r.date,
  amount: r.amount,
  method: r.method,
  evidence: r.evidence,
});

export function ledgerView(l: LedgerView): LedgerView {
  return { asOf: l.asOf, rows: l.rows.map(ledgerRowView), totalPaid: l.totalPaid, remaining: l.remaining };
}

/** A ledger from payments: totals computed here so that the document cannot disagree with its rows. */
export function ledgerFrom(asOf: LocalDate, rows: LedgerRowView[], due: Tiyn): LedgerView {
  const totalPaid = rows.reduce((a, r) => a + r.amount, 0);
  return { asOf, rows: rows.map(ledgerRowView), totalPaid, remaining: Math.max(0, due - totalPaid) };
}

const paymentView = (p: PaymentDetailsView): PaymentDetailsView => ({
  method: p.method,
  account: orNull(p.account),
  bank: p.bank ? loc(p.bank) : null,
  recorded: p.recorded,
});

function termsView(t: AgreementTermsView): AgreementTermsView {
  return {
    kind: t.kind,
    settledAmount: t.settledAmount,
    beforeHearing: t.beforeHearing ? { amount: t.beforeHearing.amount, dueBy: t.beforeHearing.dueBy } : null,
    waiver: t.waiver ? { amount: t.waiver.amount } : null,
    downPayment: t.downPayment ? { amount: t.downPayment.amount, dueBy: t.downPayment.dueBy } : null,
    instalments: t.instalments ? scheduleTableView(t.instalments) : null,
    payment: paymentView(t.payment),
  };
}

const missView = (m: MissedPaymentView): MissedPaymentView => ({
  number: m.number,
  dueDate: m.dueDate,
  amount: m.amount,
  paid: m.paid,
  shortfall: m.shortfall,
  overdue: m.overdue,
  graceEndsOn: m.graceEndsOn,
  reasonRecorded: m.reasonRecorded,
  reason: m.reason,
  goodReason: m.goodReason,
  explanation: orNull(m.explanation),
});

const lateView = (l: LatePaymentView): LatePaymentView => ({
  number: l.number,
  dueDate: l.dueDate,
  amount: l.amount,
  paidOn: l.paidOn,
  daysLate: l.daysLate,
  reasonRecorded: l.reasonRecorded,
  reason: l.reason,
  goodReason: l.goodReason,
  explanation: orNull(l.explanation),
});

const BUILDERS: { [K in DocumentKind]: (v: ViewModels[K]) => ViewModels[K] } = {
  invitation: (v: InvitationView) => ({
    ...base(v),
    ...caseParties(v),
    replyDays: v.replyDays,
    replyBy: v.replyBy,
    replyMovedFrom: v.replyMovedFrom,
  }),
  'mediation-contract': (v: MediationContractView) => ({
    ...base(v),
    ...caseParties(v),
    fee: v.fee ? { amount: v.fee.amount, payer: v.fee.payer } : null,
    freeOfCharge: v.freeOfCharge,
    mediationLanguage: orNull(v.mediationLanguage),
    termDays: v.termDays,
    maxExtensionDays: v.maxExtensionDays,
    formats: v.formats ? [...v.formats] : null,
    copies: v.copies,
  }),
  agreement: (v: AgreementView) => ({
    ...base(v),
    ...caseParties(v),
    contractDate: v.contractDate,
    number: v.number,
    terms: termsView(v.terms),
    copies: v.copies,
  }),
  schedule: (v: ScheduleView) => ({
    ...base(v),
    convict: partyView(v.convict),
    victim: partyView(v.victim),
    sentence: sentenceView(v.sentence),
    agreementDate: v.agreementDate,
    agreementNumber: v.agreementNumber,
    asOf: v.asOf,
    releaseDate: v.releaseDate,
    schedule: scheduleTableView(v.schedule),
    ledger: v.ledger ? ledgerView(v.ledger) : null,
  }),
  'termination-notice': (v: TerminationNoticeView) => ({
    ...base(v),
    ...caseParties(v),
    reason: v.reason,
    reasonDate: v.reasonDate,
    refusingParty: orNull(v.refusingParty),
    refusingPartyName: orNull(v.refusingPartyName),
    contractDate: orNull(v.contractDate),
    invitation: v.invitation ? { sentOn: v.invitation.sentOn, replyBy: v.invitation.replyBy } : null,
  }),
  'payment-statement': (v: PaymentStatementView) => ({
    ...base(v),
    convict: partyView(v.convict),
    victim: partyView(v.victim),
    sentence: sentenceView(v.sentence),
    claim: claimView(v.claim),
    agreementDate: v.agreementDate,
    settledAmount: v.settledAmount,
    waivedAmount: v.waivedAmount,
    ledger: ledgerView(v.ledger),
    fullyPaid: v.fullyPaid,
  }),
  'arrears-report': (v: ArrearsReportView) => ({
    ...base(v),
    convict: partyView(v.convict),
    victim: partyView(v.victim),
    sentence: sentenceView(v.sentence),
    agreementDate: v.agreementDate,
    asOf: v.asOf,
    dueSoFar: v.dueSoFar,
    paidSoFar: v.paidSoFar,
    arrears: v.arrears,
    overdueArrears: v.overdueArrears,
    misses: v.misses.map(missView),
    paidLate: v.paidLate.map(lateView),
    missesWithoutGoodReason: v.missesWithoutGoodReason,
    threshold: v.threshold,
    thresholdExceeded: v.thresholdExceeded,
  }),
};

/** The view model of `kind`, copied field by field from `input`; anything not in the type is dropped. */
export function buildViewModel<K extends DocumentKind>(kind: K, input: ViewModels[K]): ViewModels[K] {
  const build = BUILDERS[kind] as (v: ViewModels[K]) => ViewModels[K];
  if (!build) throw new RangeError(`unknown document kind: ${String(kind)}`);
  return build(input);
}
