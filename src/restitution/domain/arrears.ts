/**
 * Arrears of a parolee and whether they amount to a ground to revoke parole (УК 72 ч. 7 п. 1: evading a
 * duty imposed at parole without good reason more than twice; the court MAY revoke on the police's
 * submission). A missed instalment is one not fully paid by the end of the grace period — still unpaid, or
 * paid late. Inability to pay can be a good reason (LAW.md §1.7), so each miss carries the reason recorded
 * by the supervising officer; a miss without a recorded reason is reported, not counted.
 * Pure: no framework imports.
 */
import { DomainError, type FieldError } from '../../common/domain-error';
import { daysBetween, type LocalDate } from '../../common/local-date';
import { parolee, type Citation } from '../../law/legal-rules';
import type { Tiyn } from '../../money/domain/money';
import type { Ledger } from './ledger';

export interface MissedPaymentReason {
  instalmentNo: number;
  /** Recorded as a good reason (уважительная причина): illness, loss of work, … */
  goodReason: boolean;
  reason: string;
}

export interface MissedInstalment {
  no: number;
  dueDate: LocalDate;
  overdueFrom: LocalDate;
  /** Still unpaid of this instalment (0 if paid late). */
  remaining: Tiyn;
  paidLate: boolean;
  paidOn?: LocalDate;
  /** Days past dueDate: until payment if paid late, until today otherwise. */
  daysLate: number;
  goodReason?: boolean;
  reason?: string;
}

export interface ArrearsReport {
  asOf: LocalDate;
  graceDays: number;
  /** Unpaid sum of instalments past the grace period. */
  arrears: Tiyn;
  overdueCount: number;
  missed: MissedInstalment[];
  missedWithoutGoodReason: number;
  missedWithGoodReason: number;
  /** Misses for which no reason has been recorded yet (counted as without good reason): the officer should ask. */
  missedReasonNotRecorded: number;
  /** The number of evasions the law tolerates (more than this is a ground). */
  maxEvasions: number;
  /** missedWithoutGoodReason > maxEvasions: a ground on which the court MAY revoke parole. */
  revocationGround: boolean;
  citation: Citation;
  /** «УК РК ст. 72 ч. 7 п. 1» */
  citationText: string;
  note: string;
}

export function assessArrears(ledger: Ledger, reasons: readonly MissedPaymentReason[] = []): ArrearsReport {
  const byNo = new Map(ledger.instalments.map((i) => [i.no, i]));
  const errors: FieldError[] = [];
  const reasonByNo = new Map<number, MissedPaymentReason>();
  reasons.forEach((r, i) => {
    if (!byNo.has(r.instalmentNo)) {
      errors.push({
        field: `reasons[${i}].instalmentNo`,
        rule: 'unknown_instalment',
        message: `в графике нет платежа № ${r.instalmentNo}`,
      });
    } else if (typeof r.goodReason !== 'boolean') {
      errors.push({
        field: `reasons[${i}].goodReason`,
        rule: 'isBoolean',
        message: 'укажите, уважительная ли причина (true/false)',
      });
    } else if (!r.goodReason && (typeof r.reason !== 'string' || r.reason.trim() === '')) {
      errors.push({
        field: `reasons[${i}].reason`,
        rule: 'reason_required',
        message: 'опишите причину пропуска платежа',
      });
    } else {
      reasonByNo.set(r.instalmentNo, r); // the latest record for an instalment wins
    }
  });
  if (errors.length) throw DomainError.validation(errors);

  const missed: MissedInstalment[] = ledger.instalments
    .filter((i) => i.status === 'overdue' || i.paidLate)
    .map((i) => {
      const r = reasonByNo.get(i.no);
      return {
        no: i.no,
        dueDate: i.dueDate,
        overdueFrom: i.overdueFrom,
        remaining: i.remaining,
        paidLate: i.paidLate,
        ...(i.paidOn ? { paidOn: i.paidOn } : {}),
        daysLate: daysBetween(i.dueDate, i.paidLate && i.paidOn ? i.paidOn : ledger.asOf),
        ...(r ? { goodReason: r.goodReason, reason: r.reason } : {}),
      };
    });

  // Issue 3: a miss counts unless a GOOD reason was recorded for it (УК 72 ч. 7 п. 1 "без уважительной причины").
  const missedWithGoodReason = missed.filter((m) => m.goodReason === true).length;
  const missedWithoutGoodReason = missed.length - missedWithGoodReason;
  const rule = parolee.maxEvasionsBeforeRevocationGround;
  const c = rule.source;
  return {
    asOf: ledger.asOf,
    graceDays: ledger.graceDays,
    arrears: ledger.arrears,
    overdueCount: ledger.instalments.filter((i) => i.status === 'overdue').length,
    missed,
    missedWithoutGoodReason,
    missedWithGoodReason,
    missedReasonNotRecorded: missed.filter((m) => m.goodReason === undefined).length,
    maxEvasions: rule.value,
    revocationGround: missedWithoutGoodReason > rule.value,
    citation: c,
    citationText: `${c.act} РК ст. ${c.article}${c.part ? ` ч. ${c.part}` : ''}${c.item ? ` п. ${c.item}` : ''}`,
    note: rule.note,
  };
}
