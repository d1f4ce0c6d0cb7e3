/**
 * Dates as Kazakhstani courts and statutes write them (LAW.md §14). Node's Intl gives «2027 ж. 15 наурыз»,
 * which is not the legal style, so the month names and their case forms are spelled out here, one table
 * a lawyer can read and correct. Pure: no framework imports.
 */
import { parts, type LocalDate } from '../../common/local-date';

export type DocLang = 'kk' | 'ru';

/**
 * Kazakh month forms. The suffix follows vowel harmony and the last sound of the month:
 * -дағы/-дегі/-тегі "of (dated)", -ға/-ге/-ке "until", -дан/-ден/-нан/-тен "from".
 * Only қыркүйек takes the -т-/-к- forms.
 */
const KK_MONTHS: ReadonlyArray<{ name: string; of: string; until: string; from: string }> = [
  { name: 'қаңтар', of: 'қаңтардағы', until: 'қаңтарға', from: 'қаңтардан' },
  { name: 'ақпан', of: 'ақпандағы', until: 'ақпанға', from: 'ақпаннан' },
  { name: 'наурыз', of: 'наурыздағы', until: 'наурызға', from: 'наурыздан' },
  { name: 'сәуір', of: 'сәуірдегі', until: 'сәуірге', from: 'сәуірден' },
  { name: 'мамыр', of: 'мамырдағы', until: 'мамырға', from: 'мамырдан' },
  { name: 'маусым', of: 'маусымдағы', until: 'маусымға', from: 'маусымнан' },
  { name: 'шілде', of: 'шілдедегі', until: 'шілдеге', from: 'шілдеден' },
  { name: 'тамыз', of: 'тамыздағы', until: 'тамызға', from: 'тамыздан' },
  { name: 'қыркүйек', of: 'қыркүйектегі', until: 'қыркүйекке', from: 'қыркүйектен' },
  { name: 'қазан', of: 'қазандағы', until: 'қазанға', from: 'қазаннан' },
  { name: 'қараша', of: 'қарашадағы', until: 'қарашаға', from: 'қарашадан' },
  { name: 'желтоқсан', of: 'желтоқсандағы', until: 'желтоқсанға', from: 'желтоқсаннан' },
];

/** Russian month names: nominative and genitive («15 марта»). */
const RU_MONTHS: ReadonlyArray<{ name: string; genitive: string }> = [
  { name: 'январь', genitive: 'января' },
  { name: 'февраль', genitive: 'февраля' },
  { name: 'март', genitive: 'марта' },
  { name: 'апрель', genitive: 'апреля' },
  { name: 'май', genitive: 'мая' },
  { name: 'июнь', genitive: 'июня' },
  { name: 'июль', genitive: 'июля' },
  { name: 'август', genitive: 'августа' },
  { name: 'сентябрь', genitive: 'сентября' },
  { name: 'октябрь', genitive: 'октября' },
  { name: 'ноябрь', genitive: 'ноября' },
  { name: 'декабрь', genitive: 'декабря' },
];

export function kazakhMonth(month: number): (typeof KK_MONTHS)[number] {
  const m = KK_MONTHS[month - 1];
  if (!m) throw new RangeError(`month out of range: ${month}`);
  return m;
}

export function russianMonth(month: number): (typeof RU_MONTHS)[number] {
  const m = RU_MONTHS[month - 1];
  if (!m) throw new RangeError(`month out of range: ${month}`);
  return m;
}

/** The date line of a document: kk «2027 жылғы «15» наурыз», ru «"15" марта 2027 г.». */
export function courtDateLine(date: LocalDate, lang: DocLang): string {
  const { year, month, day } = parts(date);
  const dd = String(day).padStart(2, '0');
  return lang === 'kk'
    ? `${year} жылғы «${dd}» ${kazakhMonth(month).name}`
    : `"${dd}" ${russianMonth(month).genitive} ${year} г.`;
}

/**
 * A date inside a sentence.
 * - 'of': kk «2027 жылғы 15 наурыздағы» (приговор от …), ru «15 марта 2027 года»
 * - 'until': kk «2027 жылғы 25 наурызға дейін», ru «до 25 марта 2027 года»
 * - 'from': kk «2027 жылғы 15 наурыздан бастап», ru «с 15 марта 2027 года»
 * - 'plain': kk «2027 жылғы 15 наурыз», ru «15 марта 2027 года»
 */
export type DateForm = 'plain' | 'of' | 'until' | 'from';

export function dateInText(date: LocalDate, lang: DocLang, form: DateForm = 'plain'): string {
  const { year, month, day } = parts(date);
  if (lang === 'kk') {
    const m = kazakhMonth(month);
    switch (form) {
      case 'plain':
        return `${year} жылғы ${day} ${m.name}`;
      case 'of':
        return `${year} жылғы ${day} ${m.of}`;
      case 'until':
        return `${year} жылғы ${day} ${m.until} дейін`;
      case 'from':
        return `${year} жылғы ${day} ${m.from} бастап`;
    }
  }
  const text = `${day} ${russianMonth(month).genitive} ${year} года`;
  switch (form) {
    case 'plain':
    case 'of':
      return text;
    case 'until':
      return `до ${text}`;
    case 'from':
      return `с ${text}`;
  }
}

/** Tables: «15.03.2027» in both languages. */
export function numericDate(date: LocalDate): string {
  const { year, month, day } = parts(date);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}
