import { addMonths, dayOfMonthIn, parts } from '../../../src/common/local-date';
import { type ProcedureDeps, type ProcedureEvent, type ProcedureState, applyEvent } from '../../../machines/procedure';

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

export const deps: ProcedureDeps = { schedule, graceDays: 30 };

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
