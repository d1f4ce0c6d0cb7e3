import type { LocalDate } from './local-date';

/** The time zone every calendar date of the product is read in (East Kazakhstan, UTC+5 since 2024). */
export const PRODUCT_TIME_ZONE = 'Asia/Almaty';

/** Time is passed in, never read from the machine in domain code, so tests can fix or move it. */
export abstract class Clock {
  abstract now(): Date;

  /** Today's calendar date in Asia/Almaty. */
  today(): LocalDate {
    return localDateIn(this.now(), PRODUCT_TIME_ZONE);
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stands still until moved: for tests and for the restart demonstration. */
export class FixedClock extends Clock {
  constructor(private instant: Date) {
    super();
  }
  now(): Date {
    return new Date(this.instant.getTime());
  }
  set(instant: Date | string): void {
    this.instant = new Date(instant);
  }
  advanceDays(days: number): void {
    this.instant = new Date(this.instant.getTime() + days * 86_400_000);
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function localDateIn(instant: Date, timeZone: string): LocalDate {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(instant); // en-CA formats as YYYY-MM-DD
}
