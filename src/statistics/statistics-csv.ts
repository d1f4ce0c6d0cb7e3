import { formatMonth } from '../web/render/format';
import type { Lang } from '../web/i18n/lang';
import { translate } from '../web/i18n/messages';
import { figureRows, toCsv } from './domain/csv';
import type { StatisticsReport } from './statistics.service';

/** The report as CSV (domain/csv.ts: UTF-8 with BOM, `;`, money in tenge with a decimal comma), labels in `lang`. */
export function reportCsv(report: StatisticsReport, lang: Lang): string {
  const rows = figureRows(report);
  const labels = new Map<string, string>();
  for (const r of rows)
    if (r.key.endsWith('.label'))
      labels.set(r.key.slice(0, -'.label'.length), typeof r.value === 'string' ? r.value : '');
  const labelOf = (key: string): string => {
    const parts = key.split('.');
    if (parts[0] === 'byMonth')
      return `${formatMonth(parts[1], lang)}: ${translate(lang, `stats.f.byMonth.${parts[2]}`)}`;
    if (parts[0] === 'byMediator' || parts[0] === 'byCourt' || parts[0] === 'byInstitution') {
      const field = parts[parts.length - 1];
      const row = parts.slice(0, -1).join('.');
      const name = field === 'label' ? '' : `${labels.get(row) ?? ''}: `;
      return `${translate(lang, `stats.s.${parts[0]}`)} — ${name}${translate(lang, `stats.f.row.${field}`)}`;
    }
    return translate(lang, `stats.f.${key}`);
  };
  return toCsv(rows, labelOf, [
    translate(lang, 'stats.csv.figure'),
    translate(lang, 'stats.csv.label'),
    translate(lang, 'stats.csv.value'),
  ]);
}

export const csvFileName = (r: StatisticsReport): string => `statistics-${r.scope}-${r.period.from}-${r.period.to}.csv`;
