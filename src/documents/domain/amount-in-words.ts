/**
 * Amounts in words, Kazakh and Russian, as official texts write them (LAW.md §14):
 *   «2 000 000 (екі миллион) теңге 00 тиын» / «2 000 000 (два миллиона) тенге 00 тиын».
 * Tenge in words, tiyn always as two figures. No library does Kazakh, so both languages are written
 * out here from the same three-digit groups. Pure: no framework imports.
 */
import { settings } from '../../law/legal-rules';
import { type Tiyn, TIYN_PER_TENGE, formatTengeParts } from '../../money/domain/money';

export type DocumentLanguage = 'kk' | 'ru';

export interface NumberWordsOptions {
  /**
   * Kazakh only: «бір жүз», «бір мың» (current Criminal Code style) instead of «жүз», «мың».
   * Defaults to settings.kazakhExplicitOneBeforeHundredAndThousand, read at call time.
   * Millions and milliards always take «бір».
   */
  kazakhExplicitOne?: boolean;
}

export const MAX_NUMBER_IN_WORDS = 999_999_999_999;
/** 999 999 999 999,99 ₸ */
export const MAX_AMOUNT_IN_WORDS: Tiyn = MAX_NUMBER_IN_WORDS * TIYN_PER_TENGE + 99;

const CURRENCY: Record<DocumentLanguage, string> = { kk: 'теңге', ru: 'тенге' };
const TIYN_WORD = 'тиын';

// ---------- Kazakh ----------

const KK_UNITS = ['', 'бір', 'екі', 'үш', 'төрт', 'бес', 'алты', 'жеті', 'сегіз', 'тоғыз'];
const KK_TENS = ['', 'он', 'жиырма', 'отыз', 'қырық', 'елу', 'алпыс', 'жетпіс', 'сексен', 'тоқсан'];

function kkTriple(n: number, explicitOne: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const words: string[] = [];
  if (h === 1) words.push(...(explicitOne ? ['бір', 'жүз'] : ['жүз']));
  else if (h > 1) words.push(KK_UNITS[h], 'жүз');
  if (t > 0) words.push(KK_TENS[t]);
  if (u > 0) words.push(KK_UNITS[u]);
  return words;
}

function kkWords(n: number, explicitOne: boolean): string[] {
  const [milliards, millions, thousands, ones] = groups(n);
  const words: string[] = [];
  if (milliards > 0) words.push(...kkTriple(milliards, explicitOne), 'миллиард');
  if (millions > 0) words.push(...kkTriple(millions, explicitOne), 'миллион');
  // «мың» alone only opens a number (1 000–1 999); after millions it is «бір мың»: «бір миллион бір мың он бір».
  if (thousands === 1) words.push(...(explicitOne || words.length > 0 ? ['бір', 'мың'] : ['мың']));
  else if (thousands > 1) words.push(...kkTriple(thousands, explicitOne), 'мың');
  words.push(...kkTriple(ones, explicitOne));
  return words;
}

// ---------- Russian ----------

const RU_UNITS_M = ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_UNITS_F = ['', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_TEENS = [
  'десять',
  'одиннадцать',
  'двенадцать',
  'тринадцать',
  'четырнадцать',
  'пятнадцать',
  'шестнадцать',
  'семнадцать',
  'восемнадцать',
  'девятнадцать',
];
const RU_TENS = [
  '',
  '',
  'двадцать',
  'тридцать',
  'сорок',
  'пятьдесят',
  'шестьдесят',
  'семьдесят',
  'восемьдесят',
  'девяносто',
];
const RU_HUNDREDS = [
  '',
  'сто',
  'двести',
  'триста',
  'четыреста',
  'пятьсот',
  'шестьсот',
  'семьсот',
  'восемьсот',
  'девятьсот',
];

/** [one, few, many]: 1 тысяча, 2–4 тысячи, 5–20 тысяч; 11–14 always «many». */
type Forms = readonly [string, string, string];
const RU_THOUSAND: Forms = ['тысяча', 'тысячи', 'тысяч'];
const RU_MILLION: Forms = ['миллион', 'миллиона', 'миллионов'];
const RU_MILLIARD: Forms = ['миллиард', 'миллиарда', 'миллиардов'];

function ruPlural(n: number, forms: Forms): string {
  const lastTwo = n % 100;
  const last = n % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

function ruTriple(n: number, feminine: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const words: string[] = [];
  if (h > 0) words.push(RU_HUNDREDS[h]);
  if (t === 1) {
    words.push(RU_TEENS[u]);
    return words;
  }
  if (t > 1) words.push(RU_TENS[t]);
  if (u > 0) words.push((feminine ? RU_UNITS_F : RU_UNITS_M)[u]);
  return words;
}

function ruWords(n: number): string[] {
  const [milliards, millions, thousands, ones] = groups(n);
  const words: string[] = [];
  if (milliards > 0) words.push(...ruTriple(milliards, false), ruPlural(milliards, RU_MILLIARD));
  if (millions > 0) words.push(...ruTriple(millions, false), ruPlural(millions, RU_MILLION));
  if (thousands > 0) words.push(...ruTriple(thousands, true), ruPlural(thousands, RU_THOUSAND));
  words.push(...ruTriple(ones, false));
  return words;
}

// ---------- shared ----------

function groups(n: number): [number, number, number, number] {
  return [Math.floor(n / 1e9), Math.floor(n / 1e6) % 1000, Math.floor(n / 1e3) % 1000, n % 1000];
}

/**
 * An integer 0 … 999 999 999 999 in words, lower case:
 * kk 21 → «жиырма бір», 1 000 → «мың» (or «бір мың»); ru 2 000 → «две тысячи», 1 000 000 → «один миллион».
 */
export function numberInWords(n: number, lang: DocumentLanguage, opts: NumberWordsOptions = {}): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_NUMBER_IN_WORDS) {
    throw new RangeError(`numberInWords: expected an integer 0…${MAX_NUMBER_IN_WORDS}, got ${n}`);
  }
  if (n === 0) return lang === 'kk' ? 'нөл' : 'ноль';
  const explicitOne = opts.kazakhExplicitOne ?? settings.kazakhExplicitOneBeforeHundredAndThousand;
  return (lang === 'kk' ? kkWords(n, explicitOne) : ruWords(n)).join(' ');
}

function splitAmount(tiyn: Tiyn): { whole: number; fraction: number } {
  if (!Number.isSafeInteger(tiyn) || tiyn < 0 || tiyn > MAX_AMOUNT_IN_WORDS) {
    throw new RangeError(`amount in words: expected tiyn 0…${MAX_AMOUNT_IN_WORDS} (999 999 999 999,99 ₸), got ${tiyn}`);
  }
  return { whole: Math.floor(tiyn / TIYN_PER_TENGE), fraction: tiyn % TIYN_PER_TENGE };
}

/** kk «екі миллион теңге 00 тиын», ru «два миллиона тенге 00 тиын». */
export function amountInWords(tiyn: Tiyn, lang: DocumentLanguage, opts: NumberWordsOptions = {}): string {
  const { whole, fraction } = splitAmount(tiyn);
  return `${numberInWords(whole, lang, opts)} ${CURRENCY[lang]} ${String(fraction).padStart(2, '0')} ${TIYN_WORD}`;
}

/**
 * The agreement's form: figures (grouped with no-break spaces) and words in brackets —
 * kk «2 000 000 (екі миллион) теңге 00 тиын», ru «2 000 000 (два миллиона) тенге 00 тиын».
 */
export function amountWithWords(tiyn: Tiyn, lang: DocumentLanguage, opts: NumberWordsOptions = {}): string {
  const { whole } = splitAmount(tiyn);
  const figures = formatTengeParts(tiyn);
  return `${figures.tenge} (${numberInWords(whole, lang, opts)}) ${CURRENCY[lang]} ${figures.tiyn} ${TIYN_WORD}`;
}
