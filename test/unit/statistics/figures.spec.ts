import { barChart, monthChart } from '../../../src/statistics/domain/charts';
import { cellText, figureRows, parseCsv, toCsv } from '../../../src/statistics/domain/csv';
import { buildReport, percentiles, type SumRow } from '../../../src/statistics/domain/figures';
import { startByOf } from '../../../src/statistics/domain/planning';
import { cellDelta, expandCells, type StoredFacts } from '../../../src/statistics/domain/statistics-cells';

const row = (metric: string, month: string, n: number, dim = '', dimValue = ''): SumRow => ({
  metric,
  month,
  dim,
  dimValue,
  n,
});
const labels = { mediator: (k: string) => `M ${k}`, court: (k: string) => `C ${k}`, institution: (k: string) => k };
const build = (rows: SumRow[], suppression: boolean) =>
  buildReport(rows, { from: '2026-01', to: '2026-03', suppression, instalmentsThrough: '2026-02', labels });

describe('statistics figures (pure)', () => {
  it('median and 90th percentile from a histogram of days', () => {
    expect(percentiles(new Map())).toBeNull();
    expect(percentiles(new Map([[10, 1]]))).toEqual({ median: 10, p90: 10 });
    expect(
      percentiles(
        new Map([
          [30, 1],
          [40, 1],
        ]),
      ),
    ).toEqual({ median: 35, p90: 40 });
    // 1..10: median 5.5, p90 = the 9th value
    expect(percentiles(new Map(Array.from({ length: 10 }, (_, i) => [i + 1, 1] as [number, number])))).toEqual({
      median: 5.5,
      p90: 9,
    });
    expect(
      percentiles(
        new Map([
          [5, 3],
          [100, 1],
        ]),
      ),
    ).toEqual({ median: 5, p90: 100 });
  });

  it('suppresses 1 and 2 outside one’s own cases, and whatever is computed from them; never 0 or 3', () => {
    const rows = [
      row('app', '2026-01', 2),
      row('app.awaiting', '2026-01', 2),
      row('money.awarded', '2026-01', 123),
      row('inv', '2026-02', 3),
      row('inv.agreed', '2026-02', 1),
      row('agr', '2026-02', 1),
      row('agr.days', '2026-02', 1, 'days', '17'),
      row('app', '2026-04', 50), // outside the period
      row('now.arrears', 'now', 1),
      row('now.arrearsAmount', 'now', 5000),
    ];
    const wide = build(rows, true);
    expect(wide.applications.total).toEqual({ suppressed: true });
    expect(wide.money.awarded).toEqual({ suppressed: true });
    expect(wide.invitations).toMatchObject({
      invited: 3,
      agreed: { suppressed: true },
      refused: 0,
      agreementRate: 33.3,
    });
    expect(wide.agreements).toEqual({
      count: { suppressed: true },
      medianDays: { suppressed: true },
      p90Days: { suppressed: true },
    });
    expect(wide.instalments.arrearsNow).toEqual({ suppressed: true });
    const own = build(rows, false);
    expect(own.applications.total).toBe(2);
    expect(own.money.awarded).toBe(123);
    expect(own.agreements).toEqual({ count: 1, medianDays: 17, p90Days: 17 });
    expect(own.instalments).toMatchObject({ claimsInArrearsNow: 1, arrearsNow: 5000 });
    expect(own.byMonth.map((m) => m.applications)).toEqual([2, 0, 0]);
  });

  it('instalments count only months whose grace period is over; on time = due − missed', () => {
    const r = build(
      [row('inst.due', '2026-01', 10), row('inst.missed', '2026-01', 1), row('inst.due', '2026-03', 10)],
      false,
    );
    expect(r.instalments).toMatchObject({ due: 10, missed: 1, onTimePercent: 90, countedThrough: '2026-01' });
  });

  it('breakdowns: one row per mediator, court, institution, the largest first', () => {
    const r = build(
      [
        row('app', '2026-01', 4, 'mediator', 'u1'),
        row('app', '2026-01', 7, 'mediator', 'u2'),
        row('inv', '2026-01', 4, 'mediator', 'u2'),
        row('inv.agreed', '2026-01', 3, 'mediator', 'u2'),
      ],
      true,
    );
    expect(r.byMediator.map((m) => [m.key, m.label, m.applications, m.agreementRate])).toEqual([
      ['u2', 'M u2', 7, 75],
      ['u1', 'M u1', 4, null],
    ]);
  });

  it('a case’s cells: each figure under each scope; breakdowns only in the wide scopes; deltas net out', () => {
    const facts: StoredFacts = {
      scopes: ['lawyer:l', 'morg:o', 'region'],
      dims: { mediator: 'm', court: '', institution: 'i' },
      figures: [['app', '2026-01', '', '', 1]],
      court: [],
    };
    const cells = expandCells(facts);
    expect(cells).toHaveLength(1 + 4 + 4);
    expect(cells.filter((c) => c[0] === 'lawyer:l')).toEqual([['lawyer:l', 'app', '2026-01', '', '', 1]]);
    expect(cellDelta(cells, cells)).toEqual([]);
    const moved = expandCells({ ...facts, figures: [['app', '2026-02', '', '', 1]] });
    const delta = cellDelta(cells, moved);
    expect(delta.filter((c) => c[5] === -1)).toHaveLength(9);
    expect(delta.filter((c) => c[5] === 1)).toHaveLength(9);
  });

  it('CSV: BOM, «;», quoted fields, money in tenge, «< 3»; parses back', () => {
    const r = {
      ...build([row('money.paid', '2026-01', 200_000_050), row('app', '2026-01', 5)], false),
      scope: 'own',
      generatedOn: '2026-03-20',
    };
    const rows = figureRows(r);
    expect(cellText(rows.find((x) => x.key === 'money.paid')!)).toBe('2000000,50');
    const csv = toCsv(rows, (k) => (k === 'money.paid' ? 'Выплачено; "итого"' : k), ['a', 'b', 'c']);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('money.paid;"Выплачено; ""итого""";2000000,50\r\n');
    const back = parseCsv(csv);
    expect(back[0]).toEqual(['a', 'b', 'c']);
    expect(back.find((x) => x[0] === 'money.paid')).toEqual(['money.paid', 'Выплачено; "итого"', '2000000,50']);
    expect(cellText({ key: 'x', value: { suppressed: true }, money: false, percent: false })).toBe('< 3');
  });

  it('charts: role img, title and description with every number, text escaped, suppressed bars empty', () => {
    const svg = barChart('Деньги <итого>', [
      { label: 'A & B', value: 10, text: '10' },
      { label: 'C', value: { suppressed: true }, text: '< 3' },
    ]);
    expect(svg).toMatch(/^<svg class="chart" role="img" aria-labelledby="chart-\d+-t chart-\d+-d"/);
    expect(svg).toContain('<title id="chart-');
    expect(svg).toContain('>Деньги &lt;итого&gt;</title>');
    expect(svg).toContain('A &amp; B: 10; C: &lt; 3</desc>');
    expect(svg).toContain('width="0"');
    expect(svg).not.toContain('style=');
    const months = monthChart(
      'По месяцам',
      ['Заявления', 'Соглашения'],
      [{ label: 'янв', values: [3, 1], texts: ['3', '1'] }],
    );
    expect(months).toContain('янв: Заявления 3, Соглашения 1');
  });

  it('start mediation three months before the earliest petition date (month ends clamp)', () => {
    expect(startByOf('2026-06-10')).toBe('2026-03-10');
    expect(startByOf('2026-05-31')).toBe('2026-02-28');
  });
});
