import { addDays, fromParts, isoDayOfWeek, parts } from '../../../src/common/local-date';
import { KZ_YEARS } from '../../../src/restitution/domain/kz-holidays';
import {
  dayInfo,
  decreedCalendarYears,
  isWorkingDay,
  kurbanAitDates,
  nextWorkingDay,
  nonWorkingWeekdays,
} from '../../../src/restitution/domain/work-calendar';

/** Working days (Mon–Fri, not off) of a month: the figure published calendars print per month. */
const workingDaysIn = (year: number, month: number): number => {
  let n = 0;
  for (let d = fromParts(year, month, 1); parts(d).month === month; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
  return n;
};

const days = (year: number, list: string) => list.split(' ').map((md) => `${year}-${md}`);

describe('working days of Kazakhstan (LAW.md §13)', () => {
  // The derived lists of LAW.md §13 (cross-checked there with python-holidays); 2024 derived here by the same rules.
  it.each([
    [2024, days(2024, '01-01 01-02 03-08 03-21 03-22 03-25 05-01 05-07 05-09 07-08 08-30 10-25 12-16')],
    // LAW.md's 2025 list omits Friday 21 March, which is Nauryz itself (a state holiday on a weekday): reported.
    [
      2025,
      days(2025, '01-01 01-02 01-03 01-07 03-10 03-21 03-24 03-25 05-01 05-07 05-09 06-06 07-07 09-01 10-27 12-16'),
    ],
    [2026, days(2026, '01-01 01-02 01-07 03-09 03-23 03-24 03-25 05-01 05-07 05-11 05-27 07-06 10-26 12-16')],
    [2027, days(2027, '01-01 01-04 01-07 03-08 03-15 03-22 03-23 03-24 05-03 05-07 05-10 07-06 10-25 12-16')],
  ])('non-working weekdays of %i are exactly those of the published calendar', (year, expected) => {
    expect(nonWorkingWeekdays(year)).toEqual(expected);
  });

  it.each([
    // date, expected next working day, reason contains
    ['2026-01-01', '2026-01-05', 'Новый год'], // Thu 1, Fri 2 holidays, Sat 3, Sun 4
    ['2026-03-21', '2026-03-26', 'Наурыз'], // Sat; 22 Sun, 23 Mon, 24–25 moved days off
    ['2026-03-24', '2026-03-26', 'перенесённый выходной (Наурыз мейрамы, 21.03 — суббота)'],
    ['2026-03-07', '2026-03-10', 'суббота'], // Sat, Sun 8 Mar, Mon 9 moved day off
    ['2026-05-27', '2026-05-28', 'Курбан айт'],
    ['2026-08-30', '2026-08-31', 'воскресенье'], // no Constitution Day in 2026
    ['2025-08-30', '2025-09-02', 'День Конституции'], // Sat, Sun, Mon 1 Sep moved day off
    ['2025-01-03', '2025-01-05', 'выходной по переносу'], // Ministry order: Fri 3 Jan off, Sun 5 Jan worked
    ['2027-03-15', '2027-03-16', 'День Конституции'],
  ])('%s moves to %s because of %s', (date, expected, reason) => {
    const r = nextWorkingDay(date);
    expect(r).toMatchObject({ date: expected, moved: true, calendarKnown: true });
    expect(r.reason).toContain(reason);
  });

  it('a weekend made working by a transfer order is a working day (Sun 5 Jan 2025)', () => {
    expect(isWorkingDay('2025-01-05')).toBe(true);
    expect(nextWorkingDay('2025-01-05')).toEqual({
      date: '2025-01-05',
      moved: false,
      skipped: [],
      calendarKnown: true,
      provisional: false,
    });
  });

  it('Orthodox Christmas and Kurban Ait on a Sunday are never moved (7 Jan 2024, 16 Jun 2024)', () => {
    expect(isWorkingDay('2024-01-08')).toBe(true);
    expect(isWorkingDay('2024-06-17')).toBe(true);
    expect(dayInfo('2024-06-16')).toMatchObject({
      working: false,
      kind: 'holiday',
      reason: 'Курбан айт (первый день)',
    });
  });

  it('2027 is provisional', () => {
    expect(dayInfo('2027-05-17')).toMatchObject({ working: true, calendarKnown: true, provisional: true });
  });

  // No government calendar for 2028–2030 is published (Dec 2026). The only published tables found (lugasoft.ru,
  // «производственный календарь Казахстан 2028», February and October) are computed by the same art. 5 and say
  // they will change once the transfer order is out. These tables are the rule worked by hand, day by day:
  // 2028 — Sat 1 / Sun 2 Jan → Mon 3, Tue 4; Kurban Ait Fri 5 May; Sun 7 May → Mon 8; Sat 16 Dec → Mon 18.
  // 2029 — Sun 7 Jan not moved (religious); Kurban Ait Tue 24 Apr; Sun 16 Dec → Mon 17.
  // 2030 — Sat 23 Mar → Mon 25; Kurban Ait Sat 13 Apr not moved; Sat 6 Jul → Mon 8.
  it.each([
    [2028, days(2028, '01-03 01-04 01-07 03-08 03-15 03-21 03-22 03-23 05-01 05-05 05-08 05-09 07-06 10-25 12-18')],
    [2029, days(2029, '01-01 01-02 03-08 03-15 03-21 03-22 03-23 04-24 05-01 05-07 05-09 07-06 10-25 12-17')],
    [2030, days(2030, '01-01 01-02 01-07 03-08 03-15 03-21 03-22 03-25 05-01 05-07 05-09 07-08 10-25 12-16')],
  ])('%i, a year with no decree yet, is computed by the rule: its non-working weekdays', (year, expected) => {
    expect(nonWorkingWeekdays(year)).toEqual(expected);
    expect(dayInfo(`${year}-06-03`)).toMatchObject({ calendarKnown: true, provisional: true });
  });

  it('2028 agrees with the published (computed) month tables: February 21 and October 21 working days', () => {
    expect(workingDaysIn(2028, 2)).toBe(21);
    expect(workingDaysIn(2028, 10)).toBe(21);
    expect(dayInfo('2028-10-25')).toMatchObject({ working: false, kind: 'holiday', reason: 'День Республики' });
  });

  it('Kurban Ait is 10 Dhu al-Hijjah of the Umm al-Qura calendar (Node ICU), the announced dates where known', () => {
    const computed = [2024, 2025, 2026, 2027, 2028, 2029, 2030].map((y) => kurbanAitDates(y));
    expect(computed).toEqual([
      ['2024-06-16'],
      ['2025-06-06'],
      ['2026-05-27'],
      ['2027-05-16'],
      ['2028-05-05'],
      ['2029-04-24'],
      ['2030-04-13'],
    ]);
    // The decreed years' announcements agree with the computation (an override is kept for the day they do not).
    for (const y of decreedCalendarYears())
      if (KZ_YEARS[y].kurbanAit) expect(kurbanAitDates(y)).toEqual([KZ_YEARS[y].kurbanAit]);
    expect(dayInfo('2029-04-24')).toMatchObject({ working: false, reason: 'Курбан айт (первый день)' });
  });

  it('a lunar year is shorter: 2039 has two Kurban Aits, both days off', () => {
    expect(kurbanAitDates(2039)).toEqual(['2039-01-05', '2039-12-26']);
    expect(isWorkingDay('2039-01-05')).toBe(false); // a Wednesday
    expect(isWorkingDay('2039-12-26')).toBe(false); // a Monday
  });

  it('Kurban Ait on a state holiday adds no day off (22 March 2032, Nauryz)', () => {
    expect(kurbanAitDates(2032)).toEqual(['2032-03-22']);
    expect(dayInfo('2032-03-22')).toMatchObject({ working: false, reason: 'Наурыз мейрамы' });
    // Nauryz 2032: Sun 21 → the next day neither weekend nor holiday, Wed 24; Mon 22, Tue 23 stay
    expect(nonWorkingWeekdays(2032).filter((d) => d.startsWith('2032-03'))).toEqual(
      days(2032, '03-08 03-15 03-22 03-23 03-24'),
    );
  });

  it('every year far ahead has its holidays: none is a working weekday, the weekend rule holds', () => {
    for (let year = 2031; year <= 2070; year++) {
      for (const md of ['01-01', '03-08', '03-15', '03-22', '05-01', '07-06', '10-25', '12-16'])
        expect(isWorkingDay(`${year}-${md}`)).toBe(false);
      // 16 December on a weekend gives a day off on the Monday after (17 or 18 December)
      const dec16 = `${year}-12-16`;
      if (isoDayOfWeek(dec16) >= 6)
        expect(nextWorkingDay(dec16).skipped).toContain(`${year}-12-${isoDayOfWeek(dec16) === 6 ? 18 : 17}`);
    }
  });

  it('before 2022 the present list does not describe the year: the answer says so', () => {
    expect(dayInfo('2021-12-17').calendarKnown).toBe(false);
    expect(dayInfo('2022-01-03').calendarKnown).toBe(true);
  });

  it("a move across the year end lands past the next year's holidays (Fri 31 Dec 2027 is working)", () => {
    // Sat 1, Sun 2 Jan 2028, Mon 3 and Tue 4 the moved New Year days off
    expect(nextWorkingDay('2028-01-01')).toMatchObject({ date: '2028-01-05', moved: true, provisional: true });
  });
});
