/**
 * Amounts, dates and times as the workplace shows them, in the reader's language. Pure: no framework imports.
 *  - Amounts: tenge with tiyn, «2 000 000,00 ₸» in every language (the notation of Kazakhstan's documents);
 *    typed the same way (parseAmountInput), never as tiyn.
 *  - Dates: calendar dates (YYYY-MM-DD) spelt out, «3 декабря 2026 г.», «2026 ж. 3 желтоқсан», «3 December 2026».
 *  - Times: instants shown in Asia/Almaty.
 */
import { formatTenge, MoneyError, parseTenge, type Tiyn } from '../../money/domain/money';
import { PRODUCT_TIME_ZONE } from '../../common/clock';
import type { Lang } from '../i18n/lang';

const LOCALES: Readonly<Record<Lang, string>> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();
const shortDateFormats = new Map<Lang, Intl.DateTimeFormat>();
const timeFormats = new Map<Lang, Intl.DateTimeFormat>();
const monthFormats = new Map<Lang, Intl.DateTimeFormat>();

function cached(map: Map<Lang, Intl.DateTimeFormat>, lang: Lang, options: Intl.DateTimeFormatOptions) {
  let f = map.get(lang);
  if (!f) map.set(lang, (f = new Intl.DateTimeFormat(LOCALES[lang], options)));
  return f;
}

/** «2 000 000,00 ₸». */
export const formatMoney = (tiyn: Tiyn): string => formatTenge(tiyn);

/** Tiyn → the text an amount field shows for editing: «2 000 000,00». */
export const moneyInputValue = (tiyn: Tiyn): string => formatTenge(tiyn).replace(/\u00A0₸$/, '');

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (YYYY-MM-DD) spelt out in the language; anything else is shown as it is. */
export function formatDate(date: string | null | undefined, lang: Lang): string {
  if (!date) return '';
  const m = LOCAL_DATE.exec(date);
  if (!m) return date;
  const utc = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return cached(dateFormats, lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc);
}

/** A calendar date as digits: 03.12.2026. */
export function formatShortDate(date: string | null | undefined, lang: Lang): string {
  if (!date) return '';
  const m = LOCAL_DATE.exec(date);
  if (!m) return date;
  const utc = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return cached(shortDateFormats, lang, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(
    utc,
  );
}

/** «декабрь 2026» from 2026-12 or 2026-12-03. */
export function formatMonth(date: string | null | undefined, lang: Lang): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})/.exec(date);
  if (!m) return date;
  const utc = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return cached(monthFormats, lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc);
}

/** An instant (ISO timestamp) as date and time in Asia/Almaty. */
export function formatDateTime(instant: string | Date | null | undefined, lang: Lang): string {
  if (!instant) return '';
  const d = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(d.getTime())) return String(instant);
  return cached(timeFormats, lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: PRODUCT_TIME_ZONE,
  }).format(d);
}

/** What a typed amount means: tiyn, or the rule it breaks (`required`, `money_format`, `too_many_decimals`). */
export function parseAmountInput(
  typed: string | undefined,
): { ok: true; tiyn: Tiyn } | { ok: false; rule: 'required' | 'money_format' | 'too_many_decimals' } {
  if (typed === undefined || typed.trim() === '') return { ok: false, rule: 'required' };
  try {
    return { ok: true, tiyn: parseTenge(typed.replace(/\s+/g, ' ')) };
  } catch (e) {
    if (e instanceof MoneyError && e.rule === 'too_many_decimals') return { ok: false, rule: 'too_many_decimals' };
    return { ok: false, rule: 'money_format' };
  }
}
