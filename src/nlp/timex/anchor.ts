/**
 * Anchoring: turning "Friday", "March 12", "last month" into calendar values against the
 * document creation time (deictic expressions) or the last date the text mentioned (anaphoric ones).
 */
import type { Tense } from "./context.js";
import {
  addDays, addMonths, addQuarters, daysBetween, formatDay, formatMonth, formatQuarter, formatWeek,
  formatYear, quarterOf, weekday, type Ymd,
} from "./calendar.js";

/** A parsed concrete TIMEX3 value, at the granularity it was written. */
export type Anchor =
  | { unit: "year"; year: number }
  | { unit: "half"; year: number; half: number }
  | { unit: "quarter"; year: number; quarter: number }
  | { unit: "month"; year: number; month: number }
  | { unit: "week"; ymd: Ymd }
  | { unit: "day"; ymd: Ymd };

export function parseAnchor(value: string): Anchor | undefined {
  let m = value.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (m) return { unit: "day", ymd: { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } };
  m = value.match(/^(\d{4})-W(\d{2})/);
  if (m) return { unit: "week", ymd: weekStart(Number(m[1]), Number(m[2])) };
  m = value.match(/^(\d{4})-Q(\d)$/);
  if (m) return { unit: "quarter", year: Number(m[1]), quarter: Number(m[2]) };
  m = value.match(/^(\d{4})-H(\d)$/);
  if (m) return { unit: "half", year: Number(m[1]), half: Number(m[2]) };
  m = value.match(/^(\d{4})-(\d{2})$/);
  if (m) return { unit: "month", year: Number(m[1]), month: Number(m[2]) };
  m = value.match(/^(\d{4})(?:-[A-Z]{2})?$/);
  if (m) return { unit: "year", year: Number(m[1]) };
  return undefined;
}

function weekStart(year: number, week: number): Ymd {
  const jan4 = { year, month: 1, day: 4 };
  return addDays(jan4, (week - 1) * 7 - (weekday(jan4) - 1));
}

export function formatAnchor(anchor: Anchor): string {
  switch (anchor.unit) {
    case "year": return formatYear(anchor.year);
    case "half": return `${formatYear(anchor.year)}-H${anchor.half}`;
    case "quarter": return formatQuarter(anchor.year, anchor.quarter);
    case "month": return formatMonth(anchor.year, anchor.month);
    case "week": return formatWeek(anchor.ymd);
    case "day": return formatDay(anchor.ymd);
  }
}

export type ShiftUnit = "year" | "quarter" | "month" | "week" | "day";

/** Moves an anchor by `amount` units, keeping the anchor's own granularity where it is coarser. */
export function shiftAnchor(anchor: Anchor, unit: ShiftUnit, amount: number): Anchor {
  const months = unit === "year" ? 12 * amount : unit === "quarter" ? 3 * amount : unit === "month" ? amount : 0;
  const days = unit === "week" ? 7 * amount : unit === "day" ? amount : 0;
  switch (anchor.unit) {
    case "year":
      return { unit: "year", year: anchor.year + Math.trunc(months / 12) };
    case "half":
      return { unit: "half", year: anchor.year + Math.trunc(months / 12), half: anchor.half };
    case "quarter": {
      const q = addQuarters(anchor.year, anchor.quarter, Math.trunc(months / 3));
      return { unit: "quarter", ...q };
    }
    case "month": {
      const ymd = addMonths({ year: anchor.year, month: anchor.month, day: 1 }, months);
      return { unit: "month", year: ymd.year, month: ymd.month };
    }
    case "week":
    case "day":
      return { unit: anchor.unit, ymd: addDays(addMonths(anchor.ymd, months), days) };
  }
}

/** The DCT seen at a unit's granularity ("this month", "this quarter"). */
export function dctAt(dct: Ymd, unit: ShiftUnit | "half"): Anchor {
  switch (unit) {
    case "year": return { unit: "year", year: dct.year };
    case "half": return { unit: "half", year: dct.year, half: dct.month <= 6 ? 1 : 2 };
    case "quarter": return { unit: "quarter", year: dct.year, quarter: quarterOf(dct.month) };
    case "month": return { unit: "month", year: dct.year, month: dct.month };
    case "week": return { unit: "week", ymd: dct };
    case "day": return { unit: "day", ymd: dct };
  }
}

/** The day named by a weekday: before the DCT in past-tense clauses, after it in future ones. */
export function resolveWeekday(isoDay: number, base: Ymd, direction: "past" | "future" | "strictPast" | "strictFuture"): Ymd {
  const delta = isoDay - weekday(base);
  switch (direction) {
    case "past": return addDays(base, delta > 0 ? delta - 7 : delta);
    case "strictPast": return addDays(base, delta >= 0 ? delta - 7 : delta);
    case "future": return addDays(base, delta < 0 ? delta + 7 : delta);
    case "strictFuture": return addDays(base, delta <= 0 ? delta + 7 : delta);
  }
}

export function weekdayDirection(tense: Tense | undefined): "past" | "future" {
  return tense === "future" ? "future" : "past";
}

/** Within this many days of the DCT the nearest reading wins over the tense of the clause. */
const NEAR_DAYS = 100;

/**
 * The year of a month-and-day written without one: the nearest to the DCT; when that is far, ahead only in a
 * future clause, else behind: news looks back more often than ahead ("its record high set on Aug. 6").
 */
export function yearForMonthDay(month: number, day: number, dct: Ymd, tense: Tense | undefined, near = NEAR_DAYS): number {
  const candidates = [dct.year - 1, dct.year, dct.year + 1].map((year) => ({ year, offset: daysBetween(dct, { year, month, day }) }));
  const nearest = candidates.reduce((best, c) => (Math.abs(c.offset) < Math.abs(best.offset) ? c : best));
  if (Math.abs(nearest.offset) <= near) return nearest.year;
  if (tense === "future") return candidates.find((c) => c.offset >= 0)!.year;
  return [...candidates].reverse().find((c) => c.offset <= 0)!.year;
}

/** The year of a bare month name: as for a month-and-day, taking the middle of the month. */
export function yearForMonth(month: number, dct: Ymd, tense: Tense | undefined): number {
  if (month === dct.month) return dct.year;
  return yearForMonthDay(month, 15, dct, tense);
}
