/**
 * Which reminders a case calls for, as the case stands: a pure function of its procedure state and application
 * (the rules and lead times: src/law/reminder-rules.ts). The planner writes the answer to the table `reminders`
 * in the transaction of every event — the sweep's deadline events included — so a reminder exists exactly
 * while its cause does: the victim replied, the payment came → the reminder not yet sent is withdrawn.
 */
import type { LocalDate } from '../../common/local-date';
import { addDays, addMonths } from '../../common/local-date';
import type { CaseApplication } from '../../cases/domain/case-application';
import { computeEligibility } from '../../eligibility/domain/parole-eligibility';
import { iinBirthDate, iinSex } from '../../identity/domain/iin';
import { REMINDER_RULES, type ReminderAudience, type ReminderRuleId } from '../../law/reminder-rules';
import { isWorkingDay } from '../../restitution/domain/work-calendar';
import { claimReadings } from '../../../machines/read';
import {
  allocationOf,
  evasions,
  missesOfCurrentSchedule,
  nextInstalmentToWatch,
} from '../../../machines/restitution.machine';
import type { ProcedureState } from '../../../machines/snapshot';

/** One reminder the case calls for, before its recipients are known. */
export interface PlannedReminder {
  rule: ReminderRuleId;
  claimId: string | null;
  /** What the reminder is about: a date (the end of the reply window, the hearing) or a round of the case. */
  about: string;
  /** The date the reminder speaks of (shown in the text and the calendar); null when it is about a round. */
  date: LocalDate | null;
  /** The working day it is sent on (or later, if the service was stopped). null: the day it was planned. */
  sendOn: LocalDate | null;
  /** After this day it is no longer worth sending (the date it warns of has passed). */
  staleAfter: LocalDate | null;
  audience: readonly ReminderAudience[];
  /** The instalment a payment reminder speaks of. */
  instalmentNo?: number;
}

/** The working day `n` working days before `date` (n = 0: `date` itself if a working day, else the one before). */
export function workingDaysBefore(date: LocalDate, n: number): LocalDate {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, -1);
  for (let left = n; left > 0;) {
    d = addDays(d, -1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** The day itself when a working day, else the next working day: "on the day it happens" without a Sunday mail. */
export function onWorkingDay(date: LocalDate): LocalDate {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

const lead = (id: ReminderRuleId, date: LocalDate): LocalDate => {
  const r = REMINDER_RULES[id];
  return workingDaysBefore(r.leadMonths ? addMonths(date, -r.leadMonths) : date, r.leadWorkingDays);
};

/** Earliest dates by the facts they are computed from: the calculation costs ~0.1 ms, and every event asks. */
const earliestByFacts = new Map<string, LocalDate | null>();
const earliestOfApplication = new WeakMap<CaseApplication, LocalDate | null>();

/** The earliest date the convict may petition (УК 72 or 73, as the application is filed); null if none. */
export function earliestPetitionDate(app: CaseApplication): LocalDate | null {
  const same = earliestOfApplication.get(app); // before and after an event share the application object
  if (same !== undefined) return same;
  const facts = JSON.stringify([app.procedure, app.sentence, app.convict.birthDate, app.convict.iin]);
  const known = earliestByFacts.get(facts);
  const date = known !== undefined ? known : computeEarliest(app);
  if (known === undefined) {
    if (earliestByFacts.size >= 10_000) earliestByFacts.clear();
    earliestByFacts.set(facts, date);
  }
  earliestOfApplication.set(app, date);
  return date;
}

function computeEarliest(app: CaseApplication): LocalDate | null {
  const s = app.sentence;
  try {
    const result = computeEligibility({
      procedure: app.procedure,
      term: s.lifeImprisonment ? undefined : s.term,
      lifeImprisonment: s.lifeImprisonment,
      termStartDate: s.startDate,
      pretrialDetentionDays: s.pretrialDetentionDays,
      gravity: s.gravity,
      againstLifeOrHealth: s.againstLifeOrHealth,
      birthDate: app.convict.birthDate ?? iinBirthDate(app.convict.iin) ?? undefined,
      sex: iinSex(app.convict.iin) ?? undefined,
    });
    return (app.procedure === 'parole' ? result.parole : result.replacement)?.earliestDate ?? null;
  } catch {
    return null; // a sentence the calculator cannot read plans no petition reminder; the case page says why
  }
}

export function plannedReminders(state: ProcedureState, app: CaseApplication): PlannedReminder[] {
  const out: PlannedReminder[] = [];
  const add = (r: Omit<PlannedReminder, 'audience'>) => out.push({ ...r, audience: REMINDER_RULES[r.rule].audience });
  const caseState = state.case.value;
  const c = state.case.context;

  if (caseState === 'applied' || caseState === 'mediation') {
    const earliest = earliestPetitionDate(app);
    const agreed = claimReadings(state).some((claim) => claim.outcome === 'agreed');
    if (earliest && !agreed)
      add({
        rule: 'petition.startMediation',
        claimId: null,
        about: earliest,
        date: earliest,
        sendOn: lead('petition.startMediation', earliest),
        staleAfter: earliest,
      });
  }
  if (caseState === 'readyForCourt')
    add({
      rule: 'case.readyForCourt',
      claimId: null,
      about: `round-${c.petitions + 1}`,
      date: null,
      sendOn: null,
      staleAfter: null,
    });
  if (caseState === 'hearingScheduled' && c.hearingDate)
    add({
      rule: 'hearing.tomorrow',
      claimId: null,
      about: c.hearingDate,
      date: c.hearingDate,
      sendOn: lead('hearing.tomorrow', c.hearingDate),
      staleAfter: addDays(c.hearingDate, -1),
    });

  const mediationOpen = caseState === 'mediation' || caseState === 'readyForCourt' || caseState === 'refused';
  for (const claim of claimReadings(state)) {
    const m = claim.mediation;
    if (mediationOpen && claim.mediationState === 'invited' && m.replyBy)
      add({
        rule: 'reply.ending',
        claimId: claim.id,
        about: `${m.invitations}:${m.replyBy}`,
        date: m.replyBy,
        sendOn: lead('reply.ending', m.replyBy),
        staleAfter: m.replyBy,
      });
    // Silence: the invitation lapsed (invitation.expired, fired by the sweeper the day after the last day).
    if (mediationOpen && claim.mediationState === 'silent' && m.replyBy)
      add({
        rule: 'reply.lapsed',
        claimId: claim.id,
        about: `${m.invitations}:${m.replyBy}`,
        date: m.replyBy,
        sendOn: onWorkingDay(addDays(m.replyBy, 1)),
        staleAfter: null,
      });
    if (mediationOpen && claim.mediationState === 'negotiating' && m.termEndsOn)
      add({
        rule: 'term.ending',
        claimId: claim.id,
        about: `${m.invitations}:${m.termEndsOn}`,
        date: m.termEndsOn,
        sendOn: lead('term.ending', m.termEndsOn),
        staleAfter: m.termEndsOn,
      });

    const r = claim.restitution;
    if (!r || !['current', 'inArrears'].includes(r.state)) continue;
    const ctx = r.context;
    const next = nextInstalmentToWatch(ctx);
    if (next)
      add({
        rule: 'instalment.due',
        claimId: claim.id,
        about: `${ctx.scheduleVersion}:${next.no}:${next.dueDate}`,
        date: next.dueDate,
        sendOn: lead('instalment.due', next.dueDate),
        staleAfter: next.dueDate,
        instalmentNo: next.no,
      });
    // Overdue: a miss reported by the sweeper after the grace period, while the payments do not cover it.
    const open = new Set(
      allocationOf(ctx)
        .rows.filter((row) => row.no > 0 && row.remaining > 0)
        .map((row) => row.no),
    );
    for (const miss of missesOfCurrentSchedule(ctx))
      if (open.has(miss.instalmentNo) && miss.goodReason !== true)
        add({
          rule: 'instalment.overdue',
          claimId: claim.id,
          about: `${miss.scheduleVersion}:${miss.instalmentNo}:${miss.dueDate}`,
          date: miss.dueDate,
          sendOn: onWorkingDay(miss.reportedOn),
          staleAfter: null,
          instalmentNo: miss.instalmentNo,
        });
    // The second miss without a good reason: the next one is the third, a ground to revoke parole (УК 72 ч. 7 п. 1).
    if (evasions(ctx) === 2) {
      const second = ctx.misses.filter((miss) => miss.goodReason !== true)[1];
      add({
        rule: 'instalment.secondMiss',
        claimId: claim.id,
        about: `${second.scheduleVersion}:${second.instalmentNo}:${second.dueDate}`,
        date: second.dueDate,
        sendOn: onWorkingDay(second.reportedOn),
        staleAfter: null,
        instalmentNo: second.instalmentNo,
      });
    }
  }
  return out;
}
