/**
 * Public holidays and days off of Kazakhstan (LAW.md §13): the rule for any year, and the decrees as data.
 * Law «О праздниках в Республике Казахстан» of 13.12.2001 № 267-II (ред. 19.04.2023) art. 5, Labour Code
 * (ТК РК) art. 84 п. 5 (7 January and the first day of Kurban Ait are days off, never moved) and art. 85 п. 3 (the
 * Government — since 2023 the Ministry of Labour — may transfer days off).
 * Every year is computed: fixed holidays (FIXED_HOLIDAYS), their move off a weekend (work-calendar.ts), Kurban Ait
 * as 10 Dhu al-Hijjah of the Umm al-Qura calendar (Node's ICU). KZ_YEARS adds what only a decree or an
 * announcement can say: the transfer orders of the year and the Kurban Ait date announced by the Spiritual
 * Administration when it differs from the computed one. An administrator adds one entry per year.
 * Pure: no imports but types.
 */
import type { LocalDate } from '../../common/local-date';

export interface FixedHoliday {
  month: number;
  day: number;
  /** Russian name, as printed in a schedule («перенесено: …»). */
  name: string;
  /**
   * Art. 5 of the holiday law: a national or state holiday falling on a weekend moves the day off to the next
   * working day. Religious days off (7 January, Kurban Ait) are never moved.
   */
  movesOffWeekend: boolean;
  /** First and last year the holiday is a day off (inclusive); open ends are unbounded. */
  fromYear?: number;
  toYear?: number;
}

export const FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  { month: 1, day: 1, name: 'Новый год', movesOffWeekend: true },
  { month: 1, day: 2, name: 'Новый год', movesOffWeekend: true },
  { month: 1, day: 7, name: 'Рождество Христово (православное)', movesOffWeekend: false },
  { month: 3, day: 8, name: 'Международный женский день', movesOffWeekend: true },
  // LAW.md §13: new Constitution adopted 15.03.2026; Constitution Day is 15 March from 2027.
  { month: 3, day: 15, name: 'День Конституции', movesOffWeekend: true, fromYear: 2027 },
  { month: 3, day: 21, name: 'Наурыз мейрамы', movesOffWeekend: true },
  { month: 3, day: 22, name: 'Наурыз мейрамы', movesOffWeekend: true },
  { month: 3, day: 23, name: 'Наурыз мейрамы', movesOffWeekend: true },
  { month: 5, day: 1, name: 'Праздник единства народа Казахстана', movesOffWeekend: true },
  { month: 5, day: 7, name: 'День защитника Отечества', movesOffWeekend: true },
  { month: 5, day: 9, name: 'День Победы', movesOffWeekend: true },
  { month: 7, day: 6, name: 'День столицы', movesOffWeekend: true },
  // LAW.md §13: 30 August is not a holiday in 2026 (and from then on Constitution Day is 15 March).
  { month: 8, day: 30, name: 'День Конституции', movesOffWeekend: true, toYear: 2025 },
  { month: 10, day: 25, name: 'День Республики', movesOffWeekend: true, fromYear: 2022 },
  { month: 12, day: 16, name: 'День Независимости', movesOffWeekend: true },
];

/** A Ministry of Labour order swapping a day off and a working day (since 2023 the Ministry decides). */
export interface DayOffTransfer {
  /** A weekday made a day off. */
  dayOff: LocalDate;
  /** A weekend day made a working day in exchange. */
  workingDay: LocalDate;
  note: string;
}

/** What a year's decrees and announcements say, over the computed calendar. */
export interface HolidayYear {
  year: number;
  /**
   * First day of Kurban Ait as announced (a day off, never moved); absent: 10 Dhu al-Hijjah of the Umm al-Qura
   * calendar (work-calendar.ts `kurbanAitDates`), which the announcement can differ from by a day.
   */
  kurbanAit?: LocalDate;
  transfers: readonly DayOffTransfer[];
  /** True while the year's dates are not officially confirmed: documents should say so. */
  provisional: boolean;
  source: string;
}

/**
 * Years with decrees or announcements. A year not listed is computed by the rule alone and is provisional:
 * no transfer order is known and Kurban Ait is the computed date.
 */
export const KZ_YEARS: Readonly<Record<number, HolidayYear>> = {
  2024: {
    year: 2024,
    kurbanAit: '2024-06-16',
    transfers: [],
    provisional: false,
    source:
      'Закон о праздниках ст. 5 (перенос с выходного); Курбан айт 16.06.2024 (воскресенье, не переносится); приказы о переносе не внесены',
  },
  2025: {
    year: 2025,
    kurbanAit: '2025-06-06',
    transfers: [
      {
        dayOff: '2025-01-03',
        workingDay: '2025-01-05',
        note: 'приказ Министра труда: пятница 03.01 — выходной, воскресенье 05.01 — рабочий день',
      },
    ],
    provisional: false,
    source: 'LAW.md §13 (2025)',
  },
  2026: {
    year: 2026,
    kurbanAit: '2026-05-27',
    transfers: [],
    provisional: false,
    source: 'LAW.md §13 (2026); Курбан айт 27.05.2026 может сместиться на день — проверить объявление ДУМК',
  },
  2027: {
    year: 2027,
    // not announced (LAW.md §13: ≈ 16 May, a Sunday): the Umm al-Qura date, 2027-05-16, applies
    transfers: [],
    provisional: true,
    source:
      'LAW.md §13 (2027, предварительно): Курбан айт — по календарю Умм аль-Кура, приказы о переносе ещё не изданы',
  },
};
