import { assessArrears } from '../../../src/restitution/domain/arrears';
import { applyLedger, type Payment } from '../../../src/restitution/domain/ledger';
import { buildSchedule } from '../../../src/restitution/domain/schedule';
import { DomainError } from '../../../src/common/domain-error';

const T = (tenge: number) => tenge * 100;
// 6 × 50 000 ₸ due on the 10th, Jan–Jun 2026 (not moved, to keep the dates plain)
const rows = buildSchedule({
  outstanding: T(300_000),
  monthly: T(50_000),
  firstDueDate: '2026-01-10',
  moveToWorkingDay: false,
}).rows;
const pay = (reference: string, tenge: number, date: string): Payment => ({
  reference,
  amount: T(tenge),
  date,
  evidence: 'receipt',
});

describe('assessArrears (УК 72 ч. 7 п. 1)', () => {
  // On 1 June 2026 with 30 days' grace, instalments 1–4 (Jan–Apr) are past grace, 5 (10 May) is not.
  const today = '2026-06-01';

  it.each([
    [
      'nothing missed',
      [
        pay('A', 50_000, '2026-01-10'),
        pay('B', 50_000, '2026-02-10'),
        pay('C', 50_000, '2026-03-09'),
        pay('D', 50_000, '2026-04-10'),
      ],
      [],
      0,
      0,
      false,
    ],
    ['catching up late does not erase the misses', [pay('A', 200_000, '2026-04-10')], [], 3, 3, true],
    [
      'two misses without good reason: not yet a ground',
      [pay('A', 100_000, '2026-02-01')],
      [
        { instalmentNo: 3, goodReason: false, reason: 'не объяснил' },
        { instalmentNo: 4, goodReason: false, reason: 'не объяснил' },
      ],
      2,
      2,
      false,
    ],
    [
      'three misses without good reason: more than twice → a ground',
      [pay('A', 50_000, '2026-01-10')],
      [
        { instalmentNo: 2, goodReason: false, reason: 'не явился' },
        { instalmentNo: 3, goodReason: false, reason: 'не явился' },
        { instalmentNo: 4, goodReason: false, reason: 'не явился' },
      ],
      3,
      3,
      true,
    ],
    [
      'three misses, one for a good reason: not a ground',
      [pay('A', 50_000, '2026-01-10')],
      [
        { instalmentNo: 2, goodReason: true, reason: 'больничный лист' },
        { instalmentNo: 3, goodReason: false, reason: 'не явился' },
        { instalmentNo: 4, goodReason: false, reason: 'не явился' },
      ],
      3,
      2,
      false,
    ],
    ['a miss counts unless a good reason is recorded (issue 3)', [], [], 4, 4, true],
  ])('%s', (_, payments, reasons, missed, without, ground) => {
    const r = assessArrears(applyLedger(rows, payments, today, 30), reasons);
    expect(r.missed).toHaveLength(missed);
    expect(r.missedWithoutGoodReason).toBe(without);
    expect(r.revocationGround).toBe(ground);
    expect(r.missedReasonNotRecorded).toBe(missed - reasons.length);
    expect(r.citationText).toBe('УК РК ст. 72 ч. 7 п. 1');
    expect(r.maxEvasions).toBe(2);
  });

  it('a late payment is still a missed due date, with the days it was late', () => {
    const r = assessArrears(
      applyLedger(rows, [pay('A', 50_000, '2026-01-10'), pay('B', 50_000, '2026-03-20')], today, 30),
    );
    expect(r.missed[0]).toEqual({
      no: 2,
      dueDate: '2026-02-10',
      overdueFrom: '2026-03-13',
      remaining: 0,
      paidLate: true,
      paidOn: '2026-03-20',
      daysLate: 38,
    });
    expect(r.arrears).toBe(T(100_000)); // instalments 3 and 4
    expect(r.overdueCount).toBe(2);
  });

  it('refuses a reason for an instalment that does not exist', () => {
    expect(() =>
      assessArrears(applyLedger(rows, [], today, 30), [{ instalmentNo: 9, goodReason: true, reason: 'x' }]),
    ).toThrow(DomainError);
  });
});
