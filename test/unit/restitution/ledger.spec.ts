import fc from 'fast-check';
import { DomainError } from '../../../src/common/domain-error';
import { addDays } from '../../../src/common/local-date';
import { allocatePayments, applyLedger, type Payment } from '../../../src/restitution/domain/ledger';
import { buildSchedule } from '../../../src/restitution/domain/schedule';

const T = (tenge: number) => tenge * 100;
// 4 × 100 000 ₸ due 10 Jun, 10 Jul, 10 Aug, 10 Sep 2026
const rows = buildSchedule({
  outstanding: T(400_000),
  monthly: T(100_000),
  firstDueDate: '2026-06-10',
  moveToWorkingDay: false,
}).rows;
const pay = (reference: string, tenge: number, date: string): Payment => ({
  reference,
  amount: T(tenge),
  date,
  evidence: 'bank_transfer',
});

function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return ((e as DomainError).details.errors as { field: string; rule: string; message: string }[])[0];
  }
  throw new Error('expected a refusal');
}

describe('applyLedger', () => {
  it.each([
    // today, payments, statuses, paid per row, arrears (tenge)
    ['before anything is due', '2026-06-01', [], ['upcoming', 'upcoming', 'upcoming', 'upcoming'], [0, 0, 0, 0], 0],
    ['on the due date, unpaid', '2026-06-10', [], ['due', 'upcoming', 'upcoming', 'upcoming'], [0, 0, 0, 0], 0],
    ['last day of grace (30 days)', '2026-07-10', [], ['due', 'due', 'upcoming', 'upcoming'], [0, 0, 0, 0], 0],
    ['first day past grace', '2026-07-11', [], ['overdue', 'due', 'upcoming', 'upcoming'], [0, 0, 0, 0], 100_000],
    [
      'paid on time',
      '2026-07-11',
      [pay('A', 100_000, '2026-06-09')],
      ['paid', 'due', 'upcoming', 'upcoming'],
      [100_000, 0, 0, 0],
      0,
    ],
    [
      'partly paid within grace',
      '2026-06-20',
      [pay('A', 40_000, '2026-06-15')],
      ['partly_paid', 'upcoming', 'upcoming', 'upcoming'],
      [40_000, 0, 0, 0],
      0,
    ],
    [
      'partly paid, past grace',
      '2026-07-11',
      [pay('A', 40_000, '2026-06-15')],
      ['overdue', 'due', 'upcoming', 'upcoming'],
      [40_000, 0, 0, 0],
      60_000,
    ],
    [
      'a big payment fills the oldest first',
      '2026-07-01',
      [pay('A', 250_000, '2026-06-10')],
      ['paid', 'paid', 'partly_paid', 'upcoming'],
      [100_000, 100_000, 50_000, 0],
      0,
    ],
    [
      'a duplicate reference counts once',
      '2026-06-20',
      [pay('A', 100_000, '2026-06-10'), pay('A', 100_000, '2026-06-10')],
      ['paid', 'upcoming', 'upcoming', 'upcoming'],
      [100_000, 0, 0, 0],
      0,
    ],
    [
      'payments applied in date order',
      '2026-08-05',
      [pay('B', 100_000, '2026-07-10'), pay('A', 50_000, '2026-06-10')],
      ['paid', 'partly_paid', 'upcoming', 'upcoming'],
      [100_000, 50_000, 0, 0],
      0,
    ],
    [
      'a partly paid instalment past grace is overdue for its rest',
      '2026-08-20',
      [pay('B', 100_000, '2026-07-10'), pay('A', 50_000, '2026-06-10')],
      ['paid', 'overdue', 'due', 'upcoming'],
      [100_000, 50_000, 0, 0],
      50_000,
    ],
  ] as const)('%s', (_, today, payments, statuses, paid, arrears) => {
    const l = applyLedger(rows, [...payments], today, 30);
    expect(l.instalments.map((i) => i.status)).toEqual(statuses);
    expect(l.instalments.map((i) => i.paid)).toEqual(paid.map(T));
    expect(l.arrears).toBe(T(arrears));
    expect(l.balance).toBe(T(400_000) - l.paidTotal);
  });

  it('records each allocation and the date an instalment was completed', () => {
    const l = applyLedger(rows, [pay('A', 150_000, '2026-06-10'), pay('B', 50_000, '2026-08-12')], '2026-08-12', 30);
    expect(l.instalments[1]).toMatchObject({
      paid: T(100_000),
      remaining: 0,
      status: 'paid',
      paidOn: '2026-08-12',
      paidLate: true,
      overdueFrom: '2026-08-11', // the grace ends on day 30, Sunday 9 August: on Monday 10 (ГК 175)
      allocations: [
        { reference: 'A', date: '2026-06-10', amount: T(50_000) },
        { reference: 'B', date: '2026-08-12', amount: T(50_000) },
      ],
    });
    expect(l.instalments[0]).toMatchObject({ paidOn: '2026-06-10', paidLate: false });
  });

  it('early full repayment closes the plan on the day of the last payment', () => {
    const l = applyLedger(rows, [pay('A', 100_000, '2026-06-10'), pay('B', 300_000, '2026-06-25')], '2026-07-01', 30);
    expect(l).toMatchObject({ closed: true, closedOn: '2026-06-25', balance: 0, paidTotal: T(400_000), arrears: 0 });
    expect(l.instalments.every((i) => i.status === 'paid')).toBe(true);
  });

  it('refuses an overpayment and says the balance', () => {
    const e = refusal(() =>
      applyLedger(rows, [pay('A', 350_000, '2026-06-10'), pay('B', 60_000, '2026-07-10')], '2026-07-20', 30),
    );
    expect(e).toMatchObject({ field: 'payments[1].amount', rule: 'overpayment' });
    expect(e.message).toContain('50\u00A0000,00\u00A0₸');
  });

  it.each([
    [
      'same reference, different amount',
      [pay('A', 100, '2026-06-10'), pay('A', 200, '2026-06-10')],
      'payments[1].reference',
      'duplicate_reference_conflict',
    ],
    ['zero amount', [pay('A', 0, '2026-06-10')], 'payments[0].amount', 'tiyn_positive'],
    [
      'fractional tiyn',
      [{ reference: 'A', amount: 10.5, date: '2026-06-10', evidence: 'receipt' }],
      'payments[0].amount',
      'tiyn_positive',
    ],
    ['empty reference', [pay(' ', 100, '2026-06-10')], 'payments[0].reference', 'reference_required'],
    ['future date', [pay('A', 100, '2026-07-02')], 'payments[0].date', 'payment_in_future'],
  ])('refuses %s', (_, payments, field, rule) => {
    expect(refusal(() => applyLedger(rows, payments, '2026-07-01', 30))).toMatchObject({ field, rule });
  });

  it('property: allocation never loses a tiyn; paid + remaining = amount per row; oldest first', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_00 }),
        fc.integer({ min: 1, max: 60 }),
        fc.array(
          fc.record({
            share: fc.integer({ min: 1, max: 1000 }),
            day: fc.integer({ min: 0, max: 2000 }),
            dup: fc.boolean(),
          }),
          { maxLength: 40 },
        ),
        (outstanding, months, raw) => {
          const monthly = Math.max(1, Math.ceil(outstanding / months));
          const s = buildSchedule({ outstanding, monthly, firstDueDate: '2026-01-15' });
          let left = outstanding;
          const payments: Payment[] = [];
          raw.forEach((r, i) => {
            const amount = Math.min(left, Math.max(1, Math.floor((outstanding * r.share) / 1000)));
            if (left === 0) return;
            left -= amount;
            const p = { reference: `P${i}`, amount, date: addDays('2026-01-01', r.day), evidence: 'receipt' };
            payments.push(p);
            if (r.dup) payments.push({ ...p }); // recorded twice: counted once
          });
          const l = applyLedger(s.rows, payments, '2031-12-31', 30);
          const paid = outstanding - left;
          expect(l.paidTotal).toBe(paid);
          expect(l.instalments.reduce((a, i) => a + i.paid, 0)).toBe(paid);
          expect(l.instalments.every((i) => i.paid + i.remaining === i.amount && i.paid >= 0 && i.remaining >= 0)).toBe(
            true,
          );
          expect(l.instalments.every((i) => i.allocations.reduce((a, x) => a + x.amount, 0) === i.paid)).toBe(true);
          // oldest first: no row has money while an earlier one still owes
          const firstOpen = l.instalments.findIndex((i) => i.remaining > 0);
          if (firstOpen >= 0) expect(l.instalments.slice(firstOpen + 1).every((i) => i.paid === 0)).toBe(true);
          expect(l.balance).toBe(left);
          expect(l.closed).toBe(left === 0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('allocatePayments (the one allocation, also used by the restitution machine)', () => {
  it('keeps what is paid beyond the rows as unallocated instead of refusing it', () => {
    const a = allocatePayments(rows.slice(0, 1), [pay('A', 60_000, '2026-06-01'), pay('B', 70_000, '2026-06-05')]);
    expect(a.rows[0]).toMatchObject({ paid: T(100_000), remaining: 0, paidOn: '2026-06-05' });
    expect(a).toMatchObject({
      total: T(100_000),
      paidTotal: T(100_000),
      unallocated: T(30_000),
      settledOn: '2026-06-05',
    });
  });

  it('coverage depends only on the sum paid, whatever the order the payments were recorded in', () => {
    const inOrder = allocatePayments(rows, [pay('A', 50_000, '2026-06-01'), pay('B', 120_000, '2026-07-01')]);
    const backDated = allocatePayments(rows, [pay('B', 120_000, '2026-07-01'), pay('A', 50_000, '2026-06-01')]);
    expect(backDated.rows.map((r) => r.remaining)).toEqual(inOrder.rows.map((r) => r.remaining));
    expect(backDated.payments.map((p) => p.reference)).toEqual(['A', 'B']);
  });
});
