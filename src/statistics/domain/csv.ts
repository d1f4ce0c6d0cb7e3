/**
 * The statistics as CSV for Excel: UTF-8 with a byte order mark (Excel then reads Kazakh and Russian letters),
 * `;` between fields (Excel with a Kazakh or Russian locale — where the decimal separator is a comma — splits
 * `;` files into columns on opening; a `,` file would land in one column), CRLF line ends, fields quoted when
 * they hold `;`, `"` or a line break. Money in tenge with a decimal comma («2000000,00»: a number for that
 * Excel), percentages with a decimal comma, a suppressed cell as «< 3», a figure that does not apply empty.
 * Columns: figure (a stable key: `money.paid`, `byMonth.2026-03.applications`), label (the reader's language),
 * value. Pure.
 */
import { isSuppressed, type Figure, type Report } from './figures';

export const CSV_SEPARATOR = ';';
export const BOM = '\uFEFF';

export interface FigureRow {
  key: string;
  /** The path of labels: section, figure; for a breakdown row also its month or name. */
  value: Figure | null | string;
  money: boolean;
  percent: boolean;
}

const MONEY = new Set(['money.awarded', 'money.agreed', 'money.paid', 'money.waived', 'instalments.arrearsNow']);
const PERCENT = new Set(['invitations.agreementRate', 'instalments.onTimePercent']);

/** Every figure of a report, in the order of the page. */
export function figureRows(r: Report & { scope: string; generatedOn: string }): FigureRow[] {
  const out: FigureRow[] = [];
  const text = (key: string, value: string) => out.push({ key, value, money: false, percent: false });
  const fig = (key: string, value: Figure | null, money = false, percent = false) =>
    out.push({ key, value, money, percent });
  text('scope', r.scope);
  text('period.from', r.period.from);
  text('period.to', r.period.to);
  text('generatedOn', r.generatedOn);
  const section = (name: string, obj: object) => {
    for (const [k, v] of Object.entries(obj)) {
      const key = `${name}.${k}`;
      if (k === 'countedThrough') text(key, (v as string | null) ?? '');
      else if (k === 'outcomes') section(key, v as object);
      else fig(key, v as Figure | null, MONEY.has(key), PERCENT.has(key));
    }
  };
  section('applications', r.applications);
  section('invitations', r.invitations);
  section('agreements', r.agreements);
  section('money', r.money);
  section('instalments', r.instalments);
  section('court', r.court);
  for (const m of r.byMonth)
    for (const [k, v] of Object.entries(m)) if (k !== 'month') fig(`byMonth.${m.month}.${k}`, v as Figure);
  for (const [name, rows] of [
    ['byMediator', r.byMediator],
    ['byCourt', r.byCourt],
    ['byInstitution', r.byInstitution],
  ] as const)
    for (const row of rows) {
      text(`${name}.${row.key}.label`, row.label);
      for (const [k, v] of Object.entries(row))
        if (k !== 'key' && k !== 'label')
          fig(`${name}.${row.key}.${k}`, v as Figure | null, k === 'paid', k === 'agreementRate');
    }
  return out;
}

/** A cell's text: «< 3», money in tenge «2000000,00», a percentage «62,5», a count «12». */
export function cellText(row: FigureRow): string {
  const v = row.value;
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (isSuppressed(v)) return '< 3';
  if (row.money) {
    const sign = v < 0 ? '-' : '';
    const a = Math.abs(v);
    return `${sign}${Math.floor(a / 100)},${String(a % 100).padStart(2, '0')}`;
  }
  return String(v).replace('.', ',');
}

const quote = (s: string): string => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function toCsv(rows: readonly FigureRow[], labelOf: (key: string) => string, header: readonly string[]): string {
  const lines = [header.map(quote).join(CSV_SEPARATOR)];
  for (const row of rows) lines.push([row.key, labelOf(row.key), cellText(row)].map(quote).join(CSV_SEPARATOR));
  return BOM + lines.join('\r\n') + '\r\n';
}

/** Reads such a file back (tests; anyone checking an export): rows of fields. */
export function parseCsv(text: string): string[][] {
  const s = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === CSV_SEPARATOR) {
      row.push(field);
      field = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
