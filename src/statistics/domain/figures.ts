/**
 * The figures of a period and scope, from the sums of case_stats (statistics-cells.ts says what each metric
 * counts and under which month). Pure.
 *
 * No personal data: only sums. Outside one's own cases a count of 1 or 2 cases is shown as "< 3"
 * (`{ suppressed: true }`), and so is every figure computed from fewer than 3 cases (a sum of money, a rate, a
 * median) — a single case's amounts or dates cannot be read off a court's or the region's figures.
 */
import { addMonths } from '../../common/local-date';
import {
  APPLICATION_OUTCOMES,
  BREAKDOWN_DIMENSIONS,
  INVITATION_OUTCOMES,
  NOW,
  type ApplicationOutcome,
  type BreakdownDimension,
} from './statistics-cells';

/** Fewer cases than this are not shown outside one's own cases. */
export const SMALL_CELL = 3;

export type Figure = number | { suppressed: true };
export const SUPPRESSED = { suppressed: true } as const;
export const isSuppressed = (f: Figure | null): f is { suppressed: true } => typeof f === 'object' && f !== null;

export interface SumRow {
  metric: string;
  month: string;
  dim: string;
  dimValue: string;
  n: number;
}

export interface MonthRow {
  month: string;
  applications: Figure;
  invited: Figure;
  agreements: Figure;
  decisions: Figure;
  paroles: Figure;
  instalmentsDue: Figure;
  instalmentsMissed: Figure;
}

export interface BreakdownRow {
  /** A user id (mediator), a directory id (court, institution) or the institution's text; '' = not known yet. */
  key: string;
  label: string;
  applications: Figure;
  invited: Figure;
  agreed: Figure;
  /** Agreements per invited victim, %. */
  agreementRate: Figure | null;
  agreements: Figure;
  paroles: Figure;
  refusals: Figure;
  paid: Figure;
}

export interface Report {
  period: { from: string; to: string };
  /** Small cells suppressed (false on one's own cases). */
  suppression: boolean;
  applications: { total: Figure; outcomes: Record<ApplicationOutcome, Figure> };
  invitations: {
    invited: Figure;
    agreed: Figure;
    refused: Figure;
    silent: Figure;
    terminated: Figure;
    open: Figure;
    /** agreed / invited, %, one decimal; null when nobody was invited. */
    agreementRate: Figure | null;
  };
  agreements: { count: Figure; medianDays: Figure | null; p90Days: Figure | null };
  /** Tiyn, of the applications filed in the period. */
  money: { awarded: Figure; agreed: Figure; paid: Figure; waived: Figure };
  instalments: {
    /** Months whose instalments are counted: those whose grace period is over by today. */
    countedThrough: string | null;
    due: Figure;
    missed: Figure;
    excused: Figure;
    onTimePercent: Figure | null;
    defaults: Figure;
    revocations: Figure;
    /** Today, whatever the period. */
    claimsInArrearsNow: Figure;
    arrearsNow: Figure;
  };
  court: {
    filed: Figure;
    refiled: Figure;
    paroleMandatory: Figure;
    paroleDiscretionary: Figure;
    refused: Figure;
    replacement: Figure;
  };
  byMonth: MonthRow[];
  byMediator: BreakdownRow[];
  byCourt: BreakdownRow[];
  byInstitution: BreakdownRow[];
}

/** The months of a period, 'YYYY-MM', both ends included. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 1200; m = addMonths(`${m}-01`, 1).slice(0, 7)) out.push(m);
  return out;
}

/**
 * Median (the middle value; the mean of the two middle ones for an even count) and the 90th percentile by
 * nearest rank (the smallest value with at least 90 % of the values at or below it), from a histogram value → count.
 */
export function percentiles(histogram: ReadonlyMap<number, number>): { median: number; p90: number } | null {
  const values = [...histogram.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = values.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const at = (rank: number): number => {
    let seen = 0;
    for (const [v, n] of values) {
      seen += n;
      if (seen >= rank) return v;
    }
    return values[values.length - 1][0];
  };
  const median = total % 2 === 1 ? at((total + 1) / 2) : (at(total / 2) + at(total / 2 + 1)) / 2;
  return { median, p90: at(Math.ceil(0.9 * total)) };
}

export interface BuildOptions {
  from: string;
  to: string;
  suppression: boolean;
  /** The last month whose instalments are past their grace period today. */
  instalmentsThrough: string;
  labels: Record<BreakdownDimension, (key: string) => string>;
}

/** The report of one scope from its sums (the rows of the period's months and of 'now'). */
export function buildReport(rows: readonly SumRow[], o: BuildOptions): Report {
  const total = new Map<string, number>();
  const monthly = new Map<string, Map<string, number>>();
  const dims = new Map<string, Map<string, Map<string, number>>>(); // dim → value → metric → n
  const days = new Map<number, number>();
  for (const r of rows) {
    const inPeriod = r.month === NOW || (r.month >= o.from && r.month <= o.to);
    if (!inPeriod) continue;
    if (r.dim === '') {
      total.set(r.metric, (total.get(r.metric) ?? 0) + r.n);
      if (r.month !== NOW) {
        let m = monthly.get(r.month);
        if (!m) monthly.set(r.month, (m = new Map<string, number>()));
        m.set(r.metric, (m.get(r.metric) ?? 0) + r.n);
      }
    } else if (r.dim === 'days') {
      const d = Number(r.dimValue);
      days.set(d, (days.get(d) ?? 0) + r.n);
    } else {
      let byValue = dims.get(r.dim);
      if (!byValue) dims.set(r.dim, (byValue = new Map<string, Map<string, number>>()));
      let m = byValue.get(r.dimValue);
      if (!m) byValue.set(r.dimValue, (m = new Map<string, number>()));
      m.set(r.metric, (m.get(r.metric) ?? 0) + r.n);
    }
  }
  const count = (n: number): Figure => (o.suppression && n > 0 && n < SMALL_CELL ? SUPPRESSED : n);
  /** A figure computed from `base` cases: hidden with them. */
  const over = (value: number, base: number): Figure =>
    o.suppression && base > 0 && base < SMALL_CELL ? SUPPRESSED : value;
  const rate = (part: number, whole: number): Figure | null =>
    whole === 0 ? null : over(Math.round((1000 * part) / whole) / 10, whole);
  const get = (m: ReadonlyMap<string, number>, k: string) => m.get(k) ?? 0;

  const apps = get(total, 'app');
  const invited = get(total, 'inv');
  const agreements = get(total, 'agr');
  const p = percentiles(days);
  // Instalments: only the months whose grace period is over (the sweeper has recorded every miss of them).
  let due = 0;
  let missed = 0;
  let excused = 0;
  let countedThrough: string | null = null;
  for (const [month, m] of monthly) {
    if (month > o.instalmentsThrough) continue;
    due += get(m, 'inst.due');
    missed += get(m, 'inst.missed');
    excused += get(m, 'inst.excused');
    if (get(m, 'inst.due') > 0 && (countedThrough === null || month > countedThrough)) countedThrough = month;
  }
  const outcomes = Object.fromEntries(APPLICATION_OUTCOMES.map((k) => [k, count(get(total, `app.${k}`))])) as Record<
    ApplicationOutcome,
    Figure
  >;
  const inv = Object.fromEntries(INVITATION_OUTCOMES.map((k) => [k, count(get(total, `inv.${k}`))])) as Record<
    (typeof INVITATION_OUTCOMES)[number],
    Figure
  >;
  const paroles = (m: ReadonlyMap<string, number>) =>
    get(m, 'court.parole.mandatory') + get(m, 'court.parole.discretionary');
  const decisions = (m: ReadonlyMap<string, number>) =>
    paroles(m) + get(m, 'court.refused') + get(m, 'court.replacement');

  const byMonth: MonthRow[] = monthsOf(o.from, o.to).map((month) => {
    const m = monthly.get(month) ?? new Map<string, number>();
    return {
      month,
      applications: count(get(m, 'app')),
      invited: count(get(m, 'inv')),
      agreements: count(get(m, 'agr')),
      decisions: count(decisions(m)),
      paroles: count(paroles(m)),
      instalmentsDue: count(get(m, 'inst.due')),
      instalmentsMissed: count(get(m, 'inst.missed')),
    };
  });
  const breakdown = (dim: BreakdownDimension): BreakdownRow[] =>
    [...(dims.get(dim) ?? new Map<string, Map<string, number>>()).entries()]
      .map(([key, m]) => ({
        key,
        label: o.labels[dim](key),
        applications: count(get(m, 'app')),
        invited: count(get(m, 'inv')),
        agreed: count(get(m, 'inv.agreed')),
        agreementRate: rate(get(m, 'inv.agreed'), get(m, 'inv')),
        agreements: count(get(m, 'agr')),
        paroles: count(paroles(m)),
        refusals: count(get(m, 'court.refused')),
        paid: over(get(m, 'money.paid'), get(m, 'app')),
        sort: get(m, 'app'),
      }))
      .filter((r) => r.sort > 0 || r.agreements !== 0 || r.paroles !== 0 || r.invited !== 0)
      .sort((a, b) => b.sort - a.sort || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
      .map(({ sort: _sort, ...row }) => row);

  return {
    period: { from: o.from, to: o.to },
    suppression: o.suppression,
    applications: { total: count(apps), outcomes },
    invitations: { invited: count(invited), ...inv, agreementRate: rate(get(total, 'inv.agreed'), invited) },
    agreements: {
      count: count(agreements),
      medianDays: p ? over(p.median, agreements) : null,
      p90Days: p ? over(p.p90, agreements) : null,
    },
    money: {
      awarded: over(get(total, 'money.awarded'), apps),
      agreed: over(get(total, 'money.agreed'), apps),
      paid: over(get(total, 'money.paid'), apps),
      waived: over(get(total, 'money.waived'), apps),
    },
    instalments: {
      countedThrough,
      due: count(due),
      missed: count(missed),
      excused: count(excused),
      onTimePercent: rate(due - missed, due),
      defaults: count(get(total, 'default')),
      revocations: count(get(total, 'revoked')),
      claimsInArrearsNow: count(get(total, 'now.arrears')),
      arrearsNow: over(get(total, 'now.arrearsAmount'), get(total, 'now.arrears')),
    },
    court: {
      filed: count(get(total, 'court.filed')),
      refiled: count(get(total, 'court.refiled')),
      paroleMandatory: count(get(total, 'court.parole.mandatory')),
      paroleDiscretionary: count(get(total, 'court.parole.discretionary')),
      refused: count(get(total, 'court.refused')),
      replacement: count(get(total, 'court.replacement')),
    },
    byMonth,
    byMediator: breakdown('mediator'),
    byCourt: breakdown('court'),
    byInstitution: breakdown('institution'),
  };
}

export const BREAKDOWNS = BREAKDOWN_DIMENSIONS;
