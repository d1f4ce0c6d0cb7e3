import { addMonths, dayOfMonthIn, parts } from '../../../src/common/local-date';
import {
  type ApplyResult,
  type ProcedureDeps,
  type ProcedureEvent,
  type ProcedureState,
  applyEvent,
} from '../../../machines/procedure';
import { claimReading } from '../../../machines/read';
import { type Payment, paymentOf } from '../../../machines/restitution.machine';

/** A plain schedule: equal monthly amounts, the last one smaller; no working-day shifts. */
export const schedule: ProcedureDeps['schedule'] = ({ outstanding, monthly, firstDueDate, dayOfMonth }) => {
  const rows: { no: number; dueDate: string; amount: number }[] = [];
  let left = outstanding;
  for (let no = 1; left > 0; no++) {
    const { year, month } = parts(addMonths(firstDueDate, no - 1));
    const amount = Math.min(monthly, left);
    rows.push({ no, dueDate: no === 1 ? firstDueDate : dayOfMonthIn(year, month, dayOfMonth), amount });
    left -= amount;
  }
  return rows;
};

/** Calendar days only: terms end on their calendar day (ГК 175 is tested with the real calendar in terms.spec.ts). */
export const deps: ProcedureDeps = { schedule, graceDays: 30, termEnd: (nominal) => nominal };

/** Applies events in order, failing loudly on the first refusal; checks the JSON round-trip at every step. */
export function run(state: ProcedureState, events: ProcedureEvent[]): ProcedureState {
  let s = state;
  for (const e of events) {
    const r = applyEvent(s, e, deps);
    if (!r.ok) throw new Error(`${e.type} refused: ${JSON.stringify(r)}`);
    const roundTripped = JSON.parse(JSON.stringify(r.state)) as ProcedureState;
    expect(roundTripped).toEqual(r.state);
    s = roundTripped;
  }
  return s;
}

export const tenge = (t: number) => t * 100;

/**
 * The payments ledger as the store keeps it beside the snapshot (the payments table): before a payment the
 * reference is looked up (`onRecord`), after it the row the machine counted is added.
 */
export class PaymentBook {
  readonly rows: Record<string, Payment[]> = {};

  apply(state: ProcedureState, event: ProcedureEvent): ApplyResult {
    const e = event as ProcedureEvent & { claimId?: string; reference?: string };
    const own = (e.claimId && this.rows[e.claimId]) || [];
    const known = e.type === 'payment.recorded' ? own.find((p) => p.reference === e.reference) : undefined;
    const looked =
      e.type === 'payment.recorded'
        ? { ...event, onRecord: known ? { amount: known.amount, date: known.date } : null }
        : event;
    const r = applyEvent(state, looked, deps);
    if (r.ok && r.changed && e.type === 'payment.recorded' && e.claimId) {
      const count = (s: ProcedureState) => claimReading(s, e.claimId!)?.restitution?.context.paymentCount ?? 0;
      if (count(r.state) === count(state) + 1)
        (this.rows[e.claimId] ??= []).push(paymentOf(event as unknown as Parameters<typeof paymentOf>[0]));
    }
    return r;
  }

  of(claimId: string): Payment[] {
    return this.rows[claimId] ?? [];
  }
}
