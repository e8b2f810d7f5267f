/** Calendar arithmetic on UTC dates and TIMEX3 value formatting. */

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

export function parseYmd(iso: string): Ymd {
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (!m) throw new Error(`not a date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = toDate(ymd);
  if (check.getUTCMonth() + 1 !== ymd.month || check.getUTCDate() !== ymd.day) {
    throw new Error(`not a calendar date: ${JSON.stringify(iso)}`);
  }
  return ymd;
}

export function toDate({ year, month, day }: Ymd): Date {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date;
}

export function fromDate(date: Date): Ymd {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(ymd: Ymd, days: number): Ymd {
  const date = toDate(ymd);
  date.setUTCDate(date.getUTCDate() + days);
  return fromDate(date);
}

/** Adds months, clamping the day to the target month's length. */
export function addMonths(ymd: Ymd, months: number): Ymd {
  const index = ymd.year * 12 + (ymd.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(ymd.day, daysInMonth(year, month)) };
}

export function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/** ISO weekday, Monday = 1 ... Sunday = 7. */
export function weekday(ymd: Ymd): number {
  const d = toDate(ymd).getUTCDay();
  return d === 0 ? 7 : d;
}

/** ISO 8601 week-numbering year and week. */
export function isoWeek(ymd: Ymd): { year: number; week: number } {
  const thursday = addDays(ymd, 4 - weekday(ymd));
  const firstOfYear = { year: thursday.year, month: 1, day: 1 };
  const dayOfYear = Math.round((toDate(thursday).getTime() - toDate(firstOfYear).getTime()) / 86_400_000);
  return { year: thursday.year, week: Math.floor(dayOfYear / 7) + 1 };
}

export const formatYear = (year: number): string => (year < 0 ? `-${pad(-year, 4)}` : pad(year, 4));
export const formatMonth = (year: number, month: number): string => `${formatYear(year)}-${pad(month)}`;
export const formatDay = (ymd: Ymd): string => `${formatMonth(ymd.year, ymd.month)}-${pad(ymd.day)}`;
export const formatQuarter = (year: number, quarter: number): string => `${formatYear(year)}-Q${quarter}`;
export function formatWeek(ymd: Ymd): string {
  const { year, week } = isoWeek(ymd);
  return `${formatYear(year)}-W${pad(week)}`;
}
export function formatTime(ymd: Ymd, hour: number, minute: number): string {
  return `${formatDay(ymd)}T${pad(hour)}:${pad(minute)}`;
}

export const quarterOf = (month: number): number => Math.ceil(month / 3);

/** Moves a quarter index (year, quarter) by `delta` quarters. */
export function addQuarters(year: number, quarter: number, delta: number): { year: number; quarter: number } {
  const index = year * 4 + (quarter - 1) + delta;
  const y = Math.floor(index / 4);
  return { year: y, quarter: index - y * 4 + 1 };
}

/** The n-th (1-based; -1 = last) given ISO weekday of a month. */
export function nthWeekday(year: number, month: number, isoDay: number, n: number): Ymd {
  if (n > 0) {
    const first = { year, month, day: 1 };
    const offset = (isoDay - weekday(first) + 7) % 7;
    return addDays(first, offset + (n - 1) * 7);
  }
  const last = { year, month, day: daysInMonth(year, month) };
  return addDays(last, -((weekday(last) - isoDay + 7) % 7));
}

/** Western Easter Sunday (anonymous Gregorian algorithm). */
export function easter(year: number): Ymd {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { year, month, day: ((h + l - 7 * m + 114) % 31) + 1 };
}

export function daysBetween(a: Ymd, b: Ymd): number {
  return Math.round((toDate(b).getTime() - toDate(a).getTime()) / 86_400_000);
}
