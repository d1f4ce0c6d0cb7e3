import { startTestApp, TestApp } from '../support/app';

const NBSP = '\u00A0';

describe('POST /api/schedules/preview', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const preview = (body: object) => t.as('lawyer').post('/api/schedules/preview').send(body);

  it('2 000 000 ₸ awarded at 50 000 ₸ a month from the month after release: 40 payments, formatted, moved off holidays', async () => {
    const res = await preview({
      awarded: 200_000_000,
      recovered: 0,
      monthly: 5_000_000,
      releaseDate: '2026-12-01',
      dayOfMonth: 10,
      agreementDate: '2026-11-20',
    }).expect(200);
    expect(res.body).toMatchObject({
      total: 200_000_000,
      months: 40,
      monthly: 5_000_000,
      lastAmount: 5_000_000,
      downPayment: 0,
      movedToWorkingDays: true,
    });
    expect(res.body.rows).toHaveLength(40);
    // 10 January 2027 is a Sunday
    expect(res.body.rows[0]).toEqual({
      no: 1,
      kind: 'instalment',
      dueDate: '2027-01-11',
      nominalDate: '2027-01-10',
      movedBecause: 'воскресенье',
      amount: 5_000_000,
      cumulative: 5_000_000,
      remaining: 195_000_000,
      formatted: {
        amount: `50${NBSP}000,00${NBSP}₸`,
        cumulative: `50${NBSP}000,00${NBSP}₸`,
        remaining: `1${NBSP}950${NBSP}000,00${NBSP}₸`,
      },
    });
    expect(res.body.rows[39]).toMatchObject({ no: 40, nominalDate: '2030-04-10', remaining: 0 });
    expect(res.body.formatted.total).toBe(`2${NBSP}000${NBSP}000,00${NBSP}₸`);
    expect(res.body.calendarKnown).toBe(false); // runs into 2028–2030, beyond the holiday table
  });

  it('awarded minus recovered, with a down payment as row 0', async () => {
    const res = await preview({
      awarded: 200_000_000,
      recovered: 100_000_000,
      downPayment: 20_000_000,
      months: 4,
      firstDueDate: '2026-12-15',
      agreementDate: '2026-11-20',
      moveToWorkingDay: false,
    }).expect(200);
    expect(
      res.body.rows.map((r: { no: number; amount: number; dueDate: string }) => [r.no, r.dueDate, r.amount]),
    ).toEqual([
      [0, '2026-11-20', 20_000_000],
      [1, '2026-12-15', 20_000_000],
      [2, '2027-01-15', 20_000_000],
      [3, '2027-02-15', 20_000_000],
      [4, '2027-03-15', 20_000_000],
    ]);
  });

  const valid = { outstanding: 200_000_000, releaseDate: '2026-12-01', dayOfMonth: 10 };
  it.each([
    ['monthly 0', { ...valid, monthly: 0 }, 'monthly', 'monthly_amount_range'],
    ['monthly above the total', { ...valid, monthly: 200_000_001 }, 'monthly', 'monthly_amount_range'],
    ['fractional tiyn', { ...valid, monthly: 5_000_000.5 }, 'monthly', 'tiyn_integer'],
    ['a negative amount', { ...valid, outstanding: -1, monthly: 5_000_000 }, 'outstanding', 'tiyn_integer'],
    ['an amount as a string', { ...valid, monthly: '5000000' }, 'monthly', 'tiyn_integer'],
    ['an unknown field', { ...valid, monthly: 5_000_000, interest: 5 }, 'interest', 'unknown_field'],
    [
      'first due date before the agreement',
      { outstanding: 100_000, monthly: 100_000, firstDueDate: '2026-11-10', agreementDate: '2026-11-20' },
      'firstDueDate',
      'first_due_after_agreement',
    ],
    [
      'release date: first due before the agreement',
      { ...valid, monthly: 5_000_000, agreementDate: '2027-02-01' },
      'releaseDate',
      'first_due_after_agreement',
    ],
    ['not a calendar date', { ...valid, monthly: 5_000_000, releaseDate: '2026-02-30' }, 'releaseDate', 'local_date'],
    // The same rule as in the agreement's instalment terms and the schedule builder.
    ['day 32', { ...valid, monthly: 5_000_000, dayOfMonth: 32 }, 'dayOfMonth', 'day_of_month_range'],
    ['both monthly and months', { ...valid, monthly: 5_000_000, months: 40 }, 'monthly', 'exactly_one_of'],
    [
      'neither outstanding nor awarded',
      { monthly: 5_000_000, releaseDate: '2026-12-01', dayOfMonth: 10 },
      'outstanding',
      'exactly_one_of',
    ],
    [
      'recovered above awarded',
      { awarded: 100, recovered: 101, monthly: 1, releaseDate: '2026-12-01', dayOfMonth: 10 },
      'recovered',
      'recovered_range',
    ],
  ])('400 for %s, naming field and rule', async (_, body, field, rule) => {
    const res = await preview(body).expect(400);
    expect(res.body.error).toBe('validation_failed');
    expect(res.body.errors).toContainEqual(expect.objectContaining({ field, rule }));
  });

  it('400 for a schedule longer than 50 years, with the number of months it would take', async () => {
    const res = await preview({ ...valid, monthly: 300_000 }).expect(400); // 2 000 000 ₸ at 3 000 ₸ → 667 months
    expect(res.body.errors).toEqual([
      { field: 'monthly', rule: 'schedule_too_long', message: expect.stringContaining('667 мес.') },
    ]);
  });
});
