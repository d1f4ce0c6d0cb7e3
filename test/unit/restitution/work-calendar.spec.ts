import {
  dayInfo,
  isWorkingDay,
  nextWorkingDay,
  nonWorkingWeekdays,
} from '../../../src/restitution/domain/work-calendar';

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

  it('a year without data knows weekends only and says so', () => {
    expect(dayInfo('2030-01-01')).toEqual({
      date: '2030-01-01',
      working: true,
      calendarKnown: false,
      provisional: false,
    });
    expect(nextWorkingDay('2030-01-05')).toMatchObject({
      date: '2030-01-07',
      moved: true,
      reason: 'суббота',
      calendarKnown: false,
    });
  });

  it('a move across the year end into an unknown year is flagged', () => {
    // 2027-12-31 is a Friday (working); Sat 1 Jan 2028 → Mon 3 Jan 2028, unknown year
    expect(nextWorkingDay('2028-01-01').calendarKnown).toBe(false);
  });
});
