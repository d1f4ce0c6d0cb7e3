/**
 * Instalment terms `{ total, monthly, dayOfMonth, firstDueDate?, startsMonthAfterRelease? }`, checked in one
 * place: the agreement (signed or amended), the schedule preview and the machines all use these predicates, with
 * the limits of `src/law/legal-rules.ts`. Pure: no framework imports.
 */
import { isLocalDate, type LocalDate } from '../../common/local-date';
import { settings } from '../../law/legal-rules';
import { isTiyn, notAboveMaxTiyn } from '../../money/domain/money';

export const DUE_DAY_OF_MONTH = settings.dueDayOfMonth;

/** A day of the month instalments fall due on. */
export const isDueDayOfMonth = (value: unknown): value is number =>
  typeof value === 'number' &&
  Number.isInteger(value) &&
  value >= DUE_DAY_OF_MONTH.min &&
  value <= DUE_DAY_OF_MONTH.max;

export const INSTALMENT_RULES = {
  amount: 'tiyn_positive',
  tooLarge: 'tiyn_max',
  dayOfMonth: 'day_of_month_range',
  date: 'local_date',
  flag: 'isBoolean',
  firstDueTooEarly: 'first_due_before_agreement',
  startMissing: 'start_required',
} as const;

export interface InstalmentTermsProblem {
  field: 'total' | 'monthly' | 'dayOfMonth' | 'firstDueDate' | 'startsMonthAfterRelease' | 'instalments';
  rule: (typeof INSTALMENT_RULES)[keyof typeof INSTALMENT_RULES] | 'isObject';
  message: string;
}

export interface InstalmentTermsOptions {
  /** No payment may fall due before this date (the day of the agreement). */
  notBefore?: LocalDate;
  /** The terms must say when payments start: a first due date, or the month after release. */
  startRequired?: boolean;
}

/** Every way the terms break the rules; empty when they hold. Amounts are positive tiyn within `MAX_TIYN`. */
export function instalmentTermsProblems(
  terms: unknown,
  options: InstalmentTermsOptions = {},
): InstalmentTermsProblem[] {
  if (typeof terms !== 'object' || terms === null)
    return [{ field: 'instalments', rule: 'isObject', message: 'Ожидается объект с условиями рассрочки' }];
  const i = terms as Record<string, unknown>;
  const problems: InstalmentTermsProblem[] = [];
  for (const field of ['total', 'monthly'] as const) {
    if (!notAboveMaxTiyn(i[field]))
      problems.push({ field, rule: INSTALMENT_RULES.tooLarge, message: 'Сумма больше допустимой' });
    else if (!(isTiyn(i[field]) && i[field] > 0))
      problems.push({ field, rule: INSTALMENT_RULES.amount, message: 'Сумма — целое положительное число тиын' });
  }
  if (!isDueDayOfMonth(i.dayOfMonth)) {
    problems.push({
      field: 'dayOfMonth',
      rule: INSTALMENT_RULES.dayOfMonth,
      message: `День месяца — целое число от ${DUE_DAY_OF_MONTH.min} до ${DUE_DAY_OF_MONTH.max}`,
    });
  }
  // An optional term given as null counts as not given, as in the DTOs (class-validator's IsOptional).
  if (i.firstDueDate != null) {
    if (!isLocalDate(i.firstDueDate))
      problems.push({
        field: 'firstDueDate',
        rule: INSTALMENT_RULES.date,
        message: 'Дата первого платежа — календарная дата ГГГГ-ММ-ДД',
      });
    else if (options.notBefore !== undefined && i.firstDueDate < options.notBefore) {
      problems.push({
        field: 'firstDueDate',
        rule: INSTALMENT_RULES.firstDueTooEarly,
        message: 'Первый платёж не может быть раньше соглашения',
      });
    }
  }
  if (i.startsMonthAfterRelease != null && typeof i.startsMonthAfterRelease !== 'boolean') {
    problems.push({
      field: 'startsMonthAfterRelease',
      rule: INSTALMENT_RULES.flag,
      message: 'Ожидается true или false',
    });
  }
  if (options.startRequired && i.firstDueDate == null && i.startsMonthAfterRelease !== true) {
    problems.push({
      field: 'firstDueDate',
      rule: INSTALMENT_RULES.startMissing,
      message: 'Укажите дату первого платежа или «с месяца после освобождения»',
    });
  }
  return problems;
}
