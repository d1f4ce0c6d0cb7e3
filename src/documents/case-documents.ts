/**
 * Which court documents a case allows now, and the view model of each, computed from the case as stored
 * (the application as filed + the machines' snapshots) and today's date. Pure: no Nest, no TypeORM, no I/O.
 *
 * Confidentiality (ЗМед ст. 8): session notes are not in the case data at all (they live in their own table,
 * which this file never reads), and the view models are rebuilt field by field by the renderer anyway.
 */
import {
  type AgreementTerms,
  type CaseContext,
  type ClaimMediationContext,
  type ClaimReading,
  type MediationStateValue,
  type Payment,
  type ProcedureState,
  type RestitutionReading,
  caseContextOf,
  claimLedger,
  claimReading,
} from '../../machines';
import {
  directoryIdsOf,
  type CaseApplication,
  type ClaimData,
  type ClaimantData,
  type IdentityDocument,
  type RepresentativeData,
} from '../cases/domain/case-application';
import type { DirectoryEntries, DirectoryEntry } from '../directory/directory-entry';
import { addDays, dayOfMonthIn, daysBetween, firstOfNextMonth, parts, type LocalDate } from '../common/local-date';
import { mediation, parolee, settings } from '../law/legal-rules';
import { buildSchedule } from '../restitution/domain/schedule';
import type {
  AgreementView,
  ArrearsReportView,
  ArticleRef,
  CaseParties,
  ClaimView,
  ConvictView,
  DocumentKind,
  InvitationView,
  LedgerRowView,
  Localized,
  MediationContractView,
  MediatorView,
  LatePaymentView,
  MissedPaymentView,
  PartyView,
  PaymentDetailsView,
  PaymentStatementView,
  RepresentativeView,
  ScheduleTableView,
  ScheduleView,
  SentenceView,
  TerminationNoticeView,
  TerminationReason,
  ViewModels,
} from './document-view-models';
import { ledgerFrom, scheduleTableFrom } from './view-model.builder';

/** What the document functions need of a case: the stored entity's plain fields, and its payments ledger. */
export interface CaseRecord {
  number: string;
  machineVersion: number;
  application: CaseApplication;
  snapshot: ProcedureState;
  /** The rows of the payments ledger by claim id, each claim's in the order recorded (absent: none). */
  payments: Readonly<Record<string, readonly Payment[]>>;
  /**
   * The directory entries the application refers to (court, institution, organisation of mediators, town), by id.
   * A reference missing here (or none) prints the application's text in both languages.
   */
  directory?: DirectoryEntries;
}

export interface AvailableDocument {
  kind: DocumentKind;
  /** Every court document concerns one civil claim (one victim). */
  claimId: string;
  /** A payment statement issued when everything is paid is the certificate of full payment. */
  certificate: boolean;
}

/** Documents that name the mediator: not available while the application names none. */
const NEEDS_MEDIATOR: readonly DocumentKind[] = ['invitation', 'mediation-contract', 'agreement', 'termination-notice'];

/**
 * The names a document heads with, in each language: the sentencing court (genitive), the institution and the
 * place, from the directory entries the case refers to, else the application's text (for documents built outside
 * this file, such as the petition draft).
 */
export function directoryNamesOf(kase: Pick<CaseRecord, 'application' | 'directory'>): {
  court: Localized;
  institution: Localized;
  place: Localized | null;
} {
  const k = kase as CaseRecord;
  const app = kase.application;
  const court = entryOf(k, app.sentence.courtId, 'court');
  const institution = entryOf(k, app.convict.institutionId, 'penal_institution');
  const town = entryOf(k, app.placeId, 'town');
  return {
    court: court ? genitive(court) : courtInGenitive(app.sentence.court),
    institution: institution ? nominative(institution) : same(app.convict.institution),
    place: town ? nominative(town) : null,
  };
}

/** Every directory id the case refers to: the application's, and the victims' banks in the agreements. */
export function directoryIdsOfCase(kase: Pick<CaseRecord, 'application' | 'snapshot'>): string[] {
  const ids = directoryIdsOf(kase.application);
  for (const claim of kase.application.claims) {
    const bankId = claimReading(kase.snapshot, claim.id)?.mediation.agreement?.terms.paymentDetails?.bankId;
    if (bankId) ids.push(bankId);
  }
  return ids;
}

// ── which documents ─────────────────────────────────────────────────────────────────────────────────────

/** Every document the current state of the case allows, claim by claim, in the order of the procedure. */
export function availableDocuments(kase: CaseRecord): AvailableDocument[] {
  const out: AvailableDocument[] = [];
  for (const claim of kase.application.claims) {
    const reading = claimReading(kase.snapshot, claim.id);
    if (claim.kind !== 'victim' || !reading) continue;
    const { mediation: m, mediationState: mState, restitution: r } = reading;
    const add = (kind: DocumentKind, certificate = false) => {
      if (NEEDS_MEDIATOR.includes(kind) && !kase.application.mediator) return;
      out.push({ kind, claimId: claim.id, certificate });
    };
    if (m.invitedOn && m.replyBy) add('invitation');
    if (m.contractDate) add('mediation-contract');
    if (m.agreement) {
      add('agreement');
      if (hasInstalments(m.agreement.terms)) add('schedule');
    }
    if (terminationOf(m, mState)) add('termination-notice');
    if (r && (r.context.paymentCount > 0 || r.state === 'paidInFull'))
      add('payment-statement', r.state === 'paidInFull');
    if (r && (r.state === 'inArrears' || r.state === 'defaultReported' || r.context.misses.length > 0))
      add('arrears-report');
  }
  return out;
}

/**
 * Whether the document describes a moment — issued as a dated statement «по состоянию на» the day asked for —
 * rather than an event (issued then, frozen). The schedule is the agreement's annex (frozen with it) until the
 * payment dates are real (after release, or fixed dates); from then on it is the payment calendar, dated.
 */
export function isStatement(kase: CaseRecord, kind: DocumentKind, claimId: string): boolean {
  if (kind === 'payment-statement' || kind === 'arrears-report') return true;
  if (kind !== 'schedule') return false;
  const r = claimReading(kase.snapshot, claimId)?.restitution?.context;
  return !!r && r.schedule.length > 0;
}

/** The agreement's number: the case number and the claim's place among the mediable claims («МД-2026-000001/1»). */
export function agreementNumber(kase: CaseRecord, claimId: string): string {
  const victims = kase.application.claims.filter((c) => c.kind === 'victim');
  return `${kase.number}/${victims.findIndex((c) => c.id === claimId) + 1}`;
}

/** Russian sentence naming what the case allows (for the 400 when a document is asked for too early). */
export function describeAvailable(docs: AvailableDocument[]): string {
  if (docs.length === 0) return 'в текущем состоянии дела документы не выдаются';
  return `доступны: ${[...new Set(docs.map((d) => d.kind))].join(', ')}`;
}

const hasInstalments = (t: AgreementTerms): boolean => (t.instalments?.total ?? 0) > 0;

interface Termination {
  reason: TerminationReason;
  reasonDate: LocalDate;
  refusingParty: 'convict' | 'victim' | null;
}

/** Whoever refused, named as filed. */
function refusingPartyName(app: CaseApplication, claim: ClaimData, party: Termination['refusingParty']): string | null {
  if (party === 'victim') return claim.victim.fullName;
  if (party === 'convict') return app.convict.fullName;
  return null;
}

/**
 * The reply period as the invitation states it (calendar days) and its last day; when ГК 175 moved that day off
 * a non-working day, the calendar end too. Snapshots from before `replyDays` was kept: the days between.
 */
function replyPeriodOf(m: ClaimMediationContext): Pick<InvitationView, 'replyDays' | 'replyBy' | 'replyMovedFrom'> {
  const replyDays = m.replyDays ?? daysBetween(m.invitedOn!, m.replyBy!);
  const nominal = addDays(m.invitedOn!, replyDays);
  return { replyDays, replyBy: m.replyBy!, replyMovedFrom: nominal === m.replyBy ? null : nominal };
}

/** The reason a claim's mediation ended without agreement, in the words of the notice; null if it did not. */
function terminationOf(m: ClaimMediationContext, mState: MediationStateValue): Termination | null {
  if (mState === 'refused') return { reason: 'invitation_refused', reasonDate: m.outcomeOn!, refusingParty: 'victim' };
  // Silence counts from the day after the reply window (ЗМед ст. 20 п. 6), whenever the sweeper noticed it.
  if (mState === 'silent')
    return { reason: 'invitation_unanswered', reasonDate: addDays(m.replyBy!, 1), refusingParty: null };
  if (mState !== 'terminated') return null;
  switch (m.terminationReason) {
    case 'expiry':
      return { reason: 'term_expired', reasonDate: addDays(m.termEndsOn!, 1), refusingParty: null };
    case 'impossible':
      return { reason: 'settlement_impossible', reasonDate: m.outcomeOn!, refusingParty: null };
    case 'refusal_of_parties':
      return { reason: 'parties_refused', reasonDate: m.outcomeOn!, refusingParty: null };
    case 'refusal_of_party':
      // Recorded with the event; mediations terminated before it was recorded leave it out rather than guess.
      return { reason: 'party_refused', reasonDate: m.outcomeOn!, refusingParty: m.refusingParty ?? null };
    default:
      // 'other' has no wording among the art. 26 reasons the notice knows.
      return null;
  }
}

// ── view models ─────────────────────────────────────────────────────────────────────────────────────────

export class DocumentNotAvailable extends Error {}

/**
 * The view model of `kind` for `claimId` as the case stands on `today`. Throws DocumentNotAvailable when the
 * state does not allow it (callers check `availableDocuments` first).
 */
export function documentViewModel<K extends DocumentKind>(
  kase: CaseRecord,
  kind: K,
  claimId: string,
  today: LocalDate,
): ViewModels[K] {
  if (!availableDocuments(kase).some((d) => d.kind === kind && d.claimId === claimId))
    throw new DocumentNotAvailable(`${kind} for ${claimId}`);
  const b = new CaseDocuments(kase, claimId, today);
  const build: { [T in DocumentKind]: () => ViewModels[T] } = {
    invitation: () => b.invitation(),
    'mediation-contract': () => b.contract(),
    agreement: () => b.agreement(),
    schedule: () => b.schedule(),
    'termination-notice': () => b.termination(),
    'payment-statement': () => b.paymentStatement(),
    'arrears-report': () => b.arrearsReport(),
  };
  return build[kind]();
}

class CaseDocuments {
  private readonly state: ProcedureState;
  private readonly app: CaseApplication;
  private readonly claim: ClaimData;
  private readonly reading: ClaimReading;
  private readonly m: ClaimMediationContext;
  private readonly caseCtx: CaseContext;

  constructor(
    private readonly kase: CaseRecord,
    private readonly claimId: string,
    private readonly today: LocalDate,
  ) {
    this.state = kase.snapshot;
    this.app = kase.application;
    this.claim = this.app.claims.find((c) => c.id === claimId)!;
    this.reading = claimReading(this.state, claimId)!;
    this.m = this.reading.mediation;
    this.caseCtx = caseContextOf(this.state);
  }

  private base(date: LocalDate) {
    const town = entryOf(this.kase, this.app.placeId, 'town');
    const place = town ? nominative(town) : same(this.app.place?.trim() || '—');
    return { caseNumber: this.kase.number, machineVersion: this.kase.machineVersion, place, date };
  }

  private parties(): CaseParties {
    return {
      convict: convictOf(this.kase),
      victim: partyOf(this.claim.victim),
      mediator: mediatorOf(this.kase),
      sentence: sentenceOf(this.kase),
      claim: claimOf(this.claim),
    };
  }

  /** The claim's payments, from the payments ledger. */
  private payments(): readonly Payment[] {
    return Object.hasOwn(this.kase.payments, this.claimId) ? this.kase.payments[this.claimId] : [];
  }

  private restitution(): RestitutionReading {
    return this.reading.restitution!;
  }

  invitation(): InvitationView {
    const m = this.m;
    return {
      ...this.base(m.invitedOn!),
      ...this.parties(),
      ...replyPeriodOf(m),
    };
  }

  /**
   * The contract prints what was recorded with contract.signed; what was not recorded is worded as such (fee
   * agreed separately in writing, language left blank, the ways of meeting the law allows) — never a default.
   * Copies: one for each party and the mediator.
   */
  contract(): MediationContractView {
    const terms = this.m.contract ?? null; // absent in snapshots stored before the contract's terms were kept
    const fee = terms?.fee ?? null;
    return {
      ...this.base(this.m.contractDate!),
      ...this.parties(),
      // The payer is not recorded: ЗМед ст. 22 — unless the parties agree otherwise, they bear the costs equally.
      fee: fee !== null && fee > 0 ? { amount: fee, payer: 'equal' } : null,
      freeOfCharge: fee === 0,
      mediationLanguage: terms?.language ?? null,
      termDays: mediation.termDays.value,
      maxExtensionDays: mediation.maxExtensionDays.value,
      formats: terms?.meetingForms ? [...terms.meetingForms] : null,
      copies: 3,
    };
  }

  agreement(): AgreementView {
    const { signedOn, terms } = this.m.agreement!;
    const instalments = hasInstalments(terms) ? this.indicativeTable() : null;
    const kind = instalments
      ? 'instalments_after_release'
      : terms.waived > 0
        ? 'part_paid_rest_waived'
        : 'full_before_hearing';
    return {
      ...this.base(signedOn),
      ...this.parties(),
      contractDate: this.m.contractDate!,
      number: agreementNumber(this.kase, this.claimId),
      terms: {
        kind,
        settledAmount: terms.paidBeforeHearing + (terms.instalments?.total ?? 0),
        // The date agreed for the pre-hearing part; agreements recorded without one: the hearing date once known, else 30 days from signing.
        beforeHearing:
          terms.paidBeforeHearing > 0
            ? {
                amount: terms.paidBeforeHearing,
                dueBy: terms.paidBeforeHearingBy ?? this.caseCtx.hearingDate ?? addDays(signedOn, 30),
              }
            : null,
        waiver: terms.waived > 0 ? { amount: terms.waived } : null,
        downPayment: null,
        instalments,
        payment: paymentOf(this.kase, terms),
      },
      copies: 3,
    };
  }

  /**
   * Before the dates are real: the agreement's annex, the indicative calendar, dated the day of the agreement.
   * After: the payment calendar with the real dates, a statement as of today referring to the agreement.
   */
  schedule(): ScheduleView {
    const r = this.reading.restitution?.context;
    const real = isStatement(this.kase, 'schedule', this.claimId);
    return {
      ...this.base(real ? this.today : this.m.agreement!.signedOn),
      convict: convictOf(this.kase),
      victim: partyOf(this.claim.victim),
      sentence: sentenceOf(this.kase),
      agreementDate: this.m.agreement!.signedOn,
      agreementNumber: agreementNumber(this.kase, this.claimId),
      asOf: real ? this.today : null,
      releaseDate: r?.releaseDate ?? null,
      schedule: real ? this.realTable() : this.indicativeTable(),
      ledger: real && r && r.paymentCount > 0 ? this.ledger(r) : null,
    };
  }

  termination(): TerminationNoticeView {
    const m = this.m;
    const t = terminationOf(m, this.reading.mediationState)!;
    return {
      ...this.base(this.today),
      ...this.parties(),
      ...t,
      refusingPartyName: refusingPartyName(this.app, this.claim, t.refusingParty),
      contractDate: m.contractDate,
      invitation:
        m.contractDate === null && m.invitedOn && m.replyBy ? { sentOn: m.invitedOn, replyBy: m.replyBy } : null,
    };
  }

  paymentStatement(): PaymentStatementView {
    const r = this.restitution();
    return {
      ...this.base(this.today),
      convict: convictOf(this.kase),
      victim: partyOf(this.claim.victim),
      sentence: sentenceOf(this.kase),
      claim: claimOf(this.claim),
      agreementDate: r.context.agreementDate,
      settledAmount: r.context.owed,
      waivedAmount: r.context.waived,
      ledger: this.ledger(r.context),
      fullyPaid: r.state === 'paidInFull',
    };
  }

  arrearsReport(): ArrearsReportView {
    const {
      context: r,
      ledger,
      evasions,
    } = claimLedger(this.state, this.claimId, this.today, settings.paymentGraceDays, this.payments())!;
    const dueSoFar = ledger.instalments.filter((i) => i.dueDate <= this.today).reduce((s, i) => s + i.amount, 0);
    // The misses on record for the current schedule, by instalment: their reasons as the officer recorded them.
    const recorded = new Map(
      r.misses.filter((x) => x.scheduleVersion === r.scheduleVersion).map((x) => [x.instalmentNo, x] as const),
    );
    const reasonOf = (no: number) => {
      const x = recorded.get(no);
      return {
        reasonRecorded: x !== undefined,
        reason: missReason(x?.reason ?? null),
        goodReason: x?.goodReason === true,
        explanation: x?.reason?.trim() || null,
      };
    };
    // The table is everything due by today and unpaid (the headline is its sum); a late payment is not a row of it.
    const misses: MissedPaymentView[] = ledger.instalments
      .filter((i) => i.no > 0 && i.remaining > 0 && i.dueDate <= this.today)
      .map((i) => ({
        number: i.no,
        dueDate: i.dueDate,
        amount: i.amount,
        paid: i.paid,
        shortfall: i.remaining,
        overdue: i.status === 'overdue',
        graceEndsOn: addDays(i.overdueFrom, -1),
        ...reasonOf(i.no),
      }));
    const paidLate: LatePaymentView[] = ledger.instalments
      .filter((i) => i.no > 0 && i.paidLate && i.paidOn !== undefined)
      .map((i) => ({
        number: i.no,
        dueDate: i.dueDate,
        amount: i.amount,
        paidOn: i.paidOn!,
        daysLate: daysBetween(i.dueDate, i.paidOn!),
        ...reasonOf(i.no),
      }));
    // As the machine counts evasions (УК 72 ч. 7 п. 1): every miss unless a good reason was recorded.
    const threshold = parolee.maxEvasionsBeforeRevocationGround.value;
    return {
      ...this.base(this.today),
      convict: convictOf(this.kase),
      victim: partyOf(this.claim.victim),
      sentence: sentenceOf(this.kase),
      agreementDate: r.agreementDate,
      asOf: this.today,
      dueSoFar,
      paidSoFar: r.paid,
      // Due by today and not paid (the payments allocated oldest first): the sum of the table's rows.
      arrears: misses.reduce((s, m) => s + m.shortfall, 0),
      overdueArrears: misses.filter((m) => m.overdue).reduce((s, m) => s + m.shortfall, 0),
      misses,
      paidLate,
      missesWithoutGoodReason: evasions,
      threshold,
      thresholdExceeded: evasions > threshold,
    };
  }

  private ledger(r: RestitutionReading['context']) {
    const rows: LedgerRowView[] = this.payments().map((p) => ({
      date: p.date,
      amount: p.amount,
      method: paymentMethod(p.evidence),
      evidence: p.reference,
    }));
    return ledgerFrom(this.today, rows, r.owed);
  }

  /** The payment calendar with the real dates, as stored (rebuilt only to show the dates ГК 175 moved). */
  private realTable(): ScheduleTableView {
    const r = this.reading.restitution!.context;
    const stored = r.schedule;
    const moveToWorkingDay = settings.moveDueDatesToWorkingDay;
    const first =
      r.instalments!.firstDueDate ?? (r.releaseDate ? monthAfter(r.releaseDate, r.instalments!.dayOfMonth) : undefined);
    if (first) {
      // Rebuilt to get the nominal dates (ГК 175 moves) back; used only when it gives exactly the stored rows.
      const rebuilt = buildSchedule({
        outstanding: r.instalments!.total,
        monthly: r.instalments!.monthly,
        firstDueDate: first,
        dayOfMonth: r.instalments!.dayOfMonth,
        moveToWorkingDay,
      });
      const same =
        rebuilt.rows.length === stored.length &&
        rebuilt.rows.every((x, k) => x.dueDate === stored[k].dueDate && x.amount === stored[k].amount);
      if (same) return scheduleTableFrom(rebuilt, null);
    }
    return tableFromRows(stored, r.instalments!.monthly, r.instalments!.dayOfMonth);
  }

  /**
   * The calendar as the agreement states it: fixed dates when agreed, else INDICATIVE dates from the release date
   * the parties assumed (recorded with agreement.signed), or — agreements recorded without one — from the day of
   * signing. It depends on nothing but the agreement, so every print of the agreement shows the same calendar.
   */
  private indicativeTable(): ScheduleTableView {
    const { signedOn, terms } = this.m.agreement!;
    const i = terms.instalments!;
    const moveToWorkingDay = settings.moveDueDatesToWorkingDay;
    if (i.firstDueDate)
      return scheduleTableFrom(
        buildSchedule({
          outstanding: i.total,
          monthly: i.monthly,
          firstDueDate: i.firstDueDate,
          dayOfMonth: i.dayOfMonth,
          moveToWorkingDay,
        }),
        null,
      );
    const assumed = terms.assumedReleaseDate ?? signedOn;
    const built = buildSchedule({
      outstanding: i.total,
      monthly: i.monthly,
      startsMonthAfter: assumed,
      dayOfMonth: i.dayOfMonth,
      moveToWorkingDay,
    });
    return scheduleTableFrom(built, assumed);
  }
}

/** How payment is made, as agreed; agreements recorded without it print a bank transfer with no account. */
function paymentOf(kase: CaseRecord, terms: AgreementTerms): PaymentDetailsView {
  const p = terms.paymentDetails;
  if (!p) return { method: 'bank_transfer', account: null, bank: null, recorded: false };
  const entry = entryOf(kase, p.bankId, 'bank');
  const bank = entry ? nominative(entry) : p.bank?.trim() ? same(p.bank.trim()) : null;
  return { method: p.method, account: p.account ?? null, bank, recorded: true };
}

const monthAfter = (date: LocalDate, dayOfMonth: number): LocalDate => {
  const { year, month } = parts(firstOfNextMonth(date));
  return dayOfMonthIn(year, month, dayOfMonth);
};

function tableFromRows(
  rows: { no: number; dueDate: LocalDate; amount: number }[],
  monthly: number,
  dueDay: number,
): ScheduleTableView {
  const total = rows.reduce((s, r) => s + r.amount, 0);
  let cumulative = 0;
  return {
    rows: rows.map((r) => {
      cumulative += r.amount;
      return {
        number: r.no,
        kind: 'instalment' as const,
        dueDate: r.dueDate,
        nominalDate: null,
        amount: r.amount,
        cumulative,
        remaining: total - cumulative,
      };
    }),
    total,
    count: rows.length,
    monthlyAmount: monthly,
    dueDay,
    downPayment: 0,
    assumedReleaseDate: null,
  };
}

// ── parties from the application ────────────────────────────────────────────────────────────────────────

/** A proper name recorded once: both languages print it as given. */
const same = (s: string): Localized => ({ kk: s, ru: s });
const orNull = (s: string | undefined): string | null => (s && s.trim() ? s : null);

/** The directory entry the application refers to, when it is known and of the expected kind. */
function entryOf(kase: CaseRecord, id: string | undefined, kind: DirectoryEntry['kind']): DirectoryEntry | null {
  if (!id || !kase.directory || !Object.hasOwn(kase.directory, id)) return null;
  const e = kase.directory[id];
  return e.kind === kind ? e : null;
}

/** The entry's name in each language, in the nominative. */
const nominative = (e: DirectoryEntry): Localized => ({ kk: e.names.kk.nominative, ru: e.names.ru.nominative });

/** The entry's name in each language, in the genitive (the nominative where no genitive is recorded). */
const genitive = (e: DirectoryEntry): Localized => ({
  kk: e.names.kk.genitive ?? e.names.kk.nominative,
  ru: e.names.ru.genitive ?? e.names.ru.nominative,
});

const identityDocumentOf = (d: IdentityDocument | undefined) =>
  d ? { kind: d.kind, number: d.number, issuer: d.issuer, issuedOn: d.issuedOn } : null;

function convictOf(kase: CaseRecord): ConvictView {
  const c = kase.application.convict;
  const institution = entryOf(kase, c.institutionId, 'penal_institution');
  return {
    kind: 'person',
    fullName: c.fullName,
    iin: c.iin,
    bin: null,
    address: orNull(c.address),
    phone: orNull(c.phone),
    representative: null,
    identityDocument: identityDocumentOf(c.identityDocument),
    institution: institution ? nominative(institution) : same(c.institution),
  };
}

export function partyOf(v: ClaimantData): PartyView {
  const entity = v.type === 'legal_entity';
  return {
    kind: entity ? 'legal_entity' : 'person',
    fullName: v.fullName,
    iin: entity ? null : orNull(v.iin),
    bin: entity ? orNull(v.bin) : null,
    address: orNull(v.address),
    phone: orNull(v.phone),
    representative: v.representative ? representativeOf(v.representative) : null,
    identityDocument: entity ? null : identityDocumentOf(v.identityDocument),
  };
}

/**
 * The basis as free text («доверенность от 01.11.2026 № 15»): its kind, number and date are read from it, unless the
 * application records the power of attorney's number and date as fields. The position is printed in Russian, and
 * in Kazakh when it was given in Kazakh too.
 */
export function representativeOf(r: RepresentativeData): RepresentativeView {
  const text = r.basis.toLowerCase();
  const basis = /устав|жарғы/.test(text)
    ? 'charter'
    : /законн|заңды/.test(text)
      ? 'legal_representative'
      : 'power_of_attorney';
  const number = /№\s*([\p{L}\p{N}/-]+)/u.exec(r.basis)?.[1];
  const d = /(\d{2})\.(\d{2})\.(\d{4})/.exec(r.basis);
  const document = r.powerOfAttorney
    ? { number: r.powerOfAttorney.number, date: r.powerOfAttorney.date }
    : basis === 'power_of_attorney' && number && d
      ? { number, date: `${d[3]}-${d[2]}-${d[1]}` }
      : null;
  const position = r.position?.trim() ? { kk: r.positionKk?.trim() || r.position.trim(), ru: r.position.trim() } : null;
  return {
    fullName: r.fullName,
    iin: orNull(r.iin),
    position,
    basis: r.powerOfAttorney ? 'power_of_attorney' : basis,
    document,
    identityDocument: identityDocumentOf(r.identityDocument),
  };
}

function mediatorOf(kase: CaseRecord): MediatorView {
  const m = kase.application.mediator!;
  const organisation = entryOf(kase, m.organisationId, 'mediators_organisation');
  const registry = m.registry?.trim() ?? '';
  return {
    fullName: m.fullName,
    iin: null,
    // «Реестр профессиональных медиаторов № 77» → «77»; the template prints its own label.
    registryNumber: /№\s*(\S+)\s*$/.exec(registry)?.[1] ?? (registry || '—'),
    organisation: organisation ? nominative(organisation) : same(m.organisation?.trim() || '—'),
    phone: orNull(m.phone),
    email: orNull(m.email),
  };
}

function claimOf(c: ClaimData): ClaimView {
  return { awarded: c.amountAwarded, recovered: c.amountRecovered, outstanding: c.amountAwarded - c.amountRecovered };
}

/**
 * The sentence as the documents cite it: the court from the directory in the genitive of each language; a court
 * typed as text (applications filed before the directory, or a court not in it) declined where the rules know how.
 */
function sentenceOf(kase: CaseRecord): SentenceView {
  const s = kase.application.sentence;
  const court = entryOf(kase, s.courtId, 'court');
  return {
    court: court ? genitive(court) : courtInGenitive(s.court),
    date: s.date,
    articles: s.articles.map(articleOf),
    number: orNull(s.number),
    criminalCaseNumber: orNull(s.criminalCaseNumber),
  };
}

/** «188 ч. 2 п. 4» → {article 188, part 2, item 4}; anything unreadable is printed as the article text. */
export function articleOf(text: string): ArticleRef {
  const t = text.replace(/ст\.?\s*/i, '').trim();
  const article = /^(\d+(?:-\d+)?)/.exec(t)?.[1];
  if (!article) return { article: text, part: null, item: null };
  const part = /ч\.?\s*(\d+(?:-\d+)?)/.exec(t)?.[1] ?? null;
  const item = /п\.?\s*(\d+(?:-\d+)?)/.exec(t)?.[1] ?? null;
  return { article, part, item };
}

// ── the court in the genitive ───────────────────────────────────────────────────────────────────────────

/** Russian adjective endings, longest first: «городской» → «городского», «районный» → «районного», «Усть-Каменогорский» → «…ого». */
const RU_ADJ: ReadonlyArray<[string, string]> = [
  ['ский', 'ского'],
  ['цкий', 'цкого'],
  ['ской', 'ского'],
  ['ний', 'него'],
  ['ный', 'ного'],
  ['ой', 'ого'],
  ['ый', 'ого'],
  ['кий', 'кого'],
  ['гий', 'гого'],
  ['хий', 'хого'],
];

function ruGenitive(name: string): string | null {
  const words = name.split(/\s+/);
  const head = words.findIndex((w) => /^суд$/i.test(w));
  if (head < 0) return null;
  const before = words.slice(0, head);
  const declined: string[] = [];
  for (const w of before) {
    if (/^№$|^\d+$/.test(w)) {
      declined.push(w);
      continue;
    }
    const hit = RU_ADJ.find(([end]) => w.toLowerCase().endsWith(end));
    if (!hit) return null;
    // «Восточно-Казахстанский» declines its last part only, which the ending rule does.
    declined.push(w.slice(0, w.length - hit[0].length) + hit[1]);
  }
  // What follows the head («Восточно-Казахстанской области», «№ 2») is already in the genitive or invariable.
  return [...declined, `${words[head]}а`, ...words.slice(head + 1)].join(' ');
}

/** Kazakh: the head «соты»/«сот» takes the genitive «сотының»; the words before it do not change. */
function kkGenitive(name: string): string | null {
  if (/соты$/i.test(name)) return `${name}ның`;
  if (/сот$/i.test(name)) return `${name}ының`;
  return null;
}

/**
 * The sentencing court in the genitive, as the documents print it («приговором … суда», «… сотының үкімімен»).
 * The application records one name, usually in Russian: it is declined where the rules above know the words;
 * the other language (and any name they cannot decline) prints it as given.
 */
export function courtInGenitive(court: string): Localized {
  const name = court.trim().replace(/\s+/g, ' ');
  if (/(^|\s)суда(\s|$)/i.test(name) || /сотының(\s|$)/i.test(name)) return same(name);
  const ru = ruGenitive(name);
  if (ru) return { kk: name, ru };
  const kk = kkGenitive(name);
  if (kk) return { kk, ru: name };
  return same(name);
}

// ── labels for free-text records ────────────────────────────────────────────────────────────────────────

/** Evidence labels as the officer records them (bank_transfer, victim_receipt, bailiff_certificate, free text). */
function paymentMethod(evidence: string | null): LedgerRowView['method'] {
  const e = (evidence ?? '').toLowerCase();
  if (/bailiff|исполнител|орындаушы/.test(e)) return 'bailiff';
  if (/receipt|cash|расписк|қолхат|налич/.test(e)) return 'cash_receipt';
  return 'bank_transfer';
}

function missReason(reason: string | null): MissedPaymentView['reason'] {
  if (!reason || !reason.trim()) return 'no_reason_given';
  const r = reason.toLowerCase();
  if (/болезн|больнич|болел|ауру|illness|sick/.test(r)) return 'illness';
  if (/работ|жұмыс|unemploy/.test(r)) return 'unemployment';
  if (/доход|табыс|income/.test(r)) return 'no_income';
  return 'other';
}
