import type { ProcedureDeps } from '../../machines/procedure';
import { settings } from '../law/legal-rules';
import { buildSchedule } from '../restitution/domain/schedule';
import { termEndsOn } from '../restitution/domain/work-calendar';

/**
 * What the pure machines need from the rest of the domain: the instalment schedule builder
 * (working-day rule included), the grace period and the calendar of terms (ГК 175). Deterministic, so replaying
 * history reproduces the same schedules and term ends.
 */
export function procedureDeps(): ProcedureDeps {
  return {
    graceDays: settings.paymentGraceDays,
    termEnd: termEndsOn,
    hearingReminderDays: settings.hearingReminderDaysBefore,
    schedule: ({ outstanding, monthly, firstDueDate, dayOfMonth }) =>
      buildSchedule({
        outstanding,
        monthly,
        firstDueDate,
        dayOfMonth,
        moveToWorkingDay: settings.moveDueDatesToWorkingDay,
      }).rows.map((r) => ({
        no: r.no,
        dueDate: r.dueDate,
        amount: r.amount,
      })),
  };
}
