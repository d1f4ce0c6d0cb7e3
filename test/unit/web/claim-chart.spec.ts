/**
 * The restitution chart's figures (src/web/restitution/claim-chart.ts): plan and paid cumulative by month, arrears
 * at each month's end by the ledger's rule (overdue rows less what was paid, oldest first), nothing drawn for
 * months to come, and every coordinate inside the drawing.
 */
import { claimChart } from '../../../src/web/restitution/claim-chart';

const T = 100;
const rows = [
  { dueDate: '2027-01-11', amount: 50_000 * T, overdueFrom: '2027-02-11' },
  { dueDate: '2027-02-10', amount: 50_000 * T, overdueFrom: '2027-03-13' },
  { dueDate: '2027-03-10', amount: 50_000 * T, overdueFrom: '2027-04-10' },
  { dueDate: '2027-04-12', amount: 50_000 * T, overdueFrom: '2027-05-13' },
];

describe('claimChart', () => {
  it('plan, paid and arrears by month; months to come have no paid or arrears', () => {
    const chart = claimChart(rows, [{ date: '2027-01-20', amount: 30_000 * T }], '2027-03-20', 'ru')!;
    expect(
      chart.months.map((m) => [
        m.month,
        m.plan / T,
        m.paid === null ? null : m.paid / T,
        m.arrears === null ? null : m.arrears / T,
      ]),
    ).toEqual([
      ['2027-01', 50_000, 30_000, 0],
      ['2027-02', 100_000, 30_000, 20_000], // January overdue from 11 February: 50 000 − 30 000
      ['2027-03', 150_000, 30_000, 70_000], // on 20 March (today): February overdue too
      ['2027-04', 200_000, null, null],
    ]);
    expect(chart.months[2].arrearsText).toBe('70\u00a0000,00\u00a0₸');
    expect(chart.desc).toContain('70\u00a0000,00\u00a0₸');
    expect(chart.bars).toHaveLength(2);
    expect(chart.paidPoints.split(' ')).toHaveLength(3);
    expect(chart.today).not.toBeNull();
  });

  it('keeps every point inside the plot, labels the axis in the reader’s language, and draws nothing without rows', () => {
    const long = Array.from({ length: 40 }, (_, i) => ({
      dueDate: `${2027 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-10`,
      amount: 50_000 * T,
      overdueFrom: `${2027 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-11`,
    }));
    const chart = claimChart(long, [], '2027-06-01', 'kk')!;
    const points = chart.planPoints.split(' ').map((p) => p.split(',').map(Number));
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(chart.plot.left);
      expect(x).toBeLessThanOrEqual(chart.plot.right);
      expect(y).toBeGreaterThanOrEqual(chart.plot.top);
      expect(y).toBeLessThanOrEqual(chart.plot.bottom);
    }
    expect(chart.xTicks.length).toBeLessThanOrEqual(5);
    expect(chart.yTicks.map((t) => t.label)).toEqual(['0', '500 мың', '1 млн', '1,5 млн', '2 млн']);
    expect(claimChart(long, [], '2027-06-01', 'en')!.yTicks[1].label).toBe('500k');
    expect(claimChart([], [], '2027-06-01', 'ru')).toBeNull();
  });
});
