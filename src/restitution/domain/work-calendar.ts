/**
 * Working days of Kazakhstan (five-day week) for any year: the holidays of kz-holidays.ts, their move off a
 * weekend (holiday law art. 5), Kurban Ait from the Umm al-Qura calendar (Node's ICU), and the year's decrees.
 * Used to move a due date or the last day of a term off a non-working day (ГК 175, ГПК 123 ч. 4; src/law/terms.ts).
 * Every answer says whether the year is provisional (no decree known yet: computed dates only).
 */
import { addDays, fromParts, isoDayOfWeek, parts, type LocalDate } from '../../common/local-date';
import { settings } from '../../law/legal-rules';
import { FIXED_HOLIDAYS, KZ_YEARS, type HolidayYear } from './kz-holidays';

export type NonWorkingKind = 'weekend' | 'holiday' | 'moved_day_off' | 'transferred_day_off';

export interface DayInfo {
  date: LocalDate;
  working: boolean;
  /** Why the day is not working; absent on working days. */
  kind?: NonWorkingKind;
  /** Russian text for documents: «суббота», «Наурыз мейрамы», «перенесённый выходной (Наурыз мейрамы 21.03 — суббота)». */
  reason?: string;
  /**
   * False for years before the holiday list of kz-holidays.ts took its present shape (2022: 25 October added,
   * 1 and 17 December dropped): there only weekends and the present list were considered.
   */
  calendarKnown: boolean;
  /** True when the year has no confirmed decree data (2027, and every computed year): documents should say so. */
  provisional: boolean;
}

export interface NextWorkingDay {
  date: LocalDate;
  moved: boolean;
  /** Why the original date was not a working day (the first reason; later skipped days are in `skipped`). */
  reason?: string;
  kind?: NonWorkingKind;
  /** Non-working days passed over, starting with the original date. */
  skipped: LocalDate[];
  calendarKnown: boolean;
  provisional: boolean;
}

const WEEKDAY_RU = ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'];

interface YearTable {
  known: boolean;
  provisional: boolean;
  /** Weekdays and weekends that are days off, with their reason. */
  off: Map<LocalDate, { kind: NonWorkingKind; reason: string }>;
  /** Weekend days made working days by a transfer order. */
  workingWeekends: Set<LocalDate>;
}

const tables = new Map<number, YearTable>();

function isWeekend(date: LocalDate): boolean {
  return isoDayOfWeek(date) >= 6;
}

function ddmm(date: LocalDate): string {
  const { month, day } = parts(date);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}`;
}

/** The first year the holiday list of kz-holidays.ts describes as it stands (LAW.md §13). */
export const FIRST_KNOWN_CALENDAR_YEAR = 2022;

let umalqura: Intl.DateTimeFormat | undefined;
const kurbanAitCache = new Map<number, LocalDate[]>();

/**
 * 10 Dhu al-Hijjah (month 12) of the Umm al-Qura calendar within a Gregorian year, from Node's ICU: 2024-06-16,
 * 2025-06-06, 2026-05-27 (the announced dates), 2027-05-16, 2028-05-05, 2029-04-24, 2030-04-13. A lunar year is
 * 354–355 days, so a Gregorian year can hold two (2039: 5 January and 26 December).
 */
export function kurbanAitDates(year: number): LocalDate[] {
  const cached = kurbanAitCache.get(year);
  if (cached) return cached;
  umalqura ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
    timeZone: 'UTC',
    month: 'numeric',
    day: 'numeric',
  });
  if (umalqura.resolvedOptions().calendar !== 'islamic-umalqura')
    throw new Error('Node is built without full ICU: the Umm al-Qura calendar (Kurban Ait) is not available');
  const out: LocalDate[] = [];
  for (let d = fromParts(year, 1, 1); parts(d).year === year; d = addDays(d, 1)) {
    const { year: y, month: m, day } = parts(d);
    const p = umalqura.formatToParts(new Date(Date.UTC(y, m - 1, day)));
    const num = (type: string) => Number(p.find((x) => x.type === type)?.value);
    if (num('month') === 12 && num('day') === 10) out.push(d);
  }
  kurbanAitCache.set(year, out);
  return out;
}

/** Builds a year's days off: holidays, art. 5 moves off weekends, Kurban Ait, Ministry transfers. */
function buildYear(year: number, data: HolidayYear | undefined): YearTable {
  const off = new Map<LocalDate, { kind: NonWorkingKind; reason: string }>();
  const kurbanAit = data?.kurbanAit ? [data.kurbanAit] : kurbanAitDates(year);
  const holidays = FIXED_HOLIDAYS.filter((h) => (h.fromYear ?? -Infinity) <= year && year <= (h.toYear ?? Infinity))
    .map((h) => ({ date: fromParts(year, h.month, h.day), name: h.name, moves: h.movesOffWeekend }))
    .concat(kurbanAit.map((date) => ({ date, name: 'Курбан айт (первый день)', moves: false })))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // Kurban Ait on a state holiday (22 March 2032) adds no day off: the state holiday keeps its name and move.
  for (const h of holidays) if (!off.has(h.date)) off.set(h.date, { kind: 'holiday', reason: h.name });

  // Art. 5: each holiday on a weekend gives a day off on the next day that is neither weekend nor holiday
  // nor already taken by an earlier move (Nauryz 2026: 21 Sat → 24 Tue, 22 Sun → 25 Wed, 23 Mon stays).
  for (const h of holidays) {
    if (!h.moves || !isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || off.has(d)) d = addDays(d, 1);
    off.set(d, {
      kind: 'moved_day_off',
      reason: `перенесённый выходной (${h.name}, ${ddmm(h.date)} — ${WEEKDAY_RU[isoDayOfWeek(h.date) - 1]})`,
    });
  }

  const workingWeekends = new Set<LocalDate>();
  for (const t of data?.transfers ?? []) {
    off.set(t.dayOff, {
      kind: 'transferred_day_off',
      reason: `выходной по переносу (рабочий день — ${ddmm(t.workingDay)})`,
    });
    workingWeekends.add(t.workingDay);
  }
  return {
    known: year >= FIRST_KNOWN_CALENDAR_YEAR,
    provisional: data?.provisional ?? true,
    off,
    workingWeekends,
  };
}

function tableFor(year: number): YearTable {
  let t = tables.get(year);
  if (!t) {
    t = buildYear(year, Object.hasOwn(KZ_YEARS, year) ? KZ_YEARS[year] : undefined);
    tables.set(year, t);
  }
  return t;
}

/** Years with decrees or announcements in kz-holidays.ts (the rest are computed by the rule alone). */
export function decreedCalendarYears(): number[] {
  return Object.keys(KZ_YEARS)
    .map(Number)
    .sort((a, b) => a - b);
}

export function dayInfo(date: LocalDate): DayInfo {
  const t = tableFor(parts(date).year);
  const base = { date, calendarKnown: t.known, provisional: t.provisional };
  const off = t.off.get(date);
  if (off) return { ...base, working: false, kind: off.kind, reason: off.reason };
  if (isWeekend(date) && !t.workingWeekends.has(date)) {
    return { ...base, working: false, kind: 'weekend', reason: WEEKDAY_RU[isoDayOfWeek(date) - 1] };
  }
  return { ...base, working: true };
}

export function isWorkingDay(date: LocalDate): boolean {
  return dayInfo(date).working;
}

/** The date itself if it is a working day, else the next working day with the reason the date moved. */
export function nextWorkingDay(date: LocalDate): NextWorkingDay {
  const first = dayInfo(date);
  let calendarKnown = first.calendarKnown;
  let provisional = first.provisional;
  const skipped: LocalDate[] = [];
  let info = first;
  while (!info.working) {
    skipped.push(info.date);
    info = dayInfo(addDays(info.date, 1));
    calendarKnown &&= info.calendarKnown;
    provisional ||= info.provisional;
  }
  return first.working
    ? { date, moved: false, skipped, calendarKnown, provisional }
    : { date: info.date, moved: true, reason: first.reason, kind: first.kind, skipped, calendarKnown, provisional };
}

/** All non-working Monday–Friday dates of a year (for checking the table against published calendars). */
export function nonWorkingWeekdays(year: number): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = fromParts(year, 1, 1); parts(d).year === year; d = addDays(d, 1)) {
    if (!isWeekend(d) && !isWorkingDay(d)) out.push(d);
  }
  return out;
}

/**
 * The last day of a term whose calendar count ends on `nominal` (ГК 175, civilTerms.moveToNextWorkingDay): the
 * next working day when `nominal` is not one, while settings.termsEndOnWorkingDay is on (read at call time).
 */
export function termEndsOn(nominal: LocalDate): LocalDate {
  return settings.termsEndOnWorkingDay ? nextWorkingDay(nominal).date : nominal;
}
