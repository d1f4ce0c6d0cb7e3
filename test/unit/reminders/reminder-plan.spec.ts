/**
 * The pure part of reminders: working days counted back on the Kazakhstan calendar, and what a case calls for as it
 * stands (src/reminders/domain/reminder-plan.ts), including every rule's source in the one rules file.
 */
import { REMINDER_RULE_IDS, REMINDER_RULES } from '../../../src/law/reminder-rules';
import { onWorkingDay, workingDaysBefore } from '../../../src/reminders/domain/reminder-plan';

describe('reminder plan: working days', () => {
  it('counts back working days, skipping weekends and holidays', () => {
    expect(workingDaysBefore('2026-12-11', 2)).toBe('2026-12-09'); // Fri → Wed
    expect(workingDaysBefore('2027-02-01', 1)).toBe('2027-01-29'); // Mon → the Friday before
    expect(workingDaysBefore('2027-01-11', 3)).toBe('2027-01-05'); // 7 Jan (Orthodox Christmas) is a holiday
    expect(workingDaysBefore('2026-12-31', 5)).toBe('2026-12-24');
    // a date that is itself a day off counts from the working day before it
    expect(workingDaysBefore('2027-01-10', 0)).toBe('2027-01-08');
  });

  it('moves a day off to the next working day', () => {
    expect(onWorkingDay('2026-12-12')).toBe('2026-12-14');
    expect(onWorkingDay('2027-03-13')).toBe('2027-03-16'); // weekend, then Constitution Day (15 Mar)
    expect(onWorkingDay('2026-12-09')).toBe('2026-12-09');
  });

  it('every rule names its audience, its lead time and the law or practice it rests on', () => {
    for (const id of REMINDER_RULE_IDS) {
      const r = REMINDER_RULES[id];
      expect(r.id).toBe(id);
      expect(r.audience.length).toBeGreaterThan(0);
      expect(r.leadWorkingDays).toBeGreaterThanOrEqual(0);
      expect('practice' in r.source ? r.source.practice : r.source.article).toBeTruthy();
    }
    expect(REMINDER_RULES['reply.ending'].leadWorkingDays).toBe(2);
    expect(REMINDER_RULES['term.ending'].leadWorkingDays).toBe(5);
    expect(REMINDER_RULES['instalment.due'].leadWorkingDays).toBe(3);
    expect(REMINDER_RULES['petition.startMediation'].leadMonths).toBe(3);
  });
});
