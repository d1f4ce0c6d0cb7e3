/**
 * Working days of Kazakhstan (five-day week) from the holiday data in kz-holidays.ts.
 * Used to move a due date that falls on a non-working day to the next working day (ГК 175, ГПК 123 ч. 4).
 * Years missing from the table know only weekends; every answer says whether the calendar was known.
 */
import { addDays, fromParts, isoDayOfWeek, parts, type LocalDate } from '../../common/local-date';
import { FIXED_HOLIDAYS, KZ_YEARS, type HolidayYear } from './kz-holidays';

export type NonWorkingKind = 'weekend' | 'holiday' | 'moved_day_off' | 'transferred_day_off';

export interface DayInfo {
  date: LocalDate;
  working: boolean;
  /** Why the day is not working; absent on working days. */
  kind?: NonWorkingKind;
  /** Russian text for documents: «суббота», «Наурыз мейрамы», «перенесённый выходной (Наурыз мейрамы 21.03 — суббота)». */
  reason?: string;
  /** False when the year has no holiday data: only weekends were considered. */
  calendarKnown: boolean;
  /** True when the year's data is provisional (LAW.md §13: 2027). */
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

/** Builds a year's days off: holidays, art. 5 moves off weekends, Kurban Ait, Ministry transfers. */
function buildYear(data: HolidayYear): YearTable {
  const off = new Map<LocalDate, { kind: NonWorkingKind; reason: string }>();
  const holidays = FIXED_HOLIDAYS.filter(
    (h) => (h.fromYear ?? -Infinity) <= data.year && data.year <= (h.toYear ?? Infinity),
  )
    .map((h) => ({ date: fromParts(data.year, h.month, h.day), name: h.name, moves: h.movesOffWeekend }))
    .concat([{ date: data.kurbanAit, name: 'Курбан айт (первый день)', moves: false }])
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const h of holidays) off.set(h.date, { kind: 'holiday', reason: h.name });

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
  for (const t of data.transfers) {
    off.set(t.dayOff, {
      kind: 'transferred_day_off',
      reason: `выходной по переносу (рабочий день — ${ddmm(t.workingDay)})`,
    });
    workingWeekends.add(t.workingDay);
  }
  return { known: true, provisional: data.provisional, off, workingWeekends };
}

function tableFor(year: number): YearTable {
  let t = tables.get(year);
  if (!t) {
    const data = KZ_YEARS[year];
    t = data ? buildYear(data) : { known: false, provisional: false, off: new Map(), workingWeekends: new Set() };
    tables.set(year, t);
  }
  return t;
}

/** Years the holiday table covers (the rest: weekends only). */
export function knownCalendarYears(): number[] {
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
