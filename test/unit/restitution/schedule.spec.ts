import fc from 'fast-check';
import { DomainError } from '../../../src/common/domain-error';
import { addDays, dayOfMonthIn, firstOfNextMonth, isLocalDate, parts } from '../../../src/common/local-date';
import { settings } from '../../../src/law/legal-rules';
import { buildSchedule, type ScheduleInput } from '../../../src/restitution/domain/schedule';

const T = (tenge: number) => tenge * 100; // tenge → tiyn, for readable tables

function errorsOf(input: ScheduleInput): { field: string; rule: string; message: string }[] {
  try {
    buildSchedule(input);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as DomainError).details.errors as { field: string; rule: string; message: string }[];
  }
  throw new Error('expected a validation error');
}

describe('buildSchedule — amounts', () => {
  it.each([
    // outstanding, monthly, months, every regular row, last row
    ['2 000 000 ₸ at 50 000 ₸ (DOMAIN.md §2 step 7)', T(2_000_000), T(50_000), 40, T(50_000), T(50_000)],
    ['1 000 001 ₸ at 30 000 ₸', T(1_000_001), T(30_000), 34, T(30_000), T(10_001)],
    ['100 000,01 ₸ at 100 000 ₸', T(100_000) + 1, T(100_000), 2, T(100_000), 1],
    ['monthly equal to the total', T(500_000), T(500_000), 1, T(500_000), T(500_000)],
  ])('%s', (_, outstanding, monthly, months, regular, last) => {
    const s = buildSchedule({
      outstanding,
      monthly,
      startsMonthAfter: '2026-12-01',
      dayOfMonth: 15,
      moveToWorkingDay: false,
    });
    expect(s.months).toBe(months);
    expect(s.rows).toHaveLength(months);
    expect(s.rows.slice(0, -1).every((r) => r.amount === regular)).toBe(true);
    expect(s.lastAmount).toBe(last);
    expect(s.rows[months - 1]).toMatchObject({ no: months, amount: last, cumulative: outstanding, remaining: 0 });
    expect(s.total).toBe(outstanding);
  });

  it('1 000 001 ₸ at 30 000 ₸: 33 rows of 30 000 ₸ and a last of 10 001 ₸, cumulative and remaining per row', () => {
    const s = buildSchedule({
      outstanding: T(1_000_001),
      monthly: T(30_000),
      startsMonthAfter: '2026-12-01',
      dayOfMonth: 15,
      moveToWorkingDay: false,
    });
    expect(s.rows.filter((r) => r.amount === T(30_000))).toHaveLength(33);
    expect(s.rows[0]).toEqual({
      no: 1,
      kind: 'instalment',
      dueDate: '2027-01-15',
      nominalDate: '2027-01-15',
      amount: T(30_000),
      cumulative: T(30_000),
      remaining: T(970_001),
    });
    expect(s.rows[33]).toEqual({
      no: 34,
      kind: 'instalment',
      dueDate: '2029-10-15',
      nominalDate: '2029-10-15',
      amount: T(10_001),
      cumulative: T(1_000_001),
      remaining: 0,
    });
  });

  it.each([
    // outstanding, months, monthly, last
    [T(2_000_000), 7, T(285_715), T(285_710)], // 2 000 000 / 7 = 285 714,28… → rounded up to whole tenge
    [T(2_000_000), 40, T(50_000), T(50_000)],
    [T(1_000), 3, T(334), T(332)],
    [7, 3, 3, 1], // 7 tiyn: whole tenge impossible, rounded to the tiyn
  ])('%i tiyn over %i months → %i a month, last %i', (outstanding, months, monthly, last) => {
    const s = buildSchedule({ outstanding, months, firstDueDate: '2026-06-10', moveToWorkingDay: false });
    expect(s).toMatchObject({ months, monthly, lastAmount: last });
    expect(s.rows).toHaveLength(months);
  });

  it('a down payment is row 0 on the agreement date, the rest in monthly rows', () => {
    const s = buildSchedule({
      outstanding: T(1_000_000),
      downPayment: T(200_000),
      monthly: T(100_000),
      agreementDate: '2026-06-10',
      firstDueDate: '2026-07-10',
      moveToWorkingDay: false,
    });
    expect(s.rows[0]).toEqual({
      no: 0,
      kind: 'down_payment',
      dueDate: '2026-06-10',
      nominalDate: '2026-06-10',
      amount: T(200_000),
      cumulative: T(200_000),
      remaining: T(800_000),
    });
    expect(s).toMatchObject({
      downPayment: T(200_000),
      months: 8,
      monthly: T(100_000),
      lastAmount: T(100_000),
      total: T(1_000_000),
    });
    expect(s.rows.at(-1)).toMatchObject({ no: 8, dueDate: '2027-02-10', remaining: 0 });
  });

  it('a down payment of everything is a full settlement: one row, no instalments', () => {
    const s = buildSchedule({
      outstanding: T(1_000_000),
      downPayment: T(1_000_000),
      monthly: T(1),
      agreementDate: '2026-06-10',
      firstDueDate: '2026-07-10',
    });
    expect(s.rows).toHaveLength(1);
    expect(s).toMatchObject({ months: 0, lastAmount: 0 });
  });
});

describe('buildSchedule — dates', () => {
  it.each([
    ['non-leap 2027', '2027-01-31', ['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31']],
    ['leap 2028', '2028-01-31', ['2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30', '2028-05-31']],
  ])('day 31 across February in a %s year: last days, never drifting to the 28th', (_, first, nominal) => {
    const s = buildSchedule({
      outstanding: T(500),
      monthly: T(100),
      firstDueDate: first,
      dayOfMonth: 31,
      moveToWorkingDay: false,
    });
    expect(s.rows.map((r) => r.dueDate)).toEqual(nominal);
  });

  it('day 31 in leap 2024 with moving: 31 March (Sunday) → 1 April', () => {
    const s = buildSchedule({ outstanding: T(400), monthly: T(100), firstDueDate: '2024-01-31', dayOfMonth: 31 });
    expect(s.rows.map((r) => [r.nominalDate, r.dueDate, r.movedBecause])).toEqual([
      ['2024-01-31', '2024-01-31', undefined],
      ['2024-02-29', '2024-02-29', undefined],
      ['2024-03-31', '2024-04-01', 'воскресенье'],
      ['2024-04-30', '2024-04-30', undefined],
    ]);
  });

  it('release date: the first payment is in the next month, also across the year end', () => {
    const s = buildSchedule({
      outstanding: T(200),
      monthly: T(100),
      startsMonthAfter: '2026-12-29',
      dayOfMonth: 31,
      moveToWorkingDay: false,
    });
    expect(s.rows.map((r) => r.dueDate)).toEqual(['2027-01-31', '2027-02-28']);
  });

  it.each([
    ['1 January 2026 (Thu; Fri 2 Jan holiday, weekend)', '2026-01-01', 1, '2026-01-05', 'Новый год'],
    ['Nauryz 21 March 2026 (Sat) → Thu 26', '2026-03-21', 21, '2026-03-26', 'Наурыз мейрамы'],
    [
      'a moved Nauryz day off, 24 March 2026',
      '2026-03-24',
      24,
      '2026-03-26',
      'перенесённый выходной (Наурыз мейрамы, 21.03 — суббота)',
    ],
    ['a Sunday, 1 February 2026', '2026-02-01', 1, '2026-02-02', 'воскресенье'],
    ['Victory Day on Sunday 9 May 2027 → Tue 11 (Mon 10 is its day off)', '2027-05-09', 9, '2027-05-11', 'День Победы'],
  ])('a due date on %s moves', (_, first, day, due, reason) => {
    const s = buildSchedule({ outstanding: T(100), monthly: T(100), firstDueDate: first, dayOfMonth: day });
    expect(s.rows[0]).toMatchObject({ nominalDate: first, dueDate: due, movedBecause: reason });
  });

  it('switched off, the same dates stay where they are', () => {
    const s = buildSchedule({
      outstanding: T(300),
      monthly: T(100),
      firstDueDate: '2026-01-01',
      dayOfMonth: 1,
      moveToWorkingDay: false,
    });
    expect(s.rows.map((r) => r.dueDate)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(s.rows.every((r) => r.movedBecause === undefined && r.nominalDate === r.dueDate)).toBe(true);
    expect(s.movedToWorkingDays).toBe(false);
  });

  it('a schedule reaching a year with no decree yet moves off its computed holidays and says it is provisional', () => {
    expect(buildSchedule({ outstanding: T(100), monthly: T(100), firstDueDate: '2026-06-10' })).toMatchObject({
      calendarKnown: true,
      calendarProvisional: false,
    });
    // 5 May 2028 is Kurban Ait (Umm al-Qura), 8 May the day off for Sunday 7 May, 9 May Victory Day
    const s = buildSchedule({ outstanding: T(300), monthly: T(100), firstDueDate: '2028-03-05', dayOfMonth: 5 });
    expect(s).toMatchObject({ calendarKnown: true, calendarProvisional: true });
    expect(s.rows.map((r) => r.dueDate)).toEqual(['2028-03-06', '2028-04-05', '2028-05-10']);
    expect(s.rows[2].movedBecause).toBe('Курбан айт (первый день)');
  });
});

describe('buildSchedule — refusals name the field and the rule', () => {
  const base = { outstanding: T(2_000_000), startsMonthAfter: '2026-12-01', dayOfMonth: 10 };
  it.each([
    ['monthly 0', { ...base, monthly: 0 }, 'monthly', 'monthly_amount_range'],
    ['monthly above the total', { ...base, monthly: T(2_000_001) }, 'monthly', 'monthly_amount_range'],
    [
      'monthly above the rest after a down payment',
      { ...base, downPayment: T(1_500_000), agreementDate: '2026-11-20', monthly: T(600_000) },
      'monthly',
      'monthly_amount_range',
    ],
    ['fractional tiyn', { ...base, monthly: 100.5 }, 'monthly', 'tiyn_integer'],
    ['negative', { ...base, outstanding: -1, monthly: 100 }, 'outstanding', 'tiyn_integer'],
    ['unsafe integer', { ...base, outstanding: 2 ** 53, monthly: 100 }, 'outstanding', 'tiyn_integer'],
    ['both monthly and months', { ...base, monthly: 100, months: 3 }, 'monthly', 'exactly_one_of'],
    [
      'neither first due date nor release',
      { outstanding: 100, monthly: 100, dayOfMonth: 1 },
      'firstDueDate',
      'exactly_one_of',
    ],
    ['day 32', { ...base, monthly: T(50_000), dayOfMonth: 32 }, 'dayOfMonth', 'day_of_month_range'],
    [
      'first due date before the agreement',
      { outstanding: 100, monthly: 100, firstDueDate: '2026-05-10', agreementDate: '2026-05-11' },
      'firstDueDate',
      'first_due_after_agreement',
    ],
    [
      'first due date not on the due day',
      { outstanding: 100, monthly: 100, firstDueDate: '2026-05-10', dayOfMonth: 11 },
      'dayOfMonth',
      'day_of_month_mismatch',
    ],
    [
      'down payment above the total',
      { ...base, monthly: 100, downPayment: T(2_000_001), agreementDate: '2026-11-01' },
      'downPayment',
      'down_payment_range',
    ],
    [
      'down payment not before the first instalment',
      { ...base, monthly: T(100_000), downPayment: 100, downPaymentDueDate: '2027-01-10' },
      'downPaymentDueDate',
      'down_payment_date',
    ],
    [
      'down payment without a date',
      { ...base, monthly: 100, downPayment: 100 },
      'downPaymentDueDate',
      'down_payment_date',
    ],
    ['invalid date', { ...base, monthly: 100, startsMonthAfter: '2026-02-30' }, 'startsMonthAfter', 'local_date'],
    ['zero months', { ...base, months: 0 }, 'months', 'months_range'],
  ])('%s', (_, input, field, rule) => {
    expect(errorsOf(input as ScheduleInput)).toContainEqual(expect.objectContaining({ field, rule }));
  });

  it(`more than ${settings.maxScheduleMonths} months is refused with the number of months it would take`, () => {
    const errors = errorsOf({ ...base, monthly: T(3_000) }); // 2 000 000 / 3 000 = 666,67 → 667 months
    expect(errors).toEqual([
      { field: 'monthly', rule: 'schedule_too_long', message: expect.stringContaining('667 мес.') },
    ]);
    expect(errorsOf({ ...base, months: 601 })).toContainEqual(
      expect.objectContaining({ field: 'months', rule: 'schedule_too_long', message: expect.stringContaining('601') }),
    );
  });

  it(`exactly ${settings.maxScheduleMonths} months is allowed`, () => {
    expect(buildSchedule({ ...base, months: settings.maxScheduleMonths }).rows).toHaveLength(
      settings.maxScheduleMonths,
    );
  });
});

describe('buildSchedule — properties', () => {
  const inputs = fc.record({
    outstanding: fc.integer({ min: 1, max: 1_000_000_000_00 }),
    share: fc.integer({ min: 1, max: 1000 }), // monthly as a share (‰) of the rest, or months
    byMonths: fc.boolean(),
    downShare: fc.integer({ min: 0, max: 999 }),
    start: fc.integer({ min: 0, max: 365 * 6 }).map((d) => addDays('2024-01-01', d)),
    dayOfMonth: fc.integer({ min: 1, max: 31 }),
    release: fc.boolean(),
    move: fc.boolean(),
  });

  const nextMonthOn = (date: string, day: number) => {
    const { year, month } = parts(firstOfNextMonth(date));
    return dayOfMonthIn(year, month, day);
  };

  function build(p: typeof inputs extends fc.Arbitrary<infer V> ? V : never) {
    const downPayment = Math.floor((p.outstanding * p.downShare) / 1000);
    const rest = p.outstanding - downPayment;
    const monthly = Math.max(1, Math.ceil((rest * p.share) / 1000), Math.ceil(rest / settings.maxScheduleMonths));
    // m ≤ √rest guarantees m non-zero instalments exist under "equal rows, last takes the remainder"
    const months = Math.min(
      Math.max(1, Math.ceil(p.share / 2)),
      settings.maxScheduleMonths,
      Math.max(1, Math.floor(Math.sqrt(rest))),
    );
    return buildSchedule({
      outstanding: p.outstanding,
      ...(downPayment > 0 ? { downPayment, downPaymentDueDate: p.start } : {}),
      ...(p.byMonths ? { months } : { monthly }),
      ...(p.release ? { startsMonthAfter: p.start } : { firstDueDate: nextMonthOn(p.start, p.dayOfMonth) }),
      dayOfMonth: p.dayOfMonth,
      moveToWorkingDay: p.move,
    });
  }

  it('rows sum to the total; none exceeds the monthly amount; instalment dates strictly increase; cumulative and remaining agree', () => {
    fc.assert(
      fc.property(inputs, (p) => {
        const s = build(p);
        expect(s.rows.reduce((a, r) => a + r.amount, 0)).toBe(p.outstanding);
        const bad = s.rows.filter(
          (r) =>
            !(Number.isSafeInteger(r.amount) && r.amount > 0) ||
            (r.kind === 'instalment' && r.amount > s.monthly) ||
            r.cumulative + r.remaining !== p.outstanding ||
            !isLocalDate(r.dueDate) ||
            r.dueDate < r.nominalDate,
        );
        expect(bad).toEqual([]);
        const instalments = s.rows.filter((r) => r.kind === 'instalment');
        expect(instalments.every((r, i) => i === 0 || r.dueDate > instalments[i - 1].dueDate)).toBe(true);
        // a down payment comes first; after moving off a weekend it may share the first instalment's day
        if (s.rows[0].kind === 'down_payment' && instalments.length)
          expect(s.rows[0].dueDate <= instalments[0].dueDate).toBe(true);
        if (p.byMonths && s.months > 0) expect(s.rows.filter((r) => r.kind === 'instalment').length).toBe(s.months);
      }),
      { numRuns: 300 },
    );
  });
});
