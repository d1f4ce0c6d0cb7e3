/**
 * Charts of the statistics page, drawn on the server as SVG (no script, no inline style: colours come from classes
 * in web.css). Each chart is `role="img"` with a `<title>` and `<desc>` that say every number it shows, and every
 * bar carries its number as text; the page shows the same figures in tables. A suppressed figure is drawn as no
 * bar and the text «< 3». Pure.
 */
import { isSuppressed, type Figure } from './figures';

export interface Bar {
  label: string;
  value: Figure | null;
  /** The value as the reader reads it (e.g. «2 000 000,00 ₸»). */
  text: string;
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const numeric = (f: Figure | null): number => (f === null || isSuppressed(f) ? 0 : f);

let serial = 0;
const nextId = (prefix: string) => `${prefix}-${++serial}`;

/** Horizontal bars, one per line: label above, bar with its value. Width 400 units: readable on a phone too. */
export function barChart(title: string, bars: readonly Bar[], series = 1): string {
  const id = nextId('chart');
  const width = 400;
  const rowH = 38;
  const height = bars.length * rowH + 8;
  const max = Math.max(1, ...bars.map((b) => numeric(b.value)));
  const desc = bars.map((b) => `${b.label}: ${b.text}`).join('; ');
  const rows = bars
    .map((b, i) => {
      const y = i * rowH + 4;
      const w = Math.round((numeric(b.value) / max) * (width - 150));
      return (
        `<text class="chart-label" x="0" y="${y + 12}">${esc(b.label)}</text>` +
        `<rect class="chart-bar chart-series-${(i % series) + 1}" x="0" y="${y + 17}" width="${Math.max(w, 0)}" height="14" rx="2"></rect>` +
        `<text class="chart-value" x="${w + 6}" y="${y + 29}">${esc(b.text)}</text>`
      );
    })
    .join('');
  return (
    `<svg class="chart" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMinYMin meet">` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>${rows}</svg>`
  );
}

export interface MonthColumn {
  label: string;
  values: (Figure | null)[];
  texts: string[];
}

/**
 * Columns per month, one bar per series (e.g. applications and agreements). The numbers stand above the bars
 * when there is room, else above each month as «a / b»; with more than 24 months only the description and the
 * table carry them.
 */
export function monthChart(title: string, seriesLabels: readonly string[], columns: readonly MonthColumn[]): string {
  const id = nextId('chart');
  const width = 400;
  const top = 40;
  const plot = 120;
  const height = top + plot + 24;
  const n = Math.max(columns.length, 1);
  const series = Math.max(seriesLabels.length, 1);
  const slot = (width - 10) / n;
  const barW = Math.max(2, Math.min(40, (slot - 6) / series));
  const max = Math.max(1, ...columns.flatMap((c) => c.values.map(numeric)));
  const perBar = barW >= 22;
  const perMonth = !perBar && slot >= 28;
  const legend = seriesLabels
    .map(
      (s, i) =>
        `<rect class="chart-bar chart-series-${i + 1}" x="${i * 170}" y="4" width="12" height="12"></rect>` +
        `<text class="chart-label" x="${i * 170 + 16}" y="15">${esc(s)}</text>`,
    )
    .join('');
  const desc = columns
    .map((c) => `${c.label}: ${seriesLabels.map((s, i) => `${s} ${c.texts[i]}`).join(', ')}`)
    .join('; ');
  const labelEvery = Math.ceil(n / 12);
  const cols = columns
    .map((c, ci) => {
      const centre = 5 + ci * slot + slot / 2;
      const x0 = centre - (barW * c.values.length) / 2;
      let highest = top + plot;
      const bars = c.values
        .map((v, si) => {
          const h = Math.round((numeric(v) / max) * (plot - 16));
          const x = x0 + si * barW;
          const y = top + plot - h;
          highest = Math.min(highest, y);
          const value = perBar
            ? `<text class="chart-value chart-small" x="${(x + barW / 2).toFixed(1)}" y="${y - 3}" text-anchor="middle">${esc(c.texts[si])}</text>`
            : '';
          return `<rect class="chart-bar chart-series-${si + 1}" x="${x.toFixed(1)}" y="${y}" width="${(barW - 1).toFixed(1)}" height="${h}"></rect>${value}`;
        })
        .join('');
      const together = perMonth
        ? `<text class="chart-value chart-small" x="${centre.toFixed(1)}" y="${highest - 3}" text-anchor="middle">${esc(c.texts.join('/'))}</text>`
        : '';
      const label =
        ci % labelEvery === 0
          ? `<text class="chart-label chart-small" x="${centre.toFixed(1)}" y="${top + plot + 16}" text-anchor="middle">${esc(c.label)}</text>`
          : '';
      return bars + together + label;
    })
    .join('');
  return (
    `<svg class="chart" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMinYMin meet">` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>${legend}` +
    `<line class="chart-axis" x1="0" y1="${top + plot}" x2="${width}" y2="${top + plot}"></line>${cols}</svg>`
  );
}
