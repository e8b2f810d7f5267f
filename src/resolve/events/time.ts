import type { TimeValue } from "../../model/index.js";

/** A span of days, inclusive, as UTC day numbers (days since 1970-01-01). */
export interface DayRange {
  from: number;
  to: number;
  /** How the range was obtained: from the event's own date, or guessed from the publication date. */
  basis: "event" | "publication";
}

const DAY = 86_400_000;

function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY);
}

/**
 * The days a TIMEX3 value covers: "1987-03-11" one day, "1987-03" a month, "1987" a year,
 * "1987-W11" a week. Undefined for values that name no calendar span (durations, PAST_REF).
 */
export function timeRange(value: TimeValue | undefined): DayRange | undefined {
  if (!value) return undefined;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) {
    const day = dayNumber(+m[1], +m[2], +m[3]);
    return { from: day, to: day, basis: "event" };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    // ISO week 1 holds January 4th.
    const jan4 = dayNumber(+m[1], 1, 4);
    const monday = jan4 - ((new Date(jan4 * DAY).getUTCDay() + 6) % 7) + (+m[2] - 1) * 7;
    return { from: monday, to: monday + 6, basis: "event" };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return { from: dayNumber(+m[1], +m[2], 1), to: dayNumber(+m[1], +m[2] + 1, 1) - 1, basis: "event" };
  m = /^(\d{4})$/.exec(value);
  if (m) return { from: dayNumber(+m[1], 1, 1), to: dayNumber(+m[1] + 1, 1, 1) - 1, basis: "event" };
  return undefined;
}

/** News reports an undated happening within a few days before it is published. */
export const UNDATED_WINDOW_DAYS = 3;

/** The event's own date when it has one, else the days before publication. */
export function eventDays(time: TimeValue | undefined, published: string | undefined): DayRange | undefined {
  const own = timeRange(time);
  if (own) return own;
  const pub = timeRange(published);
  return pub ? { from: pub.from - UNDATED_WINDOW_DAYS, to: pub.to, basis: "publication" } : undefined;
}

export function formatDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Days between two ranges (0 when they overlap). */
export function gapDays(a: DayRange, b: DayRange): number {
  return Math.max(0, a.from - b.to, b.from - a.to);
}
