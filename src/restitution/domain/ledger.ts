/**
 * Payments recorded against a schedule (DOMAIN.md §2 step 9): each payment goes to the oldest open
 * instalment first. One allocation (allocatePayments) serves the restitution machine and every view;
 * ledgerAsOf adds each row's status on a day; applyLedger first checks payments given from outside (a
 * reference seen twice is one payment; more than the balance is refused).
 * "Today" and the grace period are passed in. Pure: no framework imports.
 */
import { DomainError, type FieldError } from '../../common/domain-error';
import { addDays, daysBetween, isLocalDate, type LocalDate } from '../../common/local-date';
import { settings } from '../../law/legal-rules';
import { formatTenge, isTiyn, type Tiyn } from '../../money/domain/money';
import type { ScheduleRow } from './schedule';
import { termEndsOn } from './work-calendar';

export interface Payment {
  /** Bank reference, receipt number…: the idempotency key. */
  reference: string;
  amount: Tiyn;
  date: LocalDate;
  /** How it is proven (PAYMENT_EVIDENCE in machines/events.ts); the ledger does not read it. */
  evidence: string;
}

export type InstalmentStatus = 'paid' | 'partly_paid' | 'due' | 'overdue' | 'upcoming';

export interface Allocation {
  reference: string;
  date: LocalDate;
  amount: Tiyn;
}

export interface LedgerInstalment {
  no: number;
  dueDate: LocalDate;
  amount: Tiyn;
  paid: Tiyn;
  remaining: Tiyn;
  status: InstalmentStatus;
  /** First day on which an unpaid rest counts as overdue: the day after dueDate + graceDays (moved by ГК 175). */
  overdueFrom: LocalDate;
  /** Date of the payment that completed the instalment. */
  paidOn?: LocalDate;
  /** Fully paid, but only on or after overdueFrom (a late payment: still a missed due date, see arrears.ts). */
  paidLate: boolean;
  allocations: Allocation[];
}

export interface Ledger {
  asOf: LocalDate;
  graceDays: number;
  instalments: LedgerInstalment[];
  total: Tiyn;
  paidTotal: Tiyn;
  balance: Tiyn;
  /** Sum still unpaid of instalments past dueDate + grace. */
  arrears: Tiyn;
  /** Sum still unpaid of instalments whose due date has come (grace or not). */
  dueUnpaid: Tiyn;
  closed: boolean;
  /** Date of the payment that paid the last tiyn (early full repayment closes the plan too). */
  closedOn?: LocalDate;
  /** Payments counted, in the order applied (by date, then as given). */
  payments: PaymentLike[];
  /** References given more than once and counted once. */
  duplicateReferences: string[];
}

export const LEDGER_RULES = {
  overpayment: 'overpayment',
  duplicateConflict: 'duplicate_reference_conflict',
  positive: 'tiyn_positive',
  localDate: 'local_date',
  reference: 'reference_required',
  future: 'payment_in_future',
} as const;

/** A row of what is due: an instalment, or row 0 for what was due before the current schedule. */
export interface DueRow {
  no: number;
  dueDate: LocalDate;
  amount: Tiyn;
}

/** What the allocation needs of a payment (the ledger may later read payments from a table). */
export type PaymentLike = Pick<Payment, 'reference' | 'amount' | 'date'>;

export interface AllocatedRow extends DueRow {
  paid: Tiyn;
  remaining: Tiyn;
  /** Date of the payment that completed the row. */
  paidOn?: LocalDate;
  allocations: Allocation[];
}

export interface PaymentAllocation {
  rows: AllocatedRow[];
  total: Tiyn;
  paidTotal: Tiyn;
  /** Paid beyond the rows (e.g. towards instalments whose dates are not fixed yet). */
  unallocated: Tiyn;
  /** Date of the payment that paid the last tiyn of the rows. */
  settledOn?: LocalDate;
  /** The payments in the order applied: by date, then as given. */
  payments: PaymentLike[];
}

/**
 * THE allocation of payments to what is due, used by the restitution machine (whether an instalment is covered,
 * open arrears) and by every view (schedule, payment statement, arrears report): the oldest open row first,
 * payments in date order (then as given). Pure and total: it validates nothing (see applyLedger) and keeps an
 * amount beyond the rows as `unallocated`. Coverage depends only on the sum paid, not on the order.
 */
export function allocatePayments(rows: readonly DueRow[], payments: readonly PaymentLike[]): PaymentAllocation {
  // Payments are usually recorded in date order: sorted (stably) only when they are not.
  const inOrder = payments.every((p, i) => i === 0 || payments[i - 1].date <= p.date);
  const ordered = inOrder
    ? [...payments]
    : payments
        .map((p, index) => ({ p, index }))
        .sort((a, b) => (a.p.date < b.p.date ? -1 : a.p.date > b.p.date ? 1 : a.index - b.index))
        .map((o) => o.p);
  const out: AllocatedRow[] = rows.map((r) => ({
    no: r.no,
    dueDate: r.dueDate,
    amount: r.amount,
    paid: 0,
    remaining: r.amount,
    allocations: [],
  }));
  const total = rows.reduce((a, r) => a + r.amount, 0);
  let paidTotal = 0;
  let unallocated = 0;
  let settledOn: LocalDate | undefined;
  let open = 0; // index of the oldest row with something left
  for (const p of ordered) {
    let left = p.amount;
    while (left > 0) {
      while (open < out.length && out[open].remaining === 0) open++;
      if (open === out.length) break;
      const row = out[open];
      const take = Math.min(left, row.remaining);
      row.paid += take;
      row.remaining -= take;
      row.allocations.push({ reference: p.reference.trim(), date: p.date, amount: take });
      if (row.remaining === 0) row.paidOn = p.date;
      left -= take;
    }
    unallocated += left;
    paidTotal += p.amount - left;
    if (settledOn === undefined && total > 0 && paidTotal === total) settledOn = p.date;
  }
  return { rows: out, total, paidTotal, unallocated, ...(settledOn !== undefined && { settledOn }), payments: ordered };
}

/**
 * The allocation of a total paid to the rows: what the restitution machine needs (is an instalment covered,
 * which arrears are open), since coverage depends only on the sum paid. The same function as every view's
 * (allocatePayments), given the total as one payment; the payments themselves live in the ledger table.
 */
export function allocatePaid(rows: readonly DueRow[], paid: Tiyn): PaymentAllocation {
  return allocatePayments(rows, paid > 0 ? [{ reference: 'paid', amount: paid, date: rows[0]?.dueDate ?? '' }] : []);
}

/**
 * The first day on which an unpaid rest of a row due on `dueDate` counts as overdue: the day after the grace
 * period, whose last day moves off a non-working day (ГК 175, `termEnd`; the machines pass ProcedureDeps.termEnd).
 */
export const overdueFrom = (
  dueDate: LocalDate,
  graceDays: number,
  termEnd: (nominal: LocalDate) => LocalDate = termEndsOn,
): LocalDate => addDays(termEnd(addDays(dueDate, graceDays)), 1);

/**
 * The rows with the payments allocated (allocatePayments) and each row's status on `today`. No validation: for
 * payments already accepted (by the restitution machine); applyLedger checks payments given from outside.
 */
export function ledgerAsOf(
  rows: readonly DueRow[],
  payments: readonly PaymentLike[],
  today: LocalDate,
  graceDays: number = settings.paymentGraceDays,
  duplicateReferences: string[] = [],
): Ledger {
  const a = allocatePayments(rows, payments);
  let arrears = 0;
  let dueUnpaid = 0;
  const instalments = a.rows.map((r): LedgerInstalment => {
    const from = overdueFrom(r.dueDate, graceDays);
    const row: LedgerInstalment = {
      ...r,
      status: 'upcoming',
      overdueFrom: from,
      paidLate: r.paidOn !== undefined && r.paidOn >= from,
    };
    row.status = statusOf(row, today);
    if (row.status === 'overdue') arrears += row.remaining;
    if (row.remaining > 0 && daysBetween(row.dueDate, today) >= 0) dueUnpaid += row.remaining;
    return row;
  });
  return {
    asOf: today,
    graceDays,
    instalments,
    total: a.total,
    paidTotal: a.paidTotal,
    balance: a.total - a.paidTotal,
    arrears,
    dueUnpaid,
    closed: a.paidTotal === a.total,
    ...(a.settledOn !== undefined ? { closedOn: a.settledOn } : {}),
    payments: a.payments,
    duplicateReferences,
  };
}

/**
 * The ledger of payments given from outside: each is checked (reference, positive tiyn, a date not after
 * today), a reference given twice with the same amount and date counts once, and more than the balance is
 * refused. Then ledgerAsOf.
 */
export function applyLedger(
  rows: readonly Pick<ScheduleRow, 'no' | 'dueDate' | 'amount'>[],
  payments: readonly Payment[],
  today: LocalDate,
  graceDays: number = settings.paymentGraceDays,
): Ledger {
  const errors: FieldError[] = [];
  const err = (field: string, rule: string, message: string) => errors.push({ field, rule, message });
  if (!isLocalDate(today)) err('today', LEDGER_RULES.localDate, `ожидается дата ГГГГ-ММ-ДД, получено ${String(today)}`);

  // Validate and de-duplicate (same reference, same amount and date = the same payment recorded twice).
  const seen = new Map<string, Payment>();
  const duplicateReferences: string[] = [];
  const accepted: { p: Payment; index: number }[] = [];
  payments.forEach((p, i) => {
    const at = `payments[${i}]`;
    if (typeof p.reference !== 'string' || p.reference.trim() === '')
      return err(`${at}.reference`, LEDGER_RULES.reference, 'укажите номер платёжного документа');
    if (!isTiyn(p.amount) || p.amount === 0)
      return err(
        `${at}.amount`,
        LEDGER_RULES.positive,
        `сумма платежа — целое положительное число тиын, получено ${String(p.amount)}`,
      );
    if (!isLocalDate(p.date))
      return err(`${at}.date`, LEDGER_RULES.localDate, `ожидается дата ГГГГ-ММ-ДД, получено ${String(p.date)}`);
    if (isLocalDate(today) && p.date > today)
      return err(`${at}.date`, LEDGER_RULES.future, `платёж датирован будущим днём ${p.date} (сегодня ${today})`);
    const key = p.reference.trim();
    const first = seen.get(key);
    if (first) {
      if (first.amount !== p.amount || first.date !== p.date) {
        return err(
          `${at}.reference`,
          LEDGER_RULES.duplicateConflict,
          `платёж «${key}» уже учтён с другой суммой или датой (${formatTenge(first.amount)}, ${first.date})`,
        );
      }
      if (!duplicateReferences.includes(key)) duplicateReferences.push(key);
      return;
    }
    seen.set(key, p);
    accepted.push({ p, index: i });
  });
  if (errors.length) throw DomainError.validation(errors);

  // More than the balance at the time of a payment (in date order) is refused: no overpayment.
  const total = rows.reduce((a, r) => a + r.amount, 0);
  let paid = 0;
  for (const { p, index } of [...accepted].sort((a, b) =>
    a.p.date < b.p.date ? -1 : a.p.date > b.p.date ? 1 : a.index - b.index,
  )) {
    const balance = total - paid;
    if (p.amount > balance) {
      throw DomainError.validation([
        {
          field: `payments[${index}].amount`,
          rule: LEDGER_RULES.overpayment,
          message: `платёж ${formatTenge(p.amount)} («${p.reference}», ${p.date}) больше остатка долга ${formatTenge(balance)}; переплата не принимается`,
        },
      ]);
    }
    paid += p.amount;
  }
  return ledgerAsOf(
    rows,
    accepted.map((x) => x.p),
    today,
    graceDays,
    duplicateReferences,
  );
}

function statusOf(row: LedgerInstalment, today: LocalDate): InstalmentStatus {
  if (row.remaining === 0) return 'paid';
  if (today >= row.overdueFrom) return 'overdue';
  if (row.paid > 0) return 'partly_paid';
  return today >= row.dueDate ? 'due' : 'upcoming';
}
