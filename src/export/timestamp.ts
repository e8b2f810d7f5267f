/**
 * Calendar points of TIMEX3 values, as STIX timestamps and ISO dates. Pure and dependency-free:
 * the exports, the API and the web UI all place items in time with it.
 */

const SEASON_MONTH: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

function validDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function stamp(year: number, month: number, day: number, clock = "00:00:00"): string | undefined {
  if (!validDate(year, month, day)) return undefined;
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${clock}.000Z`;
}

/**
 * Expands a TIMEX3 value to the STIX timestamp of its first instant: `2015` → 2015-01-01,
 * `2015-01`, `2015-01-03`, `2015-01-03T10:20`, `2023-W07` (its Monday), `2015-Q3`, `2015-SU`, `201X`.
 * Values that name no calendar point (`PRESENT_REF`, `P75Y`, ...) give undefined.
 */
export function timexToTimestamp(value: string): string | undefined {
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value))) {
    const [, y, m, d, hh, mm, ss] = match;
    const clock = hh ? `${hh}:${mm}:${ss ?? "00"}` : undefined;
    if (hh && (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59)) return undefined;
    return stamp(Number(y), Number(m), Number(d), clock);
  }
  if ((match = /^(\d{4})-(\d{2})$/.exec(value))) return stamp(Number(match[1]), Number(match[2]), 1);
  if ((match = /^(\d{4})$/.exec(value))) return stamp(Number(match[1]), 1, 1);
  if ((match = /^(\d{4})-W(\d{2})$/.exec(value))) {
    const year = Number(match[1]);
    const week = Number(match[2]);
    if (week < 1 || week > 53) return undefined;
    // ISO week 1 is the week holding January 4th; weeks start on Monday.
    const jan4 = Date.UTC(year, 0, 4);
    const mondayOfWeek1 = jan4 - (((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000);
    const monday = new Date(mondayOfWeek1 + (week - 1) * 7 * 86_400_000);
    return stamp(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate());
  }
  if ((match = /^(\d{4})-Q([1-4])$/.exec(value))) return stamp(Number(match[1]), (Number(match[2]) - 1) * 3 + 1, 1);
  if ((match = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return stamp(Number(match[1]), SEASON_MONTH[match[2]!]!, 1);
  if ((match = /^(\d{3})X$/.exec(value))) return stamp(Number(match[1]) * 10, 1, 1);
  if ((match = /^(\d{2})XX$/.exec(value))) return stamp(Number(match[1]) * 100, 1, 1);
  return undefined;
}

/** The calendar date an item is placed at on the timeline and by the time filter. */
export function itemDate(time: string | undefined, documentDate: string): string {
  return (time ? timexToTimestamp(time)?.slice(0, 10) : undefined) ?? documentDate;
}

/** First and last day of a YYYY, YYYY-MM or YYYY-MM-DD bound; undefined when malformed. */
export function dateBound(value: string, end: boolean): string | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (day) return timexToTimestamp(value) ? value : undefined;
  if (month) {
    if (!timexToTimestamp(value)) return undefined;
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return `${year}-${month}-${end ? String(last).padStart(2, "0") : "01"}`;
  }
  return `${year}-${end ? "12-31" : "01-01"}`;
}

