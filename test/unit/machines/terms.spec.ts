/**
 * ГК 175 on every term counted in days or months (src/law/legal-rules.ts civilTerms.moveToNextWorkingDay,
 * settings.termsEndOnWorkingDay), through the orchestrator with the production deps (the real calendar).
 */
import {
  type ProcedureEvent,
  type ProcedureState,
  applyEvent,
  initialProcedure,
  pendingDeadlines,
} from '../../../machines/procedure';
import { claimReading } from '../../../machines/read';
import { civilTerms, settings } from '../../../src/law/legal-rules';
import { overdueFrom } from '../../../src/restitution/domain/ledger';
import { isWorkingDay } from '../../../src/restitution/domain/work-calendar';
import { procedureDeps } from '../../../src/workflow/procedure-deps';

const deps = procedureDeps();
const oneVictim = (lifeImprisonment = false): ProcedureState =>
  initialProcedure({
    procedure: 'parole',
    lifeImprisonment,
    claims: [{ id: 'v1', kind: 'victim', awarded: 100_000_00, recovered: 0 }],
  });
const ev = (type: string, at: string, rest: Record<string, unknown> = {}): ProcedureEvent => ({
  type,
  at,
  actor: type === 'court.decided' ? 'court' : type.startsWith('petition') ? 'lawyer' : 'mediator',
  ...rest,
});
const onClaim = (type: string, at: string, rest: Record<string, unknown> = {}) =>
  ev(type, at, { claimId: 'v1', ...rest });

function run(state: ProcedureState, events: ProcedureEvent[]): ProcedureState {
  return events.reduce((s, e) => {
    const r = applyEvent(s, e, deps);
    if (!r.ok) throw new Error(`${e.type} refused: ${JSON.stringify(r)}`);
    return r.state;
  }, state);
}
const mediation = (s: ProcedureState) => claimReading(s, 'v1')!.mediation;

describe('ГК 175: a term whose last day is a non-working day ends on the next working day', () => {
  it('is one cited rule with a setting, on by default', () => {
    expect(civilTerms.moveToNextWorkingDay.source).toEqual({ act: 'ГК', article: '175' });
    expect(settings.termsEndOnWorkingDay).toBe(true);
  });

  describe('the 10-day reply to an invitation sent on 6 December 2026 (day 10: 16 December, Independence Day)', () => {
    const invited = run(oneVictim(), [ev('case.accepted', '2026-12-01'), onClaim('invitation.sent', '2026-12-06')]);

    it('may be answered on 17 December; silence is counted from 18 December, not 17', () => {
      expect(isWorkingDay('2026-12-16')).toBe(false);
      expect(mediation(invited).replyBy).toBe('2026-12-17');
      expect(pendingDeadlines(invited, deps)).toEqual([
        expect.objectContaining({ type: 'invitation.expired', dueDate: '2026-12-18' }),
      ]);
      expect(applyEvent(invited, onClaim('invitation.accepted', '2026-12-17'), deps).ok).toBe(true);
      expect(
        applyEvent(invited, ev('invitation.expired', '2026-12-17', { claimId: 'v1', actor: 'system' }), deps),
      ).toMatchObject({ ok: false, rule: 'reply_window_open' });
      expect(
        applyEvent(invited, ev('invitation.expired', '2026-12-18', { claimId: 'v1', actor: 'system' }), deps).ok,
      ).toBe(true);
    });

    it('a stated period ending on a working day does not move (7 days: 13 December is a Sunday → 14)', () => {
      const s = run(oneVictim(), [
        ev('case.accepted', '2026-12-01'),
        onClaim('invitation.sent', '2026-12-06', { replyDays: 5 }),
      ]);
      expect(mediation(s).replyBy).toBe('2026-12-11'); // Friday
      const sunday = run(oneVictim(), [
        ev('case.accepted', '2026-12-01'),
        onClaim('invitation.sent', '2026-12-06', { replyDays: 7 }),
      ]);
      expect(mediation(sunday).replyBy).toBe('2026-12-14');
    });

    it('a term end sent by a client is ignored', () => {
      const s = run(oneVictim(), [
        ev('case.accepted', '2026-12-01'),
        onClaim('invitation.sent', '2026-12-06', { termEnd: '2030-01-01' }),
      ]);
      expect(mediation(s).replyBy).toBe('2026-12-17');
    });

    it('with the setting off, day 10 is the last day whatever it is', () => {
      settings.termsEndOnWorkingDay = false;
      try {
        const s = run(oneVictim(), [ev('case.accepted', '2026-12-01'), onClaim('invitation.sent', '2026-12-06')]);
        expect(mediation(s).replyBy).toBe('2026-12-16');
        expect(overdueFrom('2027-02-13', 30)).toBe('2027-03-16');
      } finally {
        settings.termsEndOnWorkingDay = true;
      }
    });
  });

  it('the 30-day mediation term (day 30: Monday 15 March 2027, Constitution Day) and its extension', () => {
    const s = run(oneVictim(), [
      ev('case.accepted', '2027-02-01'),
      onClaim('invitation.sent', '2027-02-10'),
      onClaim('invitation.accepted', '2027-02-11'),
      onClaim('contract.signed', '2027-02-13', { contractDate: '2027-02-13' }),
    ]);
    expect(mediation(s).termEndsOn).toBe('2027-03-16');
    expect(pendingDeadlines(s, deps)).toEqual([
      expect.objectContaining({ type: 'term.expired', dueDate: '2027-03-17' }),
    ]);
    // extended by 26 days from the term's end: Sunday 11 April → Monday 12 April
    const extended = run(s, [onClaim('term.extended', '2027-03-10', { days: 26 })]);
    expect(mediation(extended).termEndsOn).toBe('2027-04-12');
    expect(applyEvent(extended, onClaim('session.held', '2027-04-12'), deps).ok).toBe(true);
  });

  it('the 30-day grace after an instalment: day 30 on 16 December makes it overdue from 18 December', () => {
    expect(overdueFrom('2027-11-16', 30)).toBe('2027-12-18'); // day 30 Thu 16 Dec (holiday) → Fri 17
    expect(overdueFrom('2027-11-15', 30)).toBe('2027-12-16'); // day 30 Wed 15 Dec, a working day
    expect(overdueFrom('2027-02-13', 30)).toBe('2027-03-17'); // day 30 Mon 15 Mar 2027, Constitution Day
  });

  it('the 6-month re-filing period after a refusal (day: 6 July 2027, Capital Day) and 3 years for life', () => {
    const toCourt = (life: boolean, decisionDate: string) =>
      run(oneVictim(life), [
        ev('case.accepted', '2026-12-01'),
        onClaim('invitation.sent', '2026-12-02'),
        onClaim('invitation.refused', '2026-12-03'),
        ev('petition.filed', '2026-12-04'),
        ev('court.decided', decisionDate, { decision: 'refused', decisionDate }),
      ]);
    const refused = toCourt(false, '2027-01-06');
    expect(refused.case.context.refileNotBefore).toBe('2027-07-07');
    expect(applyEvent(refused, ev('petition.filed', '2027-07-06'), deps)).toMatchObject({
      ok: false,
      rule: 'refiling_too_early',
    });
    expect(applyEvent(refused, ev('petition.filed', '2027-07-07'), deps).ok).toBe(true);
    // life imprisonment: 36 months, Sunday 6 January 2030 → 8 January (7 January is Orthodox Christmas)
    expect(toCourt(true, '2027-01-06').case.context.refileNotBefore).toBe('2030-01-08');
  });
});
