/**
 * Payments recorded against a schedule (DOMAIN.md §2 step 9): each payment goes to the oldest open
 * instalment first; a reference seen twice is one payment; more than the balance is refused.
 * "Today" and the grace period are passed in. Pure: no framework imports.
 */
import { DomainError, type FieldError } from '../../common/domain-error';
import { addDays, daysBetween, isLocalDate, type LocalDate } from '../../common/local-date';
import { settings } from '../../law/legal-rules';
import { formatTenge, isTiyn, type Tiyn } from '../../money/domain/money';
import type { ScheduleRow } from './schedule';

export type PaymentEvidence = 'bank_transfer' | 'receipt' | 'bailiff_certificate' | 'other';

export interface Payment {
  /** Bank reference, receipt number…: the idempotency key. */
  reference: string;
  amount: Tiyn;
  date: LocalDate;
  evidence: PaymentEvidence | string;
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
  /** First day on which an unpaid rest counts as overdue: dueDate + graceDays + 1. */
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
  payments: Payment[];
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
    if (typeof p.reference !== 'string' || p.reference.trim() === '') return err(`${at}.reference`, LEDGER_RULES.reference, 'укажите номер платёжного документа');
    if (!isTiyn(p.amount) || p.amount === 0) return err(`${at}.amount`, LEDGER_RULES.positive, `сумма платежа — целое положительное число тиын, получено ${String(p.amount)}`);
    if (!isLocalDate(p.date)) return err(`${at}.date`, LEDGER_RULES.localDate, `ожидается дата ГГГГ-ММ-ДД, получено ${String(p.date)}`);
    if (isLocalDate(today) && p.date > today) return err(`${at}.date`, LEDGER_RULES.future, `платёж датирован будущим днём ${p.date} (сегодня ${today})`);
    const key = p.reference.trim();
    const first = seen.get(key);
    if (first) {
      if (first.amount !== p.amount || first.date !== p.date) {
        return err(`${at}.reference`, LEDGER_RULES.duplicateConflict, `платёж «${key}» уже учтён с другой суммой или датой (${formatTenge(first.amount)}, ${first.date})`);
      }
      if (!duplicateReferences.includes(key)) duplicateReferences.push(key);
      return;
    }
    seen.set(key, p);
    accepted.push({ p, index: i });
  });
  if (errors.length) throw DomainError.validation(errors);

  const ordered = [...accepted].sort((a, b) => (a.p.date < b.p.date ? -1 : a.p.date > b.p.date ? 1 : a.index - b.index));
  const instalments: LedgerInstalment[] = rows.map((r) => ({
    no: r.no,
    dueDate: r.dueDate,
    amount: r.amount,
    paid: 0,
    remaining: r.amount,
    status: 'upcoming',
    overdueFrom: addDays(r.dueDate, graceDays + 1),
    paidLate: false,
    allocations: [],
  }));
  const total = rows.reduce((a, r) => a + r.amount, 0);

  let paidTotal = 0;
  let closedOn: LocalDate | undefined;
  let open = 0; // index of the oldest instalment with something left
  for (const { p, index } of ordered) {
    const balance = total - paidTotal;
    if (p.amount > balance) {
      throw DomainError.validation([
        {
          field: `payments[${index}].amount`,
          rule: LEDGER_RULES.overpayment,
          message: `платёж ${formatTenge(p.amount)} («${p.reference}», ${p.date}) больше остатка долга ${formatTenge(balance)}; переплата не принимается`,
        },
      ]);
    }
    let left = p.amount;
    while (left > 0) {
      while (instalments[open].remaining === 0) open++;
      const row = instalments[open];
      const take = Math.min(left, row.remaining);
      row.paid += take;
      row.remaining -= take;
      row.allocations.push({ reference: p.reference.trim(), date: p.date, amount: take });
      if (row.remaining === 0) {
        row.paidOn = p.date;
        row.paidLate = p.date >= row.overdueFrom;
      }
      left -= take;
    }
    paidTotal += p.amount;
    if (paidTotal === total) closedOn = p.date;
  }

  let arrears = 0;
  let dueUnpaid = 0;
  for (const row of instalments) {
    row.status = statusOf(row, today);
    if (row.status === 'overdue') arrears += row.remaining;
    if (row.remaining > 0 && daysBetween(row.dueDate, today) >= 0) dueUnpaid += row.remaining;
  }

  return {
    asOf: today,
    graceDays,
    instalments,
    total,
    paidTotal,
    balance: total - paidTotal,
    arrears,
    dueUnpaid,
    closed: paidTotal === total,
    ...(closedOn !== undefined ? { closedOn } : {}),
    payments: ordered.map((o) => o.p),
    duplicateReferences,
  };
}

function statusOf(row: LedgerInstalment, today: LocalDate): InstalmentStatus {
  if (row.remaining === 0) return 'paid';
  if (today >= row.overdueFrom) return 'overdue';
  if (row.paid > 0) return 'partly_paid';
  return today >= row.dueDate ? 'due' : 'upcoming';
}
