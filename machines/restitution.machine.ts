/**
 * Performance of one mediative agreement (DOMAIN.md §2 steps 7 and 9): the part paid before the hearing, then
 * instalments after release, arrears with the reasons given, default (УК 72 ч. 7 п. 1), full payment.
 * Created by the orchestrator when the agreement is signed. The schedule rows are computed outside (a pure
 * function injected into the orchestrator) and arrive in the input or on the event that fixes the dates.
 */
import { and, assign, setup } from 'xstate';
import { isLocalDate } from '../src/common/local-date';
import { parolee } from '../src/law/legal-rules';
import { type DueRow, type PaymentAllocation, allocatePaid } from '../src/restitution/domain/ledger';
import { instalmentTermsProblems } from '../src/restitution/domain/instalment-terms';
import {
  type Check,
  type InstalmentTerms,
  type LocalDate,
  type PaymentOnRecord,
  type RestitutionEvent,
  type ScheduleRow,
  type Tiyn,
  firstViolation,
  isNonEmptyText,
  isPositiveTiyn,
  isTiyn,
} from './events';
import { documentIssueAction } from './effects';

export interface RestitutionInput {
  claimId: string;
  agreementDate: LocalDate;
  /** Agreed to be paid before the court hearing. */
  preHearingDue: Tiyn;
  /** Renounced by the victim (ЗМед ст. 5 п. 3). */
  waived: Tiyn;
  instalments: InstalmentTerms | null;
  /** Empty until the dates are known (usually: the month after release). */
  schedule: ScheduleRow[];
  releaseDate: LocalDate | null;
}

/**
 * A payment as the ledger records it: one row of the payments table (src/restitution/payments.repository.ts),
 * written in the transaction of its `payment.recorded` event. The machine keeps only the totals.
 */
export interface Payment {
  reference: string;
  amount: Tiyn;
  date: LocalDate;
  /** A short label of the evidence (bank transfer, receipt, bailiff's certificate); the document itself is stored elsewhere. */
  evidence: string | null;
  recordedOn: LocalDate;
}

export interface Miss {
  scheduleVersion: number;
  instalmentNo: number;
  dueDate: LocalDate;
  reportedOn: LocalDate;
  /** null until the officer records the reason; inability to pay can be a good reason (LAW.md §1.7). */
  goodReason: boolean | null;
  reason: string | null;
}

export interface RestitutionContext extends RestitutionInput {
  /** Everything the agreement obliges the convict to pay (pre-hearing part + instalments), less later waivers. */
  owed: Tiyn;
  paid: Tiyn;
  scheduleVersion: number;
  /** Paid amounts before this offset went to the pre-hearing part or to an earlier schedule. */
  scheduleOffset: Tiyn;
  /** Payments recorded (the rows of the payments ledger for this claim); the payments themselves are not kept here. */
  paymentCount: number;
  /** Date of the latest payment by payment date; null before the first. */
  lastPaymentOn: LocalDate | null;
  misses: Miss[];
  /** Payment entries reversed (`payment.reversed`): each is a reversal row of the ledger. Absent before it existed. */
  reversals?: number;
  /**
   * The schedule runs from the month after release (computed at `convict.released`): a release-date correction
   * recomputes it. Absent in snapshots stored before it existed (the orchestrator then infers it).
   */
  scheduleFromRelease?: boolean;
  defaultReportedOn: LocalDate | null;
  paidInFullOn: LocalDate | null;
}

type E<T extends RestitutionEvent['type']> = Extract<RestitutionEvent, { type: T }>;
type C = RestitutionContext;

// ── the ledger: pure functions over the context ─────────────────────────────────────────────────────────
export const balance = (c: C): Tiyn => c.owed - c.paid;
export const preHearingPartPaid = (c: C): boolean => c.paid >= c.preHearingDue;

/**
 * What is due, oldest first: row 0 for what was due before the current schedule (the part paid before the
 * hearing, or what had been paid when the schedule was amended), then the current schedule's instalments.
 * The one ledger (allocatePayments) applies the payments to these rows, here and in every view.
 */
export function dueRows(c: C): DueRow[] {
  const before = c.scheduleOffset > 0 ? [{ no: 0, dueDate: c.agreementDate, amount: c.scheduleOffset }] : [];
  return [...before, ...c.schedule.map((r) => ({ no: r.no, dueDate: r.dueDate, amount: r.amount }))];
}

/**
 * The total paid applied to dueRows (oldest first), by the one allocation: coverage depends only on the sum paid,
 * so the machine needs no list of payments. `more` adds a payment not yet recorded (the guards look one ahead).
 */
export const allocationOf = (c: C, more: Tiyn = 0): PaymentAllocation => allocatePaid(dueRows(c), c.paid + more);

/** An instalment of the current schedule is covered when the payments allocated to it reach its amount. */
export function isCovered(c: C, instalmentNo: number, more: Tiyn = 0): boolean {
  return instalmentNo > 0 && allocationOf(c, more).rows.some((r) => r.no === instalmentNo && r.remaining === 0);
}

export const missesOfCurrentSchedule = (c: C): Miss[] =>
  c.misses.filter((m) => m.scheduleVersion === c.scheduleVersion);
/** Misses of the current schedule that the payments do not cover yet: the restitution is in arrears while there are any. */
export function openArrears(c: C, more: Tiyn = 0): Miss[] {
  const open = new Set(
    allocationOf(c, more)
      .rows.filter((r) => r.no > 0 && r.remaining > 0)
      .map((r) => r.no),
  );
  return missesOfCurrentSchedule(c).filter((m) => open.has(m.instalmentNo));
}
/**
 * Misses without a good reason (evasion, УК 72 ч. 7 п. 1): every miss unless the officer recorded a good reason
 * (the parolee has to show one; inability to pay can be one).
 */
export const evasions = (c: C): number => c.misses.filter((m) => m.goodReason !== true).length;

/** The earliest instalment that is unpaid and not yet reported overdue — the sweeper's next deadline. */
export function nextInstalmentToWatch(c: C): ScheduleRow | undefined {
  const reported = new Set(missesOfCurrentSchedule(c).map((m) => m.instalmentNo));
  const open = new Set(
    allocationOf(c)
      .rows.filter((r) => r.no > 0 && r.remaining > 0)
      .map((r) => r.no),
  );
  return c.schedule.find((row) => open.has(row.no) && !reported.has(row.no));
}

/**
 * The payment already on the ledger under the event's reference, looked up by the store before the transition
 * (`onRecord`; absent or null: none). The same reference, amount and date = the same payment recorded again.
 */
const samePayment = (p: PaymentOnRecord, e: E<'payment.recorded'>) => p.amount === e.amount && p.date === e.date;
export const isRepeatedPayment = (_c: C, e: E<'payment.recorded'>): boolean =>
  !!e.onRecord && samePayment(e.onRecord, e);
/** The ledger row of an accepted `payment.recorded` (what the machine used to keep in its context). */
export function paymentOf(
  e: Pick<E<'payment.recorded'>, 'reference' | 'amount' | 'date' | 'evidence' | 'at'>,
): Payment {
  return {
    reference: e.reference,
    amount: e.amount,
    date: e.date,
    evidence: typeof e.evidence === 'string' ? e.evidence.slice(0, 200) : null,
    recordedOn: e.at,
  };
}
const rowOf = (c: C, no: number) => c.schedule.find((r) => r.no === no);

const instalmentTermsValid = (i: InstalmentTerms | undefined, at: LocalDate): boolean => {
  if (i === undefined || i.total === 0) return true;
  return instalmentTermsProblems(i, { notBefore: at }).length === 0;
};

type Checks = { [T in RestitutionEvent['type']]?: Check<C, E<T>>[] };
export const restitutionChecks: Checks = {
  'payment.recorded': [
    {
      field: 'reference',
      rule: 'reference_required',
      message: 'Укажите номер платёжного документа (он делает запись идемпотентной)',
      holds: (_c, e) => isNonEmptyText(e.reference),
    },
    {
      field: 'amount',
      rule: 'amount_not_positive_integer',
      message: 'Сумма платежа — целое положительное число тиын',
      holds: (_c, e) => isPositiveTiyn(e.amount),
    },
    {
      field: 'date',
      rule: 'payment_date_invalid',
      message: 'Дата платежа должна быть календарной датой ГГГГ-ММ-ДД',
      holds: (_c, e) => isLocalDate(e.date),
    },
    {
      field: 'date',
      rule: 'payment_date_in_future',
      message: 'Дата платежа не может быть позже сегодняшнего дня',
      holds: (_c, e) => e.date <= e.at,
    },
    {
      field: 'date',
      rule: 'payment_before_agreement',
      message: 'Платёж раньше даты соглашения не засчитывается в его исполнение',
      holds: (c, e) => e.date >= c.agreementDate,
    },
    {
      field: 'reference',
      rule: 'payment_reference_conflict',
      message: 'Платёж с этим номером уже записан с другой суммой или датой',
      holds: (_c, e) => !e.onRecord || samePayment(e.onRecord, e),
    },
    {
      field: 'amount',
      rule: 'overpayment',
      message: 'Сумма платежа больше остатка долга по соглашению',
      holds: (c, e) => isRepeatedPayment(c, e) || e.amount <= balance(c),
    },
  ],
  'payment.overdue': [
    {
      field: 'instalmentNo',
      rule: 'unknown_instalment',
      message: 'В графике нет платежа с этим номером',
      holds: (c, e) => rowOf(c, e.instalmentNo) !== undefined,
    },
    {
      field: 'instalmentNo',
      rule: 'instalment_paid',
      message: 'Этот платёж по графику уже внесён',
      holds: (c, e) => !isCovered(c, e.instalmentNo),
    },
    {
      field: 'instalmentNo',
      rule: 'already_reported_overdue',
      message: 'Просрочка этого платежа уже записана',
      holds: (c, e) => !missesOfCurrentSchedule(c).some((m) => m.instalmentNo === e.instalmentNo),
    },
    {
      field: 'at',
      rule: 'not_yet_due',
      message: 'Срок этого платежа ещё не наступил',
      holds: (c, e) => e.at > rowOf(c, e.instalmentNo)!.dueDate,
    },
  ],
  'payment.missed.explained': [
    {
      field: 'instalmentNo',
      rule: 'miss_not_on_record',
      message: 'Просрочка этого платежа не записана',
      holds: (c, e) => missesOfCurrentSchedule(c).some((m) => m.instalmentNo === e.instalmentNo),
    },
    {
      field: 'goodReason',
      rule: 'good_reason_required',
      message: 'Укажите, уважительна ли причина (да/нет)',
      holds: (_c, e) => typeof e.goodReason === 'boolean',
    },
    {
      field: 'reason',
      rule: 'reason_required',
      message: 'Укажите причину пропуска платежа',
      holds: (_c, e) => isNonEmptyText(e.reason),
    },
  ],
  'default.reported': [
    {
      field: 'type',
      rule: 'evasion_not_repeated',
      message: `Основание для представления об отмене УДО — уклонение без уважительной причины более ${parolee.maxEvasionsBeforeRevocationGround.value} раз (УК ст. 72 ч. 7 п. 1)`,
      holds: (c) => evasions(c) > parolee.maxEvasionsBeforeRevocationGround.value,
    },
  ],
  'agreement.amended': [
    {
      field: 'instalments',
      rule: 'amount_not_tiyn',
      message: 'Суммы указываются целым неотрицательным числом тиын',
      holds: (_c, e) =>
        isTiyn(e.instalments?.total) && isTiyn(e.instalments?.monthly) && (e.waived === undefined || isTiyn(e.waived)),
    },
    {
      field: 'instalments.total',
      rule: 'amounts_do_not_add_up',
      message: 'Новая рассрочка вместе с прощённой частью должна равняться остатку долга',
      holds: (c, e) => e.instalments.total + (e.waived ?? 0) === balance(c),
    },
    {
      field: 'instalments',
      rule: 'instalment_terms_invalid',
      message: 'Рассрочка: ежемесячный платёж больше нуля, число месяца 1–31, первый платёж не раньше даты изменения',
      holds: (_c, e) => instalmentTermsValid(e.instalments, e.at),
    },
    {
      field: 'schedule',
      rule: 'schedule_does_not_add_up',
      message: 'Сумма платежей графика не равна сумме рассрочки',
      holds: (_c, e) =>
        Array.isArray(e.schedule) && e.schedule.reduce((s, r) => s + r.amount, 0) === e.instalments.total,
    },
  ],
  'payment.reversed': [
    {
      field: 'reason',
      rule: 'reason_required',
      message: 'Укажите причину исправления',
      holds: (_c, e) => isNonEmptyText(e.reason),
    },
    {
      field: 'reference',
      rule: 'payment_not_on_record',
      message: 'Платежа с этим номером документа нет среди записанных (или он уже сторнирован)',
      holds: (_c, e) => isNonEmptyText(e.reference) && !!e.original,
    },
    {
      field: 'replacement',
      rule: 'replacement_invalid',
      message:
        'Правильный платёж: сумма — целое положительное число тиын, дата не позже сегодняшнего дня и не раньше соглашения, номер документа указан',
      holds: (c, e) => {
        const r = e.replacement;
        return (
          r === undefined ||
          (isPositiveTiyn(r.amount) &&
            isLocalDate(r.date) &&
            r.date <= e.at &&
            r.date >= c.agreementDate &&
            isNonEmptyText(r.reference))
        );
      },
    },
    {
      field: 'replacement.reference',
      rule: 'payment_reference_conflict',
      message: 'Платёж с номером документа правильного платежа уже записан',
      holds: (_c, e) => !e.replacementOnRecord,
    },
    {
      field: 'replacement.amount',
      rule: 'overpayment',
      message: 'Сумма правильного платежа больше остатка долга по соглашению',
      holds: (c, e) => (e.replacement?.amount ?? 0) <= balance(c) + e.original!.amount,
    },
  ],
  'release.corrected': [
    {
      field: 'releaseDate',
      rule: 'release_date_invalid',
      message: 'Дата освобождения должна быть календарной датой не позже сегодняшнего дня',
      holds: (_c, e) => isLocalDate(e.releaseDate) && e.releaseDate <= e.at,
    },
    {
      field: 'schedule',
      rule: 'schedule_does_not_add_up',
      message: 'Сумма платежей графика не равна сумме рассрочки',
      holds: (c, e) =>
        e.schedule === undefined || e.schedule.reduce((s, r) => s + r.amount, 0) === (c.instalments?.total ?? 0),
    },
  ],
  'convict.released': [
    {
      field: 'releaseDate',
      rule: 'release_date_invalid',
      message: 'Дата освобождения должна быть календарной датой не позже сегодняшнего дня',
      holds: (_c, e) => isLocalDate(e.releaseDate) && e.releaseDate <= e.at,
    },
    {
      field: 'schedule',
      rule: 'schedule_does_not_add_up',
      message: 'Сумма платежей графика не равна сумме рассрочки',
      holds: (c, e) =>
        c.schedule.length > 0 ||
        (c.instalments?.total ?? 0) === 0 ||
        (e.schedule ?? []).reduce((s, r) => s + r.amount, 0) === c.instalments!.total,
    },
  ],
};

const allHold =
  (type: RestitutionEvent['type']) =>
  ({ context, event }: { context: C; event: RestitutionEvent }): boolean =>
    event.type === type &&
    firstViolation(restitutionChecks[type] as Check<C, RestitutionEvent>[], context, event) === undefined;

/** What the payment (or the reversal with its replacement) adds to the total paid. */
const paidDelta = (e: RestitutionEvent): Tiyn =>
  e.type === 'payment.reversed'
    ? (e.replacement?.amount ?? 0) - (e.original?.amount ?? 0)
    : (e as E<'payment.recorded'>).amount;
const paidAfter = (c: C, e: RestitutionEvent) => c.paid + paidDelta(e);

const restitution = setup({
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- XState infers the machine's types from this assertion
  types: {} as { context: RestitutionContext; events: RestitutionEvent; input: RestitutionInput },
  guards: {
    nothingToPay: ({ context }) => balance(context) === 0,
    preHearingPartDue: ({ context }) => !preHearingPartPaid(context),
    isReleased: ({ context }) => context.releaseDate !== null,
    isRepeatedPayment: ({ context, event }) => event.type === 'payment.recorded' && isRepeatedPayment(context, event),
    paymentIsLawful: allHold('payment.recorded'),
    paymentSettlesBalance: ({ context, event }) => paidAfter(context, event) === context.owed,
    paymentCompletesPreHearingPart: ({ context, event }) => paidAfter(context, event) >= context.preHearingDue,
    paymentClearsArrears: ({ context, event }) => openArrears(context, paidDelta(event)).length === 0,
    reversalIsLawful: allHold('payment.reversed'),
    reversalReopensArrears: ({ context, event }) => openArrears(context, paidDelta(event)).length > 0,
    reversalUncoversPreHearingPart: ({ context, event }) => paidAfter(context, event) < context.preHearingDue,
    releaseCorrectionIsLawful: allHold('release.corrected'),
    scheduleRecomputed: ({ event }) => event.type === 'release.corrected' && event.schedule !== undefined,
    instalmentIsOverdue: allHold('payment.overdue'),
    missIsOnRecord: allHold('payment.missed.explained'),
    /** Evasion more than twice without good reason (УК 72 ч. 7 п. 1). */
    evadedMoreThanAllowed: allHold('default.reported'),
    amendmentIsLawful: allHold('agreement.amended'),
    amendmentWaivesTheRest: ({ event }) => event.type === 'agreement.amended' && event.instalments.total === 0,
    releaseIsLawful: allHold('convict.released'),
  },
  actions: {
    recordPayment: assign(({ context, event }) => {
      // The payment itself is written to the ledger table in the event's transaction (paymentOf): totals only here.
      const e = event as E<'payment.recorded'>;
      const last = context.lastPaymentOn;
      return {
        paid: context.paid + e.amount,
        paymentCount: context.paymentCount + 1,
        lastPaymentOn: last !== null && last > e.date ? last : e.date,
      };
    }),
    /** A reversal row for the original and, if given, the replacement as a new row (the ledger table): totals here. */
    reversePayment: assign(({ context, event }) => {
      const e = event as E<'payment.reversed'>;
      const r = e.replacement;
      const last = context.lastPaymentOn;
      return {
        paid: context.paid + paidDelta(e),
        paymentCount: context.paymentCount + (r ? 1 : 0),
        reversals: (context.reversals ?? 0) + 1,
        // the latest recorded payment date; a reversed payment's date may stay here (the ledger has the rows)
        lastPaymentOn: r && (last === null || r.date > last) ? r.date : last,
      };
    }),
    /**
     * A wrongly recorded release date corrected: with a schedule recomputed from it, the misses recorded under the
     * wrong dates are withdrawn (the history keeps them; the sweeper reports misses again by the corrected dates).
     */
    correctRelease: assign(({ context, event }) => {
      const e = event as Extract<RestitutionEvent, { type: 'release.corrected' }>;
      if (!e.schedule) return { releaseDate: e.releaseDate };
      return {
        releaseDate: e.releaseDate,
        schedule: e.schedule.map((r) => ({ ...r })),
        scheduleVersion: context.scheduleVersion + 1,
        misses: context.misses.filter((m) => m.scheduleVersion !== context.scheduleVersion),
        scheduleFromRelease: true,
      };
    }),
    recordPaidInFull: assign({ paidInFullOn: ({ event }) => event.at }),
    recordMiss: assign({
      misses: ({ context, event }) => {
        const e = event as E<'payment.overdue'>;
        const row = rowOf(context, e.instalmentNo)!;
        return [
          ...context.misses,
          {
            scheduleVersion: context.scheduleVersion,
            instalmentNo: row.no,
            dueDate: row.dueDate,
            reportedOn: e.at,
            goodReason: null,
            reason: null,
          },
        ];
      },
    }),
    recordReason: assign({
      misses: ({ context, event }) => {
        const e = event as E<'payment.missed.explained'>;
        return context.misses.map((m) =>
          m.scheduleVersion === context.scheduleVersion && m.instalmentNo === e.instalmentNo
            ? { ...m, goodReason: e.goodReason, reason: e.reason }
            : m,
        );
      },
    }),
    recordDefault: assign({ defaultReportedOn: ({ event }) => event.at }),
    recordRelease: assign(({ context, event }) => {
      const e = event as E<'convict.released'>;
      return {
        releaseDate: e.releaseDate,
        schedule: context.schedule.length > 0 ? context.schedule : (e.schedule ?? []).map((r) => ({ ...r })),
        scheduleFromRelease: context.schedule.length === 0 && (e.schedule ?? []).length > 0,
      };
    }),
    // The parties returned to mediation: the balance gets a new schedule; earlier misses stay on record.
    amendSchedule: assign(({ context, event }) => {
      const e = event as E<'agreement.amended'>;
      return {
        owed: context.owed - (e.waived ?? 0),
        waived: context.waived + (e.waived ?? 0),
        instalments: { ...e.instalments },
        schedule: e.schedule.map((r) => ({ ...r })),
        scheduleVersion: context.scheduleVersion + 1,
        scheduleOffset: context.paid,
        scheduleFromRelease: false,
      };
    }),
    /** An effect (effects.ts): the report of evasion, issued when the default is reported. */
    'document.issue': documentIssueAction,
  },
});

// ── transitions shared by several states ─────────────────────────────────────────────────────────────────
/** A payment reference recorded before: accepted, nothing changes (idempotent retries). */
const repeatedPayment = { guard: 'isRepeatedPayment' } as const;
const paymentSettlingTheBalance = {
  guard: and(['paymentIsLawful', 'paymentSettlesBalance']),
  target: 'paidInFull',
  actions: ['recordPayment', 'recordPaidInFull'],
} as const;
const payment = { guard: 'paymentIsLawful', actions: 'recordPayment' } as const;
const missedInstalment = { guard: 'missIsOnRecord', actions: 'recordReason' } as const;
const defaultReport = {
  guard: 'evadedMoreThanAllowed',
  target: 'defaultReported',
  actions: [
    'recordDefault',
    {
      type: 'document.issue',
      params: ({ context, event }: { context: C; event: RestitutionEvent }) => ({
        kind: 'default-report' as const,
        claimId: context.claimId,
        on: event.at,
      }),
    },
  ],
} as const;
const amendmentWaivingTheRest = {
  guard: and(['amendmentIsLawful', 'amendmentWaivesTheRest']),
  target: 'paidInFull',
  actions: ['amendSchedule', 'recordPaidInFull'],
} as const;
const amendment = { guard: 'amendmentIsLawful', target: 'current', actions: 'amendSchedule' } as const;
const reversalSettlingTheBalance = {
  guard: and(['reversalIsLawful', 'paymentSettlesBalance']),
  target: 'paidInFull',
  actions: ['reversePayment', 'recordPaidInFull'],
} as const;
const reversal = { guard: 'reversalIsLawful', actions: 'reversePayment' } as const;
const releaseCorrection = { guard: 'releaseCorrectionIsLawful', actions: 'correctRelease' } as const;

export const restitutionMachine = restitution.createMachine({
  id: 'restitution',
  context: ({ input }) => ({
    ...input,
    owed: input.preHearingDue + (input.instalments?.total ?? 0),
    paid: 0,
    scheduleVersion: 1,
    scheduleOffset: input.preHearingDue,
    paymentCount: 0,
    lastPaymentOn: null,
    misses: [],
    defaultReportedOn: null,
    paidInFullOn: null,
  }),
  initial: 'opening',
  states: {
    opening: {
      always: [
        { guard: 'nothingToPay', target: 'paidInFull', actions: 'recordPaidInFull' },
        { guard: 'preHearingPartDue', target: 'awaitingPayment' },
        { guard: 'isReleased', target: 'current' },
        { target: 'awaitingRelease' },
      ],
    },
    /** The part agreed to be paid before the court hearing. */
    awaitingPayment: {
      on: {
        'payment.recorded': [
          repeatedPayment,
          paymentSettlingTheBalance,
          {
            guard: and(['paymentIsLawful', 'paymentCompletesPreHearingPart', 'isReleased']),
            target: 'current',
            actions: 'recordPayment',
          },
          {
            guard: and(['paymentIsLawful', 'paymentCompletesPreHearingPart']),
            target: 'awaitingRelease',
            actions: 'recordPayment',
          },
          payment,
        ],
        'payment.reversed': [
          reversalSettlingTheBalance,
          {
            guard: and(['reversalIsLawful', 'paymentCompletesPreHearingPart', 'isReleased']),
            target: 'current',
            actions: 'reversePayment',
          },
          {
            guard: and(['reversalIsLawful', 'paymentCompletesPreHearingPart']),
            target: 'awaitingRelease',
            actions: 'reversePayment',
          },
          reversal,
        ],
        'convict.released': { guard: 'releaseIsLawful', actions: 'recordRelease' },
        'release.corrected': releaseCorrection,
      },
    },
    /** Instalments start after release: an agreement "for the case of parole" has no effect before it. */
    awaitingRelease: {
      on: {
        'payment.recorded': [repeatedPayment, paymentSettlingTheBalance, payment],
        'payment.reversed': [
          reversalSettlingTheBalance,
          {
            guard: and(['reversalIsLawful', 'reversalUncoversPreHearingPart']),
            target: 'awaitingPayment',
            actions: 'reversePayment',
          },
          reversal,
        ],
        'convict.released': { guard: 'releaseIsLawful', target: 'current', actions: 'recordRelease' },
      },
    },
    current: {
      on: {
        'payment.recorded': [repeatedPayment, paymentSettlingTheBalance, payment],
        'payment.reversed': [
          reversalSettlingTheBalance,
          {
            guard: and(['reversalIsLawful', 'reversalReopensArrears']),
            target: 'inArrears',
            actions: 'reversePayment',
          },
          reversal,
        ],
        'payment.overdue': { guard: 'instalmentIsOverdue', target: 'inArrears', actions: 'recordMiss' },
        'payment.missed.explained': missedInstalment,
        'default.reported': defaultReport,
        'agreement.amended': [amendmentWaivingTheRest, { ...amendment, reenter: true }],
        'release.corrected': releaseCorrection,
      },
    },
    /** An instalment is overdue; the reason (good or not) is recorded for each miss. */
    inArrears: {
      on: {
        'payment.recorded': [
          repeatedPayment,
          paymentSettlingTheBalance,
          { guard: and(['paymentIsLawful', 'paymentClearsArrears']), target: 'current', actions: 'recordPayment' },
          payment,
        ],
        'payment.reversed': [
          reversalSettlingTheBalance,
          { guard: and(['reversalIsLawful', 'paymentClearsArrears']), target: 'current', actions: 'reversePayment' },
          reversal,
        ],
        'release.corrected': [
          {
            guard: and(['releaseCorrectionIsLawful', 'scheduleRecomputed']),
            target: 'current',
            actions: 'correctRelease',
          },
          releaseCorrection,
        ],
        'payment.overdue': { guard: 'instalmentIsOverdue', actions: 'recordMiss' },
        'payment.missed.explained': missedInstalment,
        'default.reported': defaultReport,
        'agreement.amended': [amendmentWaivingTheRest, amendment],
      },
    },
    /** The police reported the evasion to the court (submission on revoking parole); payments still count. */
    defaultReported: {
      on: {
        'payment.recorded': [repeatedPayment, paymentSettlingTheBalance, payment],
        'payment.reversed': [reversalSettlingTheBalance, reversal],
        'payment.overdue': { guard: 'instalmentIsOverdue', actions: 'recordMiss' },
        'payment.missed.explained': missedInstalment,
        'agreement.amended': [amendmentWaivingTheRest, amendment],
      },
    },
    /** Every agreed amount paid (or the rest waived): the payment statement is then the certificate of full payment. */
    paidInFull: { type: 'final' },
  },
});
