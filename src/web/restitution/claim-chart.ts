/**
 * The chart of one claim's restitution, month by month: the plan (what the schedule makes due, cumulative), what
 * was paid (cumulative) and the arrears at each month's end — drawn as SVG on the server (no chart library, no
 * script): the template (templates/partials/web/restitution-chart.hbs) only places what is computed here. The
 * same figures go to a table for screen readers and for anyone who prefers numbers. Pure: no framework imports.
 *
 * Arrears at a moment T follow the one ledger's rule (src/restitution/domain/ledger.ts: payments go to the oldest
 * open row first): what is due on rows overdue by T (overdueFrom ≤ T) less what was paid by T, never below zero.
 */
import type { Lang } from '../i18n/lang';
import { translate } from '../i18n/messages';
import { formatMoney, formatMonth } from '../render/format';

export interface ChartRow {
  dueDate: string;
  amount: number;
  overdueFrom: string;
}

export interface ChartPayment {
  date: string;
  amount: number;
}

export interface ChartMonth {
  /** YYYY-MM */
  month: string;
  label: string;
  plan: number;
  /** null for months after today (nothing can be paid yet). */
  paid: number | null;
  arrears: number | null;
  planText: string;
  paidText: string;
  arrearsText: string;
}

export interface ClaimChart {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  months: ChartMonth[];
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string }[];
  planPoints: string;
  paidPoints: string;
  paidDots: { x: number; y: number }[];
  bars: { x: number; y: number; width: number; height: number }[];
  /** The month of today, when it is on the chart. */
  today: { x: number } | null;
  axis: { x: string; y: string };
  /** Where the labels go (the template does no arithmetic). */
  at: {
    yLabelX: number;
    tickEnd: number;
    xLabelY: number;
    xTitle: { x: number; y: number };
    yTitle: { x: number; y: number };
  };
  title: string;
  desc: string;
}

const W = 440;
const H = 270;
const PLOT = { left: 74, top: 30, right: W - 14, bottom: H - 44 };

const monthOf = (date: string) => date.slice(0, 7);
/** Every day of the month is ≤ this text (dates compare as text). */
const monthEnd = (month: string) => `${month}-31`;

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** A round upper bound for the axis: 1, 2, 2.5 or 5 × 10ⁿ × 4 steps. */
function niceStep(max: number): number {
  const raw = Math.max(max, 1) / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

/** An axis label in tenge, short: «500 тыс.», «1,5 млн» (en: «500k», «1.5m»). */
function shortTenge(tiyn: number, lang: Lang): string {
  const tenge = tiyn / 100;
  const num = (n: number) => {
    const s = String(Math.round(n * 100) / 100);
    return lang === 'en' ? s : s.replace('.', ',');
  };
  if (tenge >= 1_000_000) return translate(lang, 'restitution.chart.millions', { n: num(tenge / 1_000_000) });
  if (tenge >= 1000) return translate(lang, 'restitution.chart.thousands', { n: num(tenge / 1000) });
  return num(tenge);
}

/** «01.2027»: short enough for six labels across a phone. */
const shortMonth = (month: string) => `${month.slice(5, 7)}.${month.slice(0, 4)}`;

export function claimChart(
  rows: readonly ChartRow[],
  payments: readonly ChartPayment[],
  asOf: string,
  lang: Lang,
): ClaimChart | null {
  if (rows.length === 0) return null;
  const first = [rows[0].dueDate, ...payments.map((p) => p.date)].map(monthOf).sort()[0];
  const last = [rows[rows.length - 1].dueDate, asOf].map(monthOf).sort()[1];
  const todayMonth = monthOf(asOf);
  const months: ChartMonth[] = [];
  for (let m = first; m <= last; m = nextMonth(m)) {
    const end = monthEnd(m);
    const plan = rows.filter((r) => r.dueDate <= end).reduce((s, r) => s + r.amount, 0);
    let paid: number | null = null;
    let arrears: number | null = null;
    if (m <= todayMonth) {
      const at = m === todayMonth ? asOf : end;
      paid = payments.filter((p) => p.date <= at).reduce((s, p) => s + p.amount, 0);
      const overdue = rows.filter((r) => r.overdueFrom <= at).reduce((s, r) => s + r.amount, 0);
      arrears = Math.max(0, overdue - paid);
    }
    const dash = translate(lang, 'restitution.chart.future');
    months.push({
      month: m,
      label: formatMonth(m, lang),
      plan,
      paid,
      arrears,
      planText: formatMoney(plan),
      paidText: paid === null ? dash : formatMoney(paid),
      arrearsText: arrears === null ? dash : formatMoney(arrears),
    });
  }
  const max = Math.max(...months.map((m) => Math.max(m.plan, m.paid ?? 0)));
  const step = niceStep(max);
  const top = step * 4;
  const plotW = PLOT.right - PLOT.left;
  const plotH = PLOT.bottom - PLOT.top;
  const slot = plotW / months.length;
  const x = (i: number) => round(PLOT.left + slot * (i + 0.5));
  const y = (v: number) => round(PLOT.bottom - (v / top) * plotH);
  const yTicks = [0, 1, 2, 3, 4].map((k) => ({ y: y(step * k), label: shortTenge(step * k, lang) }));
  const every = Math.max(1, Math.ceil(months.length / 5));
  const xTicks = months
    .map((m, i) => ({ i, m }))
    .filter(({ i }) => i % every === 0)
    .map(({ i, m }) => ({ x: x(i), label: shortMonth(m.month) }));
  const past = months.map((m, i) => ({ m, i })).filter(({ m }) => m.paid !== null);
  const barWidth = round(Math.min(14, slot * 0.6));
  const todayIndex = months.findIndex((m) => m.month === todayMonth);
  const lastPast = past[past.length - 1]?.m;
  return {
    width: W,
    height: H,
    plot: PLOT,
    months,
    yTicks,
    xTicks,
    planPoints: months.map((m, i) => `${x(i)},${y(m.plan)}`).join(' '),
    paidPoints: past.map(({ m, i }) => `${x(i)},${y(m.paid!)}`).join(' '),
    paidDots: months.length <= 40 ? past.map(({ m, i }) => ({ x: x(i), y: y(m.paid!) })) : [],
    bars: past
      .filter(({ m }) => (m.arrears ?? 0) > 0)
      .map(({ m, i }) => ({
        x: round(x(i) - barWidth / 2),
        y: y(m.arrears!),
        width: barWidth,
        height: round(PLOT.bottom - y(m.arrears!)),
      })),
    today: todayIndex >= 0 ? { x: x(todayIndex) } : null,
    axis: { x: translate(lang, 'restitution.chart.month'), y: translate(lang, 'restitution.chart.amount') },
    at: {
      yLabelX: PLOT.left - 6,
      tickEnd: PLOT.bottom + 4,
      xLabelY: PLOT.bottom + 19,
      xTitle: { x: round((PLOT.left + PLOT.right) / 2), y: H - 6 },
      yTitle: { x: 4, y: 16 },
    },
    title: translate(lang, 'restitution.chart.title'),
    desc: translate(lang, 'restitution.chart.desc', {
      from: months[0].label,
      to: months[months.length - 1].label,
      plan: formatMoney(months[months.length - 1].plan),
      paid: formatMoney(lastPast?.paid ?? 0),
      asOf: formatMonth(asOf, lang),
      arrears: formatMoney(lastPast?.arrears ?? 0),
    }),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
