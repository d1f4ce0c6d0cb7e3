/**
 * The instalment schedule of a settlement agreement (DOMAIN.md §2 step 7: «instalments after release»).
 * Amounts are integer tiyn; the last instalment takes the remainder so the rows add up to the tiyn a court
 * sees. Nominal dates are the start month + k months with the day clamped to the month's end (31 → 28/29 Feb,
 * 30 Apr) and never drift; a nominal date on a non-working day moves to the next working day (ГК 175).
 * Pure: no framework imports.
 */
import { DomainError, type FieldError } from '../../common/domain-error';
import { dayOfMonthIn, isLocalDate, parts, type LocalDate } from '../../common/local-date';
import { settings } from '../../law/legal-rules';
import { isTiyn, TIYN_PER_TENGE, type Tiyn } from '../../money/domain/money';
import { DUE_DAY_OF_MONTH, isDueDayOfMonth } from './instalment-terms';
import { nextWorkingDay } from './work-calendar';

export interface ScheduleInput {
  /** What the schedule must pay in total, down payment included (tiyn). */
  outstanding: Tiyn;
  /** Paid first, as row 0, on `downPaymentDueDate` (default: `agreementDate`). Part of `outstanding`. */
  downPayment?: Tiyn;
  downPaymentDueDate?: LocalDate;
  /** Exactly one of `monthly` (tiyn per month) and `months` (number of monthly instalments). */
  monthly?: Tiyn;
  months?: number;
  /** Exactly one of `firstDueDate` and `startsMonthAfter` (the release date: first due in the next month). */
  firstDueDate?: LocalDate;
  startsMonthAfter?: LocalDate;
  /** Due day of the month, 1..31 (clamped to short months). Defaults to the day of `firstDueDate`. */
  dayOfMonth?: number;
  /** Move due dates off non-working days; default settings.moveDueDatesToWorkingDay. */
  moveToWorkingDay?: boolean;
  /** When given, no due date may be before it. */
  agreementDate?: LocalDate;
}

export interface ScheduleRow {
  /** 0 = the down payment, 1.. = monthly instalments. */
  no: number;
  kind: 'down_payment' | 'instalment';
  dueDate: LocalDate;
  /** The date before moving to a working day (equal to dueDate when not moved). */
  nominalDate: LocalDate;
  /** Russian reason the date moved: «суббота», «Наурыз мейрамы», … */
  movedBecause?: string;
  amount: Tiyn;
  /** Paid by the schedule after this row, down payment included. */
  cumulative: Tiyn;
  /** Still to pay after this row. */
  remaining: Tiyn;
}

export interface Schedule {
  rows: ScheduleRow[];
  /** = outstanding: the sum of all rows. */
  total: Tiyn;
  downPayment: Tiyn;
  /** Number of monthly instalments (the down payment row not counted). */
  months: number;
  /** The regular monthly amount; no row exceeds it (the down payment aside). */
  monthly: Tiyn;
  /** The last instalment (the remainder; equal to `monthly` when the division is exact). */
  lastAmount: Tiyn;
  dayOfMonth: number;
  firstDueDate?: LocalDate;
  lastDueDate?: LocalDate;
  movedToWorkingDays: boolean;
  /** False if some due date fell in a year without holiday data (weekends only were considered). */
  calendarKnown: boolean;
  /** True if some due date fell in a year whose holiday data is provisional. */
  calendarProvisional: boolean;
}

export const SCHEDULE_RULES = {
  monthlyRange: 'monthly_amount_range',
  firstDueAfterAgreement: 'first_due_after_agreement',
  tooLong: 'schedule_too_long',
  tiyn: 'tiyn_integer',
  positive: 'tiyn_positive',
  localDate: 'local_date',
  exactlyOne: 'exactly_one_of',
  monthsRange: 'months_range',
  dayOfMonthRange: 'day_of_month_range',
  dayOfMonthMismatch: 'day_of_month_mismatch',
  downPaymentRange: 'down_payment_range',
  downPaymentDate: 'down_payment_date',
} as const;

export function buildSchedule(input: ScheduleInput): Schedule {
  const errors: FieldError[] = [];
  const err = (field: string, rule: string, message: string) => errors.push({ field, rule, message });

  for (const field of ['outstanding', 'downPayment', 'monthly'] as const) {
    const v = input[field];
    if (v !== undefined && !isTiyn(v))
      err(field, SCHEDULE_RULES.tiyn, `сумма в тиын должна быть целым неотрицательным числом, получено ${String(v)}`);
  }
  for (const field of ['firstDueDate', 'startsMonthAfter', 'agreementDate', 'downPaymentDueDate'] as const) {
    const v = input[field];
    if (v !== undefined && !isLocalDate(v))
      err(field, SCHEDULE_RULES.localDate, `ожидается календарная дата ГГГГ-ММ-ДД, получено ${String(v)}`);
  }
  if ((input.monthly === undefined) === (input.months === undefined)) {
    err('monthly', SCHEDULE_RULES.exactlyOne, 'укажите либо ежемесячную сумму (monthly), либо число месяцев (months)');
  }
  if ((input.firstDueDate === undefined) === (input.startsMonthAfter === undefined)) {
    err(
      'firstDueDate',
      SCHEDULE_RULES.exactlyOne,
      'укажите либо дату первого платежа, либо дату освобождения (первый платёж — в следующем месяце)',
    );
  }
  if (input.months !== undefined && !(Number.isSafeInteger(input.months) && input.months >= 1)) {
    err('months', SCHEDULE_RULES.monthsRange, `число месяцев должно быть целым ≥ 1, получено ${String(input.months)}`);
  }
  const { min, max } = DUE_DAY_OF_MONTH;
  if (input.dayOfMonth !== undefined && !isDueDayOfMonth(input.dayOfMonth)) {
    err(
      'dayOfMonth',
      SCHEDULE_RULES.dayOfMonthRange,
      `день месяца — от ${min} до ${max}, получено ${String(input.dayOfMonth)}`,
    );
  }
  if (input.dayOfMonth === undefined && input.firstDueDate === undefined) {
    err('dayOfMonth', SCHEDULE_RULES.dayOfMonthRange, `укажите день месяца для платежей (${min}–${max})`);
  }
  if (errors.length) throw DomainError.validation(errors);

  const outstanding = input.outstanding;
  if (outstanding === 0) err('outstanding', SCHEDULE_RULES.positive, 'сумма к выплате должна быть больше нуля');
  const downPayment = input.downPayment ?? 0;
  if (downPayment > outstanding) {
    err(
      'downPayment',
      SCHEDULE_RULES.downPaymentRange,
      `первоначальный взнос ${downPayment} тиын больше суммы к выплате ${outstanding} тиын`,
    );
  }
  const rest = outstanding - downPayment;
  const downPaymentDue = downPayment > 0 ? (input.downPaymentDueDate ?? input.agreementDate) : undefined;
  if (downPayment > 0 && downPaymentDue === undefined) {
    err(
      'downPaymentDueDate',
      SCHEDULE_RULES.downPaymentDate,
      'укажите дату первоначального взноса или дату соглашения',
    );
  }

  // Start month and due day.
  const start = parts(input.firstDueDate ?? input.startsMonthAfter!);
  let startYear = start.year;
  let startMonth = start.month;
  if (input.firstDueDate === undefined) {
    startMonth += 1; // from the month after release
    if (startMonth > 12) [startYear, startMonth] = [startYear + 1, 1];
  }
  const dayOfMonth = input.dayOfMonth ?? start.day;
  const nominal = (k: number) => {
    const index = startYear * 12 + (startMonth - 1) + k;
    return dayOfMonthIn(Math.floor(index / 12), (index % 12) + 1, dayOfMonth);
  };
  if (input.firstDueDate !== undefined && nominal(0) !== input.firstDueDate) {
    err(
      'dayOfMonth',
      SCHEDULE_RULES.dayOfMonthMismatch,
      `дата первого платежа ${input.firstDueDate} не приходится на ${dayOfMonth}-е число месяца`,
    );
  }
  if (input.agreementDate !== undefined && rest > 0 && nominal(0) < input.agreementDate) {
    err(
      input.firstDueDate !== undefined ? 'firstDueDate' : 'startsMonthAfter',
      SCHEDULE_RULES.firstDueAfterAgreement,
      `первый платёж ${nominal(0)} раньше даты соглашения ${input.agreementDate}`,
    );
  }
  // Compared before moving to working days: both may then land on the same Monday, which is fine.
  if (downPaymentDue !== undefined && rest > 0 && downPaymentDue >= nominal(0)) {
    err(
      'downPaymentDueDate',
      SCHEDULE_RULES.downPaymentDate,
      `первоначальный взнос (${downPaymentDue}) должен быть раньше первого ежемесячного платежа (${nominal(0)})`,
    );
  }
  if (downPaymentDue !== undefined && input.agreementDate !== undefined && downPaymentDue < input.agreementDate) {
    err(
      'downPaymentDueDate',
      SCHEDULE_RULES.firstDueAfterAgreement,
      `первоначальный взнос ${downPaymentDue} раньше даты соглашения ${input.agreementDate}`,
    );
  }

  // Monthly amount and number of instalments.
  let monthly = 0;
  let months = 0;
  if (rest > 0 && input.monthly !== undefined) {
    monthly = input.monthly;
    if (monthly === 0 || monthly > rest) {
      err(
        'monthly',
        SCHEDULE_RULES.monthlyRange,
        `ежемесячная сумма должна быть больше нуля и не больше суммы к выплате в рассрочку (${rest} тиын), получено ${monthly}`,
      );
    } else {
      months = ceilDiv(rest, monthly);
    }
  } else if (rest > 0 && input.months !== undefined && Number.isSafeInteger(input.months)) {
    months = input.months;
    monthly = monthlyForMonths(rest, months);
    if (monthly === 0)
      err(
        'months',
        SCHEDULE_RULES.monthsRange,
        `${rest} тиын нельзя разделить на ${months} ненулевых ежемесячных платежей`,
      );
  }
  if (months > settings.maxScheduleMonths) {
    err(
      input.months !== undefined ? 'months' : 'monthly',
      SCHEDULE_RULES.tooLong,
      `график на ${months} мес. длиннее допустимого (${settings.maxScheduleMonths} мес.): увеличьте ежемесячную сумму`,
    );
  }
  if (errors.length) throw DomainError.validation(errors);

  // Rows.
  const move = input.moveToWorkingDay ?? settings.moveDueDatesToWorkingDay;
  let calendarKnown = true;
  let calendarProvisional = false;
  const place = (date: LocalDate) => {
    if (!move) return { dueDate: date, nominalDate: date };
    const r = nextWorkingDay(date);
    calendarKnown &&= r.calendarKnown;
    calendarProvisional ||= r.provisional;
    return { dueDate: r.date, nominalDate: date, ...(r.moved ? { movedBecause: r.reason } : {}) };
  };

  const rows: ScheduleRow[] = [];
  let cumulative = 0;
  if (downPayment > 0) {
    cumulative = downPayment;
    rows.push({
      no: 0,
      kind: 'down_payment',
      ...place(downPaymentDue!),
      amount: downPayment,
      cumulative,
      remaining: outstanding - cumulative,
    });
  }
  for (let k = 0; k < months; k++) {
    const amount = k === months - 1 ? rest - monthly * (months - 1) : monthly;
    cumulative += amount;
    rows.push({
      no: k + 1,
      kind: 'instalment',
      ...place(nominal(k)),
      amount,
      cumulative,
      remaining: outstanding - cumulative,
    });
  }

  const instalments = rows.filter((r) => r.kind === 'instalment');
  return {
    rows,
    total: outstanding,
    downPayment,
    months,
    monthly,
    lastAmount: instalments.length ? instalments[instalments.length - 1].amount : 0,
    dayOfMonth,
    firstDueDate: rows[0]?.dueDate,
    lastDueDate: rows[rows.length - 1]?.dueDate,
    movedToWorkingDays: move,
    calendarKnown,
    calendarProvisional,
  };
}

/**
 * Monthly amount for a fixed number of instalments: rest / months rounded UP to whole tenge, so documents
 * show round sums and only the last instalment is smaller — unless whole tenge would leave fewer than
 * `months` instalments (tiny sums), then rounded up to the tiyn. 0 when even that cannot give `months`
 * non-zero instalments.
 */
function monthlyForMonths(rest: Tiyn, months: number): Tiyn {
  const byTenge = ceilDiv(rest, months * TIYN_PER_TENGE) * TIYN_PER_TENGE;
  if (byTenge <= rest && ceilDiv(rest, byTenge) === months) return byTenge;
  const byTiyn = ceilDiv(rest, months);
  return ceilDiv(rest, byTiyn) === months ? byTiyn : 0;
}

/** ⌈a / b⌉ for safe integers, exact (float division can round across an integer near 2^53). */
function ceilDiv(a: number, b: number): number {
  const [x, y] = [BigInt(a), BigInt(b)];
  return Number((x + y - 1n) / y);
}
