/**
 * The tagging rules: each is a regular expression over raw text (built from the lexicon's
 * fragments) and a normaliser that turns its named groups into a TIMEX3 type and value.
 * Rules are general English; where the TimeML guidelines fix a convention (decades as "199",
 * "now" as PRESENT_REF, "the past two months" as a DURATION) we follow them.
 */
import type { TimexType } from "../../model/index.js";
import {
  type Anchor, dctAt, formatAnchor, resolveWeekday, shiftAnchor, type ShiftUnit, weekdayDirection,
  yearForMonth, yearForMonthDay,
} from "./anchor.js";
import { addDays, daysInMonth, easter, formatDay, formatMonth, formatTime, formatYear, nthWeekday, quarterOf, type Ymd } from "./calendar.js";
import type { Tense } from "./context.js";
import {
  DAY_NUMBER, DECADE_WORDS, MONTH, ORDINAL, PARTS_OF_DAY, PART_OF_DAY, QUANTITY, SEASON, SEASONS, SPELLED_NUMBER,
  SPELLED_YEAR, TIMEZONE, UNIT, UNIT_PLURAL, UNIT_SINGULAR, UNITS, WEEKDAY, YEAR, monthNumber, parseOrdinal, parseQuantity,
  parseSpelledYear, unitOf, weekdayNumber,
} from "./lexicon.js";

export interface Resolution {
  type: TimexType;
  value: string;
  /** Derived from an earlier mention ("a year earlier"): not itself a reference for later anaphora. */
  derived?: boolean;
}

export interface RuleContext {
  dct: Ymd;
  text: string;
  start: number;
  end: number;
  tense(): Tense | undefined;
  /** The last concrete date the text mentioned before this expression, if any. */
  reference(): Anchor | undefined;
  /** The quarter the document names most often: what "the quarter" means in an earnings report. */
  topicQuarter(): Anchor | undefined;
  /** The last quarter the text named, else the topic quarter: what "a year ago" compares with. */
  lastQuarter(): Anchor | undefined;
  /** The text from the start of the previous sentence up to this expression. */
  lead(): string;
}

type Groups = Record<string, string | undefined>;

export interface Rule {
  name: string;
  /**
   * What every match of `pattern` contains (a case-insensitive regex source): a text without it
   * cannot match, so the rule's costlier pattern is not run on it.
   */
  trigger?: string;
  pattern: string;
  normalise(groups: Groups, context: RuleContext): Resolution | null;
}

const date = (value: string): Resolution => ({ type: "DATE", value });
const lower = (s: string | undefined): string => (s ?? "").toLowerCase().replace(/\s+/g, " ").trim();
const capitalised = (s: string | undefined): boolean => !!s && /^[A-Z]/.test(s);
/** Whether an expression starting at `start` opens a sentence: after a full stop or a blank line, and any quotes around them. */
const opensSentence = (text: string, start: number): boolean =>
  /(?:^\s*|[.!?]["'`’”)]*\s+|\n\n)["'`‘“(]*\s?$/.test(text.slice(Math.max(0, start - 6), start));

// TimeML keeps "about", "nearly", "at least" inside the extent (as a modifier) but leaves prepositions such as "over" and "within"
// out, and focus adverbs such as "only", "just" and "barely", which no TIMEX3 mod expresses.
// "spoke about the next two years": before an article, "about" and "around" are prepositions.
const MODIFIER = "(?:(?:about|around)(?! the\\b)|approximately|roughly|nearly|almost|some|more than|less than|fewer than|at least|at most|up to|no more than|no less than|exactly|another|an additional|the better part of|most of)";
// "will last 72 hours", "expected to last two weeks": after a modal or "to", "last" is the verb, outside the extent.
const DURATION_DETERMINER = "(?:the|(?:the )?(?:past|(?<!\\b(?:will|would|could|can|may|might|must|should|shall|to|not|n't) )last|next|first|final|previous|coming|following|ensuing|latest|remaining|initial|entire|full|whole|same|prior|year-earlier|year-ago|comparable))";
const QUARTER_ORDINAL = "(?:first|second|third|fourth)";
const WEEKDAY_NAME = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
/** The year after a plural of quarters, "of 1987" or "of last year", in groups named with `n` (a pattern may hold it twice). */
const quartersYear = (n: string): string => `(?: of (?<year${n}>${YEAR})| of (?<rel${n}>this|last|next) year)?`;
/** Adverbs that make a clause habitual: a period it names without a year recurs. */
const HABITUAL = /\b(?:usually|typically|normally|traditionally|generally|customarily|tend(?:s|ed)? to)\b[^.;!?]*$/i;
const DAY_WORD = "(?:today|yesterday|tomorrow|tonight)";
const DAY_REFERENCE = `(?:${WEEKDAY}|${DAY_WORD}|${MONTH} ${DAY_NUMBER})`;
const YEAR_ANY = `(?:${YEAR}|${SPELLED_YEAR})`;

function yearValue(text: string | undefined): number | undefined {
  if (!text) return undefined;
  if (/^\d{4}$/.test(text)) return Number(text);
  if (/^'\d\d$/.test(text)) return 1900 + Number(text.slice(1));
  return parseSpelledYear(text);
}

/** "'13" written in 2014 is 2013; "'89" is 1989: the century that puts the year at most ten years past the DCT. */
function twoDigitYear(yy: number, dct: Ymd): number {
  const year = Math.floor(dct.year / 100) * 100 + yy;
  return year > dct.year + 10 ? year - 100 : year;
}

/** A quantity of units as an ISO 8601 duration: P3M, PT5H, P2Y6M, PXY. */
export function durationValue(amount: number | null, unitWord: string): string | undefined {
  const unit = UNITS[unitOf(unitWord)];
  if (!unit) return undefined;
  const prefix = unit.time ? "PT" : "P";
  if (amount === null) {
    // Decades are counted in years ("two decades" P20Y), so an unknown number of them is PXY, as TBAQ writes
    // "decades-long" and "less than a decade"; centuries keep their own letter (TBAQ has no years for them).
    const vague = unitWord.startsWith("centur") ? "CE" : unit.letter;
    return `${prefix}X${vague}`;
  }
  const total = amount * (unit.multiplier ?? 1);
  if (Number.isInteger(total)) return `${prefix}${total}${unit.letter}`;
  const whole = Math.floor(total);
  const fraction = total - whole;
  const smaller: Record<string, [string, number]> = unit.time
    ? { H: ["M", 60], M: ["S", 60] }
    : { Y: ["M", 12], M: ["D", 30], W: ["D", 7], D: ["H", 24] };
  const next = smaller[unit.letter];
  if (!next) return `${prefix}${total}${unit.letter}`;
  const head = whole > 0 ? `${whole}${unit.letter}` : "";
  const part = `${Math.round(fraction * next[1])}${next[0]}`;
  return unit.letter === "D" ? `P${head}T${part}` : `${prefix}${head}${part}`;
}

function shiftUnit(unitWord: string): { unit: ShiftUnit; factor: number } | undefined {
  const unit = unitOf(unitWord);
  if (unit === "decade") return { unit: "year", factor: 10 };
  if (unit === "century") return { unit: "year", factor: 100 };
  if (unit === "fortnight") return { unit: "week", factor: 2 };
  if (unit === "year" || unit === "quarter" || unit === "month" || unit === "week" || unit === "day") return { unit, factor: 1 };
  return undefined;
}

function dayWithPart(ymd: Ymd, part: string | undefined): Resolution {
  const code = part ? PARTS_OF_DAY[lower(part)] : undefined;
  return code ? { type: "TIME", value: `${formatDay(ymd)}T${code}` } : date(formatDay(ymd));
}

function weekdayDate(word: string, relation: string, context: RuleContext): Ymd | undefined {
  const isoDay = weekdayNumber(word);
  if (!isoDay) return undefined;
  switch (relation) {
    case "last":
    case "this past":
      return resolveWeekday(isoDay, context.dct, "strictPast");
    case "next":
      return resolveWeekday(isoDay, context.dct, "strictFuture");
    case "this":
    case "this coming":
      return resolveWeekday(isoDay, context.dct, "future");
    case "possessive":
      return resolveWeekday(isoDay, context.dct, "past");
    case "the previous":
    case "the following":
    case "the next": {
      const ref = context.reference();
      const base = ref?.unit === "day" ? ref.ymd : context.dct;
      return resolveWeekday(isoDay, base, relation === "the previous" ? "strictPast" : "strictFuture");
    }
    default:
      // "postponed until Tuesday" sets a limit that lies ahead, or is today ("not until Tuesday" written on a Tuesday);
      // opening a past clause, it is where a state ended ("Until Thursday, they had not ...", "it was not until Tuesday that").
      if (/\b(?:until|till)\s+$/i.test(context.text.slice(Math.max(0, context.start - 7), context.start))) {
        const opening = /(?:^|[.!?;:"“`]\s*|\b(?:up|not)\s+)(?:until|till)\s+$/i.test(context.text.slice(Math.max(0, context.start - 12), context.start));
        return resolveWeekday(isoDay, context.dct, opening && context.tense() === "past" ? "past" : "future");
      }
      return resolveWeekday(isoDay, context.dct, weekdayDirection(context.tense()));
  }
}

/**
 * "last Oct. 23", "the year ended Jan. 31", "next May 1": a word just before a date without a
 * year says which way it lies, more surely than the tense of the clause.
 */
function relativeTense(context: RuleContext): Tense | undefined {
  const before = context.text.slice(Math.max(0, context.start - 11), context.start).toLowerCase();
  if (/\b(?:last|this past|ended|since)\s+$/.test(before)) return "past";
  if (/\b(?:next|this coming)\s+$/.test(before)) return "future";
  return undefined;
}

/**
 * The tense that places a date written without its year: the clause's, or for a clause without past or future
 * "by February", "until June", a deadline ahead. With neither, a date far from the DCT is taken in the past (yearForMonthDay).
 */
function dateTense(context: RuleContext): Tense | undefined {
  const tense = context.tense();
  if (tense === "past" || tense === "future") return tense;
  return /\b(?:by|until|till)\s+$/i.test(context.text.slice(Math.max(0, context.start - 7), context.start)) ? "future" : tense;
}

/**
 * "the quarter ended Sept. 30": the calendar quarter the three months up to the closing day overlap most, the one
 * holding their middle month ("the quarter ended July 31", May to July, is the second).
 */
function endedQuarter(context: RuleContext): Anchor | undefined {
  const m = context.text.slice(context.end, context.end + 24).match(new RegExp(`^,? end(?:ed|ing) (${MONTH}) (\\d{1,2})\\b`, "i"));
  if (!m) return undefined;
  const month = monthNumber(m[1]!)!;
  const day = Number(m[2]);
  const year = yearForMonthDay(month, day, context.dct, /ended/i.test(m[0]) ? "past" : "future", 0);
  // A period closing early in a month ("ended Oct. 1") ends with the month before.
  const last = day < 15 ? month - 1 : month;
  const middle = last - 1;
  return middle >= 1 ? { unit: "quarter", year, quarter: quarterOf(middle) } : { unit: "quarter", year: year - 1, quarter: quarterOf(middle + 12) };
}

/** The day an expression like "Tuesday", "yesterday" or "Nov. 9" names. */
function dayReference(phrase: string, context: RuleContext): Ymd | undefined {
  const p = lower(phrase);
  if (p === "today" || p === "tonight") return context.dct;
  if (p === "yesterday") return addDays(context.dct, -1);
  if (p === "tomorrow") return addDays(context.dct, 1);
  const monthDay = phrase.match(new RegExp(`^(${MONTH}) (\\d+)(?:\\D+(\\d{4}))?`, "i"));
  if (monthDay) {
    const month = monthNumber(monthDay[1]!)!;
    const day = Number(monthDay[2]);
    return { year: monthDay[3] ? Number(monthDay[3]) : yearForMonthDay(month, day, context.dct, dateTense(context)), month, day };
  }
  return weekdayDate(p, "", context);
}

function relationOffset(relation: string): number | "reference" {
  if (/\b(last|past|previous|prior|latest)\b/.test(relation)) return -1;
  if (/\b(next|coming)\b/.test(relation)) return 1;
  if (/\b(following)\b/.test(relation)) return "reference";
  if (/^(that|the same|later that|earlier that|that same)$/.test(relation)) return "reference";
  return 0;
}

const FINENESS: Record<Anchor["unit"], number> = { day: 0, week: 1, month: 2, quarter: 3, half: 4, year: 5 };

/** Counts `amount` units from the date last named, or from the DCT when that date is coarser than the unit ("the previous week" after "in 1986"). */
function referenceShift(context: RuleContext, unit: ShiftUnit, amount: number): Anchor {
  const ref = context.reference();
  const base = ref && FINENESS[ref.unit] <= FINENESS[unit] ? coarsen(ref, unit) : dctAt(context.dct, unit);
  return shiftAnchor(base, unit, amount);
}

/** Views an anchor at a coarser unit (a day as its month for "the following month"). */
function coarsen(anchor: Anchor, unit: ShiftUnit | "half"): Anchor {
  const ymd: Ymd | undefined = anchor.unit === "day" || anchor.unit === "week" ? anchor.ymd : undefined;
  if (unit === "year") return { unit: "year", year: ymd?.year ?? (anchor as { year: number }).year };
  if (anchor.unit === "month" && unit === "quarter") return { unit: "quarter", year: anchor.year, quarter: quarterOf(anchor.month) };
  if (!ymd) return anchor;
  if (unit === "month") return { unit: "month", year: ymd.year, month: ymd.month };
  if (unit === "quarter") return { unit: "quarter", year: ymd.year, quarter: quarterOf(ymd.month) };
  if (unit === "week") return { unit: "week", ymd };
  return anchor;
}

/**
 * "For the nine months, net was ..., compared with $3 million a year earlier": when the period last
 * named before a comparison spans several quarters, the comparison is with the year before, not a quarter.
 */
const PERIOD_NAMED = /\b(?:(?<months>nine|six|9|6)[- ]months?|quarter(?:ly)?|three months)\b/gi;

function comparesYears(context: RuleContext): boolean {
  let last: RegExpExecArray | undefined;
  for (const m of context.lead().matchAll(PERIOD_NAMED)) last = m;
  return !!last?.groups?.months;
}

function weekendValue(offsetWeeks: number, context: RuleContext): string {
  return `${formatAnchor(shiftAnchor(dctAt(context.dct, "week"), "week", offsetWeeks))}-WE`;
}

/** "last week", "this year", "the coming month", "the following year", "the end of the year". */
function relativeUnit(relation: string, unitWord: string, context: RuleContext): Resolution | null {
  const unit = unitWord.replace(/^(fiscal|calendar) /, "");
  const offset = relationOffset(relation);
  if (unit === "weekend") {
    if (offset === "reference") return null;
    const day = context.dct;
    const isWeekend = [6, 7].includes(new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() || 7);
    const pastDefault = relation === "the" && context.tense() !== "future" && !isWeekend ? -1 : 0;
    return date(weekendValue(offset === 0 ? pastDefault : offset, context));
  }
  if (unit === "decade" || unit === "century") {
    if (offset === -1 && /past|last/.test(relation)) return { type: "DURATION", value: unit === "decade" ? "P10Y" : "P100Y" };
    const span = unit === "decade" ? 10 : 100;
    const year = context.dct.year + (offset === "reference" ? 0 : offset) * span;
    return date(unit === "decade" ? String(Math.floor(year / 10)) : String(Math.floor((year - 1) / 100)).padStart(2, "0"));
  }
  const shift = shiftUnit(unit);
  if (!shift) return null;
  // "the fiscal year ended Jan. 31" is a year's span, not the calendar year.
  if (/^the( fiscal)?$/.test(relation) && /^,? end(?:ed|ing)\b/.test(context.text.slice(context.end, context.end + 9))) {
    return { type: "DURATION", value: durationValue(1, unit)! };
  }
  if (offset === "reference") {
    return date(formatAnchor(referenceShift(context, shift.unit, /following|next/.test(relation) ? 1 : 0)));
  }
  // "He fled in 2010; the previous year he had married": the year before the one just named, as "the following year" is the one after.
  if (/^the (?:previous|prior)$/.test(relation)) return date(formatAnchor(referenceShift(context, shift.unit, -1)));
  return date(formatAnchor(shiftAnchor(dctAt(context.dct, shift.unit), shift.unit, offset)));
}

function seasonOf(month: number): string {
  return month <= 2 || month === 12 ? "WI" : month <= 5 ? "SP" : month <= 8 ? "SU" : "FA";
}

function seasonValue(year: number, season: string): string {
  return `${formatYear(year)}-${SEASONS[lower(season)]}`;
}

const HOLIDAYS: Record<string, (year: number) => Ymd> = {
  "christmas": (y) => ({ year: y, month: 12, day: 25 }),
  "christmas day": (y) => ({ year: y, month: 12, day: 25 }),
  "christmas eve": (y) => ({ year: y, month: 12, day: 24 }),
  "new year's day": (y) => ({ year: y, month: 1, day: 1 }),
  "new year's eve": (y) => ({ year: y, month: 12, day: 31 }),
  "thanksgiving": (y) => nthWeekday(y, 11, 4, 4),
  "thanksgiving day": (y) => nthWeekday(y, 11, 4, 4),
  "independence day": (y) => ({ year: y, month: 7, day: 4 }),
  "the fourth of july": (y) => ({ year: y, month: 7, day: 4 }),
  "halloween": (y) => ({ year: y, month: 10, day: 31 }),
  "easter": easter,
  "easter sunday": easter,
  "good friday": (y) => addDays(easter(y), -2),
  "valentine's day": (y) => ({ year: y, month: 2, day: 14 }),
  "labor day": (y) => nthWeekday(y, 9, 1, 1),
  "memorial day": (y) => nthWeekday(y, 5, 1, -1),
  "election day": (y) => addDays(nthWeekday(y, 11, 1, 1), 1),
  "veterans day": (y) => ({ year: y, month: 11, day: 11 }),
  "boxing day": (y) => ({ year: y, month: 12, day: 26 }),
};

function quarterYear(words: string, quarter: number, explicit: number | undefined, context: RuleContext): number {
  if (explicit !== undefined) return explicit;
  const inline = words.match(/\b(\d{4})\b/);
  if (inline) return Number(inline[1]);
  if (/\b(last year's|year-earlier|year-ago|year-before|prior-year|previous year's)\b/.test(words)) return context.dct.year - 1;
  if (/\bnext year's\b/.test(words)) return context.dct.year + 1;
  // In January "the fourth quarter" is the one just reported, unless the clause looks ahead.
  const ahead = quarter > quarterOf(context.dct.month);
  return ahead && context.tense() !== "future" ? context.dct.year - 1 : context.dct.year;
}

function setValue(word: string): string | undefined {
  return ({ daily: "P1D", weekly: "P1W", monthly: "P1M", yearly: "P1Y", annually: "P1Y", annual: "P1Y", hourly: "PT1H",
    quarterly: "P3M", nightly: "P1D", biweekly: "P2W", semiannually: "P6M" } as Record<string, string>)[word];
}

/** What follows a wire-copy clock time written as four digits: "1200 GMT", "1805 local time", "1000 London time". */
const CLOCK_ZONE = String.raw`(?:${TIMEZONE}|local|[A-Z][a-z]+ time)`;

export const RULES: Rule[] = [
  {
    name: "iso-date",
    // 2014-05-14 and 2014/05/14 (one separator throughout).
    pattern: String.raw`(?<y>\d{4})(?<sep>[-/])(?<m>[01]\d)\k<sep>(?<d>[0-3]\d)(?:T(?<hh>[0-2]\d):(?<mm>[0-5]\d))?`,
    normalise: (g) => {
      const ymd = { year: Number(g.y), month: Number(g.m), day: Number(g.d) };
      if (ymd.month < 1 || ymd.month > 12 || ymd.day < 1 || ymd.day > daysInMonth(ymd.year, ymd.month)) return null;
      return g.hh ? { type: "TIME", value: formatTime(ymd, Number(g.hh), Number(g.mm)) } : date(formatDay(ymd));
    },
  },
  {
    name: "slash-date",
    pattern: String.raw`(?<a>3[01]|[12]\d|0?[1-9])/(?<b>3[01]|[12]\d|0?[1-9])/(?<y>\d{4}|\d{2})`,
    normalise: (g) => {
      const year = g.y!.length === 2 ? 1900 + Number(g.y) + (Number(g.y) < 50 ? 100 : 0) : Number(g.y);
      // Month first (US usage) unless the first number cannot be a month: 25/12/2020.
      const [month, day] = Number(g.a) > 12 ? [Number(g.b), Number(g.a)] : [Number(g.a), Number(g.b)];
      if (month > 12) return null;
      const ymd = { year, month, day };
      return ymd.day > daysInMonth(year, ymd.month) ? null : date(formatDay(ymd));
    },
  },
  {
    name: "clock-time",
    trigger: String.raw`\d ?[ap]\.? ?m|\d:[0-5]\d|noon|midnight|midday| in the (?:morning|afternoon|evening)|\d{4} ${CLOCK_ZONE}\b`,
    pattern: `(?:(?<dayBefore>${MONTH} ${DAY_NUMBER}(?:,? ${YEAR})?|${WEEKDAY}|${DAY_WORD}),? at )?(?:(?:about|around|approximately|nearly|almost|shortly after|shortly before|just after|just before) )?` +
      String.raw`(?:(?<h>1[0-2]|0?\d)(?::(?<min>[0-5]\d))? ?(?<ap>[ap])\.? ?m\b\.?|(?<h24>[01]?\d|2[0-3]):(?<min24>[0-5]\d)(?! ?[ap]\.? ?m)|(?<named>noon|midnight|midday)|(?<hw>${SPELLED_NUMBER}|\d{1,2})(?: o'clock)? in the (?<pod>morning|afternoon|evening)|(?<hhmm>[01]\d|2[0-3])(?<mm>[0-5]\d)(?= ${CLOCK_ZONE}\b))` +
      `(?: (?<tz>${TIMEZONE}))?(?:,? (?:on )?(?<day>${MONTH} ${DAY_NUMBER},? ${YEAR}\\b|${DAY_REFERENCE}))?`,
    normalise: (g, context) => {
      let hour: number;
      let minute = 0;
      // "high noon comes today": the idiom's moment of reckoning, no clock time.
      if (lower(g.named) === "noon" && /\bhigh $/i.test(context.text.slice(Math.max(0, context.start - 5), context.start))) return null;
      if (g.named) hour = lower(g.named) === "midnight" ? 24 : 12;
      else if (g.h24) {
        hour = Number(g.h24);
        minute = Number(g.min24);
      } else if (g.hhmm) {
        // Wire copy's "1200 GMT", "between 1000 EST and 1030 EST": four digits only with a zone, which no year has.
        // "at 10:35 a.m. (0735 GMT)": a gloss in parentheses restates the time just given, and is left unannotated.
        if (/\($/.test(context.text.slice(Math.max(0, context.start - 1), context.start))) return null;
        hour = Number(g.hhmm);
        minute = Number(g.mm);
      } else if (g.hw) {
        const n = parseQuantity(g.hw);
        if (!n || n > 12) return null;
        hour = n % 12 + (lower(g.pod) === "morning" ? 0 : 12);
      } else {
        hour = (Number(g.h) % 12) + (lower(g.ap) === "p" ? 12 : 0);
        minute = g.min ? Number(g.min) : 0;
      }
      // "10:35 a.m. (0735 GMT) Friday": the day may follow a parenthesis.
      const after = context.text.slice(context.end, context.end + 40).match(new RegExp(`^ \\([^()]{1,24}\\),? (?:on )?(${WEEKDAY})\\b`, "i"));
      const named = g.day ?? g.dayBefore ?? after?.[1];
      // A bare "at 10 p.m." is on the day the text last named.
      const ref = context.reference();
      const day = named ? dayReference(named, context) : ref?.unit === "day" ? ref.ymd : context.dct;
      return day ? { type: "TIME", value: formatTime(day, hour, minute) } : null;
    },
  },
  {
    name: "month-day",
    trigger: MONTH,
    pattern: `(?:(?<wd>${WEEKDAY}),? )?(?:(?<mod>early|late|mid)[- ])?(?<month>${MONTH}) (?:(?<day>${DAY_NUMBER})|(?<dayw>${ORDINAL})|(?<dayc>one|two|three|four|five|six|seven|eight|nine)(?=,? ${YEAR}|[.,;:)]|$))(?!\\d|:\\d|\\.\\d)(?:,? (?<year>${YEAR})(?!\\d))?`,
    normalise: (g, context) => {
      if (!capitalised(g.month)) return null;
      const month = monthNumber(g.month!)!;
      // Wire copy spells days below ten ("payable April three", "from March one, 1988"); only before a year or a stop, as "in March two firms" is a count.
      const day = g.day ? parseInt(g.day, 10) : g.dayc ? parseQuantity(g.dayc) : parseOrdinal(g.dayw!);
      if (!day) return null;
      const relative = relativeTense(context);
      const year = g.year ? Number(g.year) : relative ? yearForMonthDay(month, day, context.dct, relative, 0) : yearForMonthDay(month, day, context.dct, dateTense(context));
      if (day > daysInMonth(year, month)) return null;
      return date(formatDay({ year, month, day }));
    },
  },
  {
    // "He arrived on March 3. On the 15th he left.": a bare day of the month is in the month last named, else the DCT's.
    name: "day-of-month",
    trigger: "the \\d\\d?(?:st|nd|rd|th)",
    pattern: `the (?<day>[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?=\\s*(?:[,.;:!?)]|$)|\\s+(?:and|or|to|through|when|at|he|she|they|it|we|i|you|the|a|an|his|her|their|its|there)\\b)`,
    normalise: (g, context) => {
      if (!/\b(?:on|by|until|till|from|since|before|after|between) $/i.test(context.text.slice(Math.max(0, context.start - 8), context.start))) return null;
      const ref = context.reference();
      const month = ref?.unit === "day" ? ref.ymd : ref?.unit === "month" ? { year: ref.year, month: ref.month } : context.dct;
      const day = Number(g.day);
      return day > daysInMonth(month.year, month.month) ? null : date(formatDay({ year: month.year, month: month.month, day }));
    },
  },
  {
    // "on April 24 and 25": the second day of a pair shares the month of the first.
    name: "conjoined-day",
    trigger: MONTH,
    pattern: `(?<=(?<month>${MONTH}) (?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)? (?:and|or) )(?<day>${DAY_NUMBER})(?![\\d,.]\\d| ?%| percent)`,
    normalise: (g, context) => {
      if (!capitalised(g.month)) return null;
      const month = monthNumber(g.month!)!;
      const day = parseInt(g.day!, 10);
      const year = yearForMonthDay(month, day, context.dct, dateTense(context));
      return day > daysInMonth(year, month) ? null : date(formatDay({ year, month, day }));
    },
  },
  {
    name: "week-of",
    trigger: MONTH,
    pattern: `the week of (?<day>${MONTH} ${DAY_NUMBER}(?:,? ${YEAR})?)`,
    normalise: (g, context) => {
      const day = dayReference(g.day!, context);
      return day ? date(formatAnchor({ unit: "week", ymd: day })) : null;
    },
  },
  {
    // "the second week of March": the ISO week holding the middle of that month's n-th seven days.
    name: "nth-week-of-month",
    trigger: "week of",
    pattern: `(?:the )?(?<nth>first|second|third|fourth|last|final) week of (?<month>${MONTH})(?:,? (?<year>${YEAR}))?`,
    normalise: (g, context) => {
      if (!capitalised(g.month)) return null;
      const month = monthNumber(g.month!)!;
      const year = g.year ? Number(g.year) : yearForMonth(month, context.dct, dateTense(context));
      const nth = lower(g.nth);
      const day = /last|final/.test(nth) ? daysInMonth(year, month) - 3 : 7 * parseOrdinal(nth)! - 3;
      return date(formatAnchor({ unit: "week", ymd: { year, month, day } }));
    },
  },
  {
    name: "day-month",
    trigger: MONTH,
    pattern: `(?:the )?(?<day>${DAY_NUMBER}|${ORDINAL}) (?:of )?(?<month>${MONTH})(?:,? (?<year>${YEAR})(?!\\d))?`,
    normalise: (g, context) => {
      if (!capitalised(g.month)) return null;
      const month = monthNumber(g.month!)!;
      const day = /^\d/.test(g.day!) ? parseInt(g.day!, 10) : parseOrdinal(g.day!);
      if (!day) return null;
      const year = g.year ? Number(g.year) : yearForMonthDay(month, day, context.dct, dateTense(context));
      return day > daysInMonth(year, month) ? null : date(formatDay({ year, month, day }));
    },
  },
  {
    name: "month-year",
    trigger: MONTH,
    pattern: `(?:(?:early|late|mid|the (?:end|beginning|start|middle) of|(?:end|beginning|start|middle) of)[- ]?)?(?<month>${MONTH}),?(?: of)? (?<year>${YEAR_ANY}|'\\d\\d)(?!\\d|,\\d)`,
    normalise: (g) => {
      if (!capitalised(g.month)) return null;
      const year = yearValue(lower(g.year));
      return year === undefined ? null : date(formatMonth(year, monthNumber(g.month!)!));
    },
  },
  {
    name: "month-relative-year",
    trigger: MONTH,
    pattern: `(?<month>${MONTH}) (?:of )?(?<rel>this|last|next) year`,
    normalise: (g, context) => {
      if (!capitalised(g.month)) return null;
      const offset = { this: 0, last: -1, next: 1 }[lower(g.rel) as "this" | "last" | "next"];
      return date(formatMonth(context.dct.year + offset, monthNumber(g.month!)!));
    },
  },
  {
    name: "month",
    trigger: MONTH,
    // Not before a day number: "last Oct. 23" is the day, which the month-day rule reads.
    pattern: `(?:(?<mod>this past|this coming|this|last|next|early|late|mid|the (?:end|beginning|start|middle) of|(?:end|beginning|start|middle) of)[- ]?)?(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Sept\\.|Oct\\.|Nov\\.|Dec\\.|Jan\\.|Feb\\.|Aug\\.)(?! \\d)`,
    normalise: (g, context) => {
      if (!capitalised(g.month)) return null;
      const month = monthNumber(g.month!)!;
      const mod = lower(g.mod);
      const before = context.text.slice(Math.max(0, context.start - 12), context.start).toLowerCase();
      if (/^(may|march)$/i.test(g.month!) && !mod && !/\b(in|since|by|until|through|during|before|after|from|to|of|and|or|last|next|this|early|late|mid|the)\s$/.test(before)) return null;
      const dct = context.dct;
      if (mod === "last" || mod === "this past") return date(formatMonth(month < dct.month ? dct.year : dct.year - 1, month));
      if (mod === "next" || mod === "this coming") return date(formatMonth(month > dct.month ? dct.year : dct.year + 1, month));
      if (mod === "this") return date(formatMonth(dct.year, month));
      const relative = relativeTense(context);
      if (relative === "past") return date(formatMonth(month <= dct.month ? dct.year : dct.year - 1, month));
      return date(formatMonth(yearForMonth(month, dct, dateTense(context)), month));
    },
  },
  {
    name: "season",
    trigger: SEASON,
    pattern: `(?:(?<rel>this past|this coming|this|last|next|early|late|mid|the|(?:the )?(?:early|late|end of the|beginning of the|middle of the))[- ])?(?<season>${SEASON})(?:(?: of)? (?<year>${YEAR_ANY}|'\\d\\d)(?!\\d|,\\d))?`,
    normalise: (g, context) => {
      const rel = lower(g.rel);
      const season = lower(g.season);
      const year = yearValue(lower(g.year));
      if (year !== undefined) return date(seasonValue(year, season));
      const before = context.text.slice(Math.max(0, context.start - 8), context.start);
      const after = context.text.slice(context.end, context.end + 4);
      const introduced = /\b(in|during|by|since|until|through|over|this|last|next)\s+$/i.test(before);
      if (!rel && !introduced) return null;
      // "fall" and "spring" are also verbs and nouns: "the fall of Kabul", "a spring offensive".
      if ((season === "fall" || season === "spring") && !/past|coming|this|last|next|early|late/.test(rel) &&
        !(rel === "the" && introduced && !/^ of\b/.test(after))) return null;
      const order = ["WI", "SP", "SU", "FA"];
      const current = order.indexOf(SEASONS[season]!) < order.indexOf(seasonOf(context.dct.month));
      const offset = rel === "this past" ? (current ? 0 : -1) : rel === "this coming" ? (current ? 1 : 0)
        : /last|past/.test(rel) ? -1 : /next|coming/.test(rel) ? 1 : 0;
      return date(seasonValue(context.dct.year + offset, season));
    },
  },
  {
    // Business shorthand: "Q3", "Q3 2014", "H1 2013", "FY2013"; capitals only ("q3" is no quarter).
    name: "period-code",
    trigger: "q[1-4]|h[12]|fy",
    pattern: `(?:Q(?<q>[1-4])|H(?<h>[12])|FY ?(?=\\d))(?:[ -]?(?<year>${YEAR})|[ -]?'(?<yy>\\d\\d))?`,
    normalise: (g, context) => {
      if (!/^[QHF][1-4Y]/.test(context.text.slice(context.start, context.start + 2))) return null;
      const year = g.year ? Number(g.year) : g.yy ? twoDigitYear(Number(g.yy), context.dct) : undefined;
      if (g.q) return date(`${formatYear(quarterYear("", Number(g.q), year, context))}-Q${g.q}`);
      if (g.h) return date(`${formatYear(year ?? context.dct.year)}-H${g.h}`);
      return year === undefined ? null : date(formatYear(year));
    },
  },
  {
    name: "half-year",
    trigger: "half|two quarters",
    pattern: `(?:the |its )?(?:(?<half>first|second|last|latter|final) half|(?<pair>first|last) two quarters)(?: of (?:(?:fiscal|calendar|the fiscal year) )?(?<year>${YEAR_ANY})| of (?<rel>this|last|next|the|the current) (?:fiscal )?year)?`,
    normalise: (g, context) => {
      const half = lower(g.half ?? g.pair) === "first" ? 1 : 2;
      const rel = lower(g.rel);
      const year = yearValue(lower(g.year)) ?? context.dct.year + (rel === "last" ? -1 : rel === "next" ? 1 : 0);
      if (!g.year && !g.rel && !/^the|^its/i.test(context.text.slice(context.start, context.end))) return null;
      return date(`${formatYear(year)}-H${half}`);
    },
  },
  {
    name: "year",
    trigger: `${YEAR}|nineteen|eighteen|two thousand`,
    pattern: `(?:(?<mod>fiscal|calendar|model|(?:the )?fiscal year|the year|the (?:early|late|mid)|early|late|mid|post|pre|the (?:end|beginning|start|middle|rest|first half|second half|summer|spring|fall|autumn|winter) of|(?:end|beginning|start|middle) of)[- ]?)?(?<year>${YEAR}|${SPELLED_YEAR})(?<poss>'s)?`,
    normalise: (g, context) => {
      const text = context.text;
      const after = text.slice(context.end, context.end + 14);
      const before = text.slice(Math.max(0, context.start - 3), context.start);
      if (/^\d/.test(g.year!)) {
        if (/[$£€#]\s?$|\d[.,]$/.test(before) || /^(?:[.,]\d|\s?%|\s?(?:percent|million|billion|thousand|hundred|shares|people|troops|feet|meters|metres|miles|tons|dollars|yen|marks|francs|points|members|units|cars|barrels)\b)/i.test(after)) return null;
        // "(1200 GMT)": a clock time, which the clock-time rule leaves alone in a gloss.
        if (ZONE_AFTER.test(after)) return null;
        // "about 1700 lawsuits": before 1900 a number counting a plural noun is a count, not a year ("1986 results" is one).
        if (Number(g.year) < 1900 && /^ [a-z]+s\b/.test(after)) return null;
      } else if (/^\s+(?:years?|months?|days?|weeks?|people|dollars)\b/i.test(after)) return null;
      const year = yearValue(lower(g.year));
      if (year === undefined) return null;
      const mod = lower(g.mod);
      // "the 1970's", "the early 1980's": the older spelling of a decade, which the decade rule reads.
      if (g.poss && year % 10 === 0 && (/^(?:the )?(?:early|late|mid)$/.test(mod) || /\bthe $/i.test(text.slice(Math.max(0, context.start - 4), context.start)))) return null;
      if (/^the (first|second) half of$/.test(mod)) return date(`${formatYear(year)}-H${mod.includes("first") ? 1 : 2}`);
      const season = mod.match(/^the (summer|spring|fall|autumn|winter) of$/);
      if (season) return date(seasonValue(year, season[1]!));
      return date(formatYear(year));
    },
  },
  {
    name: "decade",
    trigger: "0s|0['’]s|ties",
    // "the last half of the '80s" is, at TIMEX3's granularity, the decade.
    pattern: `(?:the (?:first|second|last|latter) half of )?(?:(?<the>the) )?(?:(?<mod>early|late|mid)[- ]?)?(?<decade>(?:1[0-9]|20)\\d0['’]?s|'\\d0s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)`,
    normalise: (g, context) => {
      const d = lower(g.decade);
      if (/^[a-z]/.test(d) && !g.the) return null;
      const digit = /^[a-z]/.test(d) ? DECADE_WORDS[d]! : Number(d.replace(/\D/g, "").slice(-2, -1));
      const century = /^\d{4}/.test(d) ? d.slice(0, 2) : context.dct.year >= 2000 && digit === 0 ? "20" : "19";
      return date(`${century}${digit}`);
    },
  },
  {
    name: "century",
    trigger: "century",
    pattern: `(?:the )?(?<ord>${ORDINAL}) century`,
    normalise: (g) => {
      const n = parseOrdinal(lower(g.ord));
      return n ? date(String(n - 1).padStart(2, "0")) : null;
    },
  },
  {
    name: "quarter",
    trigger: "quarter",
    pattern: `(?<pre>(?:(?:the|its|their|a|this|that|last|next|(?:this|last|next|the) year's|year-earlier|year-ago|year-before|prior-year|comparable|same|latest|current|fiscal|calendar|\\d{4}|fiscal[- ]\\d{4})[- ]){0,4})(?<ord>${QUARTER_ORDINAL}|1st|2nd|3rd|4th|final|last(?=[- ](?:fiscal[- ])?quarter of (?:(?:fiscal |calendar |the fiscal year )?\\d{4}|(?:this|last|next|the|the current) (?:fiscal )?year)))[- ](?:fiscal[- ])?quarter(?: of (?:(?:fiscal|calendar|the fiscal year) )?(?<year>${YEAR_ANY})| (?:of )?(?<rel>this|last|next|the|the current) (?:fiscal )?year)?`,
    normalise: (g, context) => {
      const ord = lower(g.ord);
      // "the final quarter", "the last quarter of 2013"; a bare "last quarter" is the one before this (quarter-reference).
      const quarter = ord === "final" || ord === "last" ? 4 : parseOrdinal(ord.replace(/^(\d)(st|nd|rd|th)$/, "$1th")) ?? Number(ord[0]);
      if (!(quarter >= 1 && quarter <= 4)) return null;
      const rel = lower(g.rel);
      const explicit = yearValue(lower(g.year)) ?? (rel && rel !== "the" ? context.dct.year + (rel === "last" ? -1 : rel === "next" ? 1 : 0) : undefined);
      return date(`${formatYear(quarterYear(lower(g.pre), quarter, explicit, context))}-Q${quarter}`);
    },
  },
  {
    // "the second and fourth quarters": each ordinal names its own quarter, the plural shared. After a habitual
    // adverb ("is usually conducted in ...") they recur every year (SET XXXX-Qn), else they are dated like one quarter.
    name: "conjoined-quarters",
    trigger: "quarters",
    pattern: `(?:(?<ord>${QUARTER_ORDINAL})(?= (?:and|or|through|to) (?:the )?${QUARTER_ORDINAL}[- ]quarters\\b${quartersYear("1")})|(?<=\\b${QUARTER_ORDINAL} (?:and|or|through|to) (?:the )?)(?<ord2>${QUARTER_ORDINAL})[- ]quarters${quartersYear("2")})`,
    normalise: (g, context) => {
      const quarter = parseOrdinal(lower(g.ord ?? g.ord2))!;
      const year = g.year1 ?? g.year2;
      const rel = lower(g.rel1 ?? g.rel2);
      const explicit = year ? Number(year) : rel ? context.dct.year + (rel === "last" ? -1 : rel === "next" ? 1 : 0) : undefined;
      if (explicit === undefined && HABITUAL.test(context.text.slice(Math.max(0, context.start - 60), context.start))) return { type: "SET", value: `XXXX-Q${quarter}` };
      return date(`${formatYear(quarterYear("", quarter, explicit, context))}-Q${quarter}`);
    },
  },
  {
    name: "quarter-reference",
    trigger: "quarter|period",
    pattern: `(?<pre>the (?:latest|current|recent|most recent|past|previous|prior|comparable|same|corresponding|year-ago|year-earlier|year-before|\\d{4})(?: fiscal)?|the fiscal|the|this|that|last|next|(?:the )?(?:year-ago|year-earlier)|(?:this|last|next) year's) (?<unit>quarter|period)(?:(?<tail> (?:a year (?:ago|earlier)|last year|of (?:last|the previous) year))| of (?:fiscal )?(?<ofYear>${YEAR}))?`,
    normalise: (g, context) => {
      const pre = lower(g.pre);
      const unit = lower(g.unit);
      // "the last quarter of the century": a fourth of something else.
      if (pre === "last" && /^ of\b/.test(context.text.slice(context.end, context.end + 3))) return null;
      // "the same period of 1985" names its year.
      const yearBack = (/year-ago|year-earlier|year-before|comparable|same|corresponding|last year's/.test(pre) || !!g.tail) && !g.ofYear;
      const inline = g.ofYear?.match(/\d{4}/) ?? pre.match(/\d{4}/);
      if (unit === "period" && !yearBack && !inline && !/latest|current|recent/.test(pre)) return null;
      const current = dctAt(context.dct, "quarter");
      let anchor: Anchor;
      if (/current|this/.test(pre) && !/year's/.test(pre)) anchor = current;
      else if (/^(last|the past|the previous|the prior)$/.test(pre)) anchor = shiftAnchor(current, "quarter", -1);
      else if (pre === "next") anchor = shiftAnchor(current, "quarter", 1);
      else if (/latest|recent/.test(pre)) anchor = shiftAnchor(current, "quarter", -1);
      else anchor = endedQuarter(context) ?? context.topicQuarter() ?? shiftAnchor(current, "quarter", -1);
      if (unit === "period" && comparesYears(context)) anchor = coarsen(anchor, "year");
      if (inline && anchor.unit !== "day" && anchor.unit !== "week") anchor = { ...anchor, year: Number(inline[0]) };
      else if (yearBack) return { ...date(formatAnchor(shiftAnchor(anchor, "year", -1))), derived: true };
      return date(formatAnchor(anchor));
    },
  },
  {
    name: "year-ago-adjective",
    trigger: "year-|prior-year",
    pattern: `(?<w>year-earlier|year-ago|year-before|prior-year)`,
    normalise: (_g, context) => {
      const ref = context.reference();
      const base = context.lastQuarter() ?? (ref && (ref.unit === "quarter" || ref.unit === "year" || ref.unit === "half") ? ref : dctAt(context.dct, "year"));
      return { ...date(formatAnchor(shiftAnchor(comparesYears(context) ? coarsen(base, "year") : base, "year", -1))), derived: true };
    },
  },
  {
    name: "year-end",
    trigger: "end",
    pattern: `(?:the )?(?<w>year-end|year end|year's end|end of the year|end-of-year|end of the month|month-end|month's end)`,
    normalise: (g, context) => lower(g.w).includes("month")
      ? date(formatMonth(context.dct.year, context.dct.month))
      : date(formatYear(context.dct.year)),
  },
  {
    name: "relative-unit",
    pattern: `(?<rel>this past|this coming|the current fiscal|the past fiscal|the (?:past|last|previous|prior|next|coming|current|following|same|latest|full|entire|whole|fiscal|calendar)|last|this|next|past|previous|coming|current|following|that|that same|(?:earlier|later) (?:this|that|in the)|(?:the )?(?:end|beginning|start|middle|rest|balance|remainder) of (?:the|this|last|next)|(?:early|late|mid)[- ](?:this|last|next)|(?:late|early) in the) (?<unit>fiscal year|calendar year|year|month|week|weekend|decade|century)`,
    normalise: (g, context) => relativeUnit(lower(g.rel).replace(/^(the )?(end|beginning|start|middle|rest|balance|remainder) of /, "").replace(/^(early|late|mid)[- ]/, "").replace(/^(earlier|later|late|early) (in )?/, ""), lower(g.unit), context),
  },
  {
    // "twice as high this year as last": an elided unit is the one the comparison named ("this year" ... "last" year).
    name: "elided-last",
    trigger: "(?:as|than) last",
    pattern: "(?<=\\b(?:as|than) )last(?=\\s*[.,;:!?])",
    normalise: (_g, context) => {
      const unit = context.text.slice(Math.max(0, context.start - 80), context.start).match(/.*\bthis (year|month|week|quarter)\b[^.;!?]*$/i)?.[1];
      return unit ? relativeUnit("last", unit.toLowerCase(), context) : null;
    },
  },
  {
    name: "the-weekend",
    trigger: "weekend",
    pattern: `the (?<unit>weekend)`,
    normalise: (g, context) => relativeUnit("the", lower(g.unit), context),
  },
  {
    name: "the-year",
    trigger: "year",
    pattern: `(?<=\\b(?:for|of|during|in) )the (?:fiscal |full |calendar )?year`,
    normalise: (_g, context) => (/^ end(?:ed|ing)\b/.test(context.text.slice(context.end, context.end + 8))
      ? { type: "DURATION", value: "P1Y" }
      : date(formatYear(context.dct.year))),
  },
  {
    // "For the week, the index dropped", "the week's busiest session", "the week following the crash": a week the text
    // leaves unnamed. TimeML marks it with the year and an unknown week (TimeBank does so every time, 4 of 4).
    name: "the-week",
    trigger: "the week",
    pattern: `the week(?=['’]s\\b| following\\b)|(?<=\\b(?:for|of|during|over) )the week(?! (?:of|before|after|ended|ending|that|when|in)\\b)`,
    normalise: (_g, context) => date(`${formatYear(context.dct.year)}-WXX`),
  },
  {
    // "a decades-long battle", "a day-long meeting": the length of what follows.
    name: "unit-long",
    trigger: "-long",
    pattern: `(?<unit>${UNIT})-long`,
    normalise: (g) => {
      const unit = lower(g.unit);
      const value = durationValue(UNIT_PLURAL_RE.test(unit) ? null : 1, unit);
      return value ? { type: "DURATION", value } : null;
    },
  },
  {
    name: "vague-units",
    trigger: UNIT_PLURAL,
    // "for years", "within hours"; "in the days before the attack" names a time near an event, not a span.
    pattern: `(?<=\\b(?:for|within|in|over)(?: the)? )(?<unit>years|months|weeks|decades|centuries|days|hours|minutes)(?! of\\b)`,
    normalise: (g, context) => {
      const unit = lower(g.unit);
      if (/^(?:days|hours|minutes)$/.test(unit) && !/\b(?:for|within) $/i.test(context.text.slice(Math.max(0, context.start - 7), context.start))) return null;
      // "in the weeks before the shooting" too is the time just before an event (a date only the event gives), not a span.
      if (/^ (?:before|preceding|leading up to)\b/i.test(context.text.slice(context.end, context.end + 16)) &&
        /\bin the $/i.test(context.text.slice(Math.max(0, context.start - 7), context.start))) return null;
      // "a coupon of 7 pct in years three, four and five": numbered years of a schedule, not a span.
      if (NUMBER_AFTER.test(context.text.slice(context.end, context.end + 12))) return null;
      return { type: "DURATION", value: durationValue(null, unit)! };
    },
  },
  {
    // "stay for a while": a span of unstated length and unit.
    name: "while",
    trigger: "(?:for|after|within) a (?:little |short |good )?while",
    pattern: `a (?:little |short |good )?while`,
    normalise: (_g, context) => (/\b(?:for|after|within) $/i.test(context.text.slice(Math.max(0, context.start - 7), context.start))
      ? { type: "DURATION", value: "PXX" }
      : null),
  },
  {
    name: "rate",
    trigger: `(?:a|per) ${UNIT_SINGULAR}`,
    pattern: `(?<=(?:\\d|million|billion|trillion|dollars|cents|times|twice|once) )(?:a|per) (?<unit>year|month|week|day|hour|quarter)`,
    normalise: (g) => ({ type: "SET", value: durationValue(1, lower(g.unit))! }),
  },
  {
    name: "relative-day",
    trigger: `${DAY_WORD}|(?:day|night) (?:before|after)`,
    pattern: `(?:(?<pre>early|late|earlier|later|the day before|the day after|the night before)\\s)?(?<day>${DAY_WORD}|(?<=\\bthe (?:day|night) (?:before|after) )(?:last |next |this )?${WEEKDAY})(?:'s)?(?: (?<pod>${PART_OF_DAY}))?`,
    normalise: (g, context) => {
      const pre = lower(g.pre);
      if (!pre && GENERIC_PRESENT.test(context.text.slice(context.start, context.end + 20))) return null;
      if (!pre && /\b(?:people|leaders|world|generations?|children|youth|society|cities|workers|women|men) of\s$/i.test(context.text.slice(Math.max(0, context.start - 14), context.start))) return null;
      const named = g.day!.match(/^(last|next|this) (.+)$/i);
      let day = (named ? weekdayDate(named[2]!, lower(named[1]), context) : dayReference(g.day!, context))!;
      if (pre === "the day before" || pre === "the night before") day = addDays(day, -1);
      if (pre === "the day after") day = addDays(day, 1);
      const pod = lower(g.pod) || (lower(g.day) === "tonight" ? "night" : "") || (pre === "the night before" ? "night" : "");
      return dayWithPart(day, pod);
    },
  },
  {
    // "Today is the eighth day of the blockade", "It's the second day of an offensive": the day the text is written.
    name: "nth-day-today",
    trigger: "day of",
    pattern: `the (?:${ORDINAL}) (?:straight |consecutive )?day(?= of\\b)`,
    normalise: (_g, context) =>
      /\b(?:is|it's|it’s|today's|marks) $/i.test(context.text.slice(Math.max(0, context.start - 8), context.start)) ? date(formatDay(context.dct)) : null,
  },
  {
    name: "part-of-day",
    trigger: `${PART_OF_DAY}`,
    pattern: `(?<rel>this|last|early this|late this|later this|earlier this) (?<pod>${PART_OF_DAY})|(?<over>overnight)|(?<=\\b(?:by|in|until|since|at|from) (?:the )?)(?:mid|early|late)[- ]?(?<pod2>morning|afternoon|evening)(?: (?<day>${DAY_REFERENCE}))?`,
    normalise: (g, context) => {
      const rel = lower(g.rel);
      if (g.over) return dayWithPart(context.dct, "night");
      if (g.pod2) return dayWithPart((g.day ? dayReference(g.day, context) : undefined) ?? context.dct, g.pod2);
      return dayWithPart(rel === "last" ? addDays(context.dct, -1) : context.dct, g.pod);
    },
  },
  {
    name: "anaphoric-day",
    trigger: `day|${PART_OF_DAY}`,
    // "Hopes were dashed Friday. Dealers bought in the morning": after "in" or "during", in a past-tense narrative that has just
    // named a day, a bare part of day is on that day ("people wake up in the morning" is habitual, no date).
    pattern: `(?<rel>the next|the following|the previous|the prior|that|that same|the same|earlier that|later that|the) (?<unit>day|morning|afternoon|evening|night)`,
    normalise: (g, context) => {
      const rel = lower(g.rel);
      if (rel === "the" && (lower(g.unit) === "day" || !/\b(?:in|during) $/i.test(context.text.slice(Math.max(0, context.start - 7), context.start)) ||
        context.tense() !== "past" || !NAMED_DAY.test(context.lead()))) return null;
      // "you have strong redemptions that day": in a present-tense clause "that day" is any such day, no date.
      if (/^(?:that|that same|the same)$/.test(rel) && context.tense() === "present") return null;
      const ref = context.reference();
      const base = ref?.unit === "day" ? ref.ymd : context.dct;
      const shift = /next|following/.test(rel) ? 1 : /previous|prior/.test(rel) ? -1 : 0;
      const unit = lower(g.unit);
      return dayWithPart(addDays(base, shift), unit === "day" ? undefined : unit);
    },
  },
  {
    // "on Monday and Tuesday nights", "Monday or Tuesdays": the first day of a pair shares the plural that makes it recur.
    name: "conjoined-set-weekday",
    trigger: "days|nights|mornings|afternoons|evenings",
    pattern: `(?<wd>${WEEKDAY_NAME})(?= (?:and|or) ${WEEKDAY_NAME}(?:s\\b| (?<pod>nights|mornings|afternoons|evenings)\\b))`,
    normalise: (g) => {
      if (!capitalised(g.wd)) return null;
      const code = g.pod ? PARTS_OF_DAY[g.pod.replace(/s$/, "").toLowerCase()] : undefined;
      return { type: "SET", value: `XXXX-WXX-${weekdayNumber(g.wd!.toLowerCase())}${code ? `T${code}` : ""}` };
    },
  },
  {
    name: "weekday",
    trigger: WEEKDAY,
    pattern: `(?:(?<rel>this past|this coming|the previous|the following|the next|last|this|next|early|late|earlier|later)\\s)?(?<wd>${WEEKDAY})(?:'s)?(?: (?<pod>${PART_OF_DAY}))?`,
    normalise: (g, context) => {
      if (!capitalised(g.wd)) return null;
      const rel = lower(g.rel).replace(/^(early|late|earlier|later)$/, "");
      // "Wednesday's ruling": a possessive weekday names something that has already happened.
      const possessive = /'s$/.test(context.text.slice(context.start, context.end));
      const day = weekdayDate(g.wd!, rel || (possessive ? "possessive" : ""), context);
      // "Friday night" is dated as the day: TimeBank/AQUAINT give the plain day 9 times (5 of them tagging the weekday
      // alone), TNI 6, TEV 3. Morning, afternoon and evening keep their part of day.
      return day ? dayWithPart(day, lower(g.pod) === "night" ? undefined : g.pod) : null;
    },
  },
  {
    name: "holiday",
    trigger: "christmas|new year|thanksgiving|independence|fourth of july|halloween|easter|good friday|valentine|labor day|memorial day|election day|veterans day|boxing day",
    pattern: `(?:(?<rel>last|this|next) )?(?<h>Christmas(?: Day| Eve)?|New Year['’]s (?:Day|Eve)|Thanksgiving(?: Day)?|Independence Day|the Fourth of July|Halloween|Easter(?: Sunday)?|Good Friday|Valentine['’]s Day|Labor Day|Memorial Day|Election Day|Veterans Day|Boxing Day)(?<week> week)?(?:,? (?<year>${YEAR}))?`,
    normalise: (g, context) => {
      if (!capitalised(g.h!.replace(/^the /, ""))) return null;
      const make = HOLIDAYS[lower(g.h).replace(/’/g, "'")];
      if (!make) return null;
      const rel = lower(g.rel);
      const dct = context.dct;
      // "Easter week" is the week the holiday falls in.
      const value = (day: Ymd): Resolution => date(g.week ? formatAnchor({ unit: "week", ymd: day }) : formatDay(day));
      if (g.year) return value(make(Number(g.year)));
      const thisYear = make(dct.year);
      const before = formatDay(thisYear) <= formatDay(dct);
      let year = dct.year;
      if (rel === "last") year = before ? dct.year : dct.year - 1;
      else if (rel === "next") year = before ? dct.year + 1 : dct.year;
      else if (!rel) year = yearForMonthDay(thisYear.month, thisYear.day, dct, dateTense(context));
      return value(make(year));
    },
  },
  {
    name: "ago",
    trigger: "ago|earlier|later|back|from now|hence|before|after that|previously",
    pattern: `(?:(?:about|around|approximately|nearly|almost|roughly|some|more than|less than|over|at least|exactly|a full) )?(?:(?<q>${QUANTITY}) (?:(?:more|long|full|short) )?(?<unit>${UNIT})|(?<units>${UNIT_PLURAL}))(?: or so)? (?<dir>ago|earlier|later|back|from now|hence|before that|after that|previously|before(?= ?[.,;:!?)]|$))`,
    normalise: (g, context) => {
      const amount = g.units ? null : parseQuantity(lower(g.q));
      const dir = lower(g.dir);
      const forward = /later|from now|hence|after/.test(dir);
      if (amount === undefined) return null;
      const unitWord = lower(g.unit ?? g.units);
      // "three days later" is a duration and a signal in TimeML; "a year earlier" (or, ending a clause, "a year before") names a date.
      if (/^(earlier|later|before)$/.test(dir) && !/^(year|month|quarter|decade|centur)/.test(unitWord)) return null;
      if (amount === null) return date(forward ? "FUTURE_REF" : "PAST_REF");
      const shift = shiftUnit(unitWord);
      if (!shift) return null;
      const sign = forward ? 1 : -1;
      const steps = amount * shift.factor;
      const ref = context.reference();
      const anaphoric = /earlier|later|before|after that|previously/.test(dir);
      const wholeSteps = Number.isInteger(steps) ? steps : Math.round(steps * 12) / 12;
      const unit = Number.isInteger(steps) ? shift.unit : "month";
      const count = Number.isInteger(steps) ? steps : Math.round(wholeSteps * 12);
      // In an earnings report "a year ago" is the same period of the year before.
      const period = context.lastQuarter() ?? (ref && (ref.unit === "quarter" || ref.unit === "half") ? ref : undefined);
      if (shift.unit === "year" && steps === 1 && period && (period as { year: number }).year >= context.dct.year - 1) {
        const base = comparesYears(context) ? coarsen(period, "year") : period;
        return { ...date(formatAnchor(shiftAnchor(base, "year", sign))), derived: true };
      }
      if (anaphoric && ref) return { ...date(formatAnchor(shiftAnchor(coarsen(ref, unit), unit, sign * count))), derived: true };
      return date(formatAnchor(shiftAnchor(dctAt(context.dct, unit), unit, sign * count)));
    },
  },
  {
    name: "duration",
    pattern: `(?<mod>(?:(?:${MODIFIER}|${DURATION_DETERMINER}) ){0,2})(?<q>${QUANTITY})(?:(?: to | or |-| and )(?<q2>${QUANTITY}))?[ -](?:(?:more|additional|full|long|straight|consecutive|trading|business|working|calendar|successive|short|solid)[ -])?(?<unit>${UNIT})(?<adj>-(?:long|old))?(?<half> and a half)?(?: or so)?`,
    normalise: (g, context) => {
      const q = lower(g.q);
      const mod = lower(g.mod);
      const whole = parseQuantity(q);
      // "a minute and a half", "two years and a half"
      const amount = g.half && typeof whole === "number" ? whole + 0.5 : whole;
      if (amount === undefined) return null;
      const unitWord = lower(g.unit);
      // "a decades-long fight": an article before a plural unit counts nothing ("decades-long" is read on its own).
      if (/^(a|an)$/.test(q) && UNIT_PLURAL_RE.test(unitWord)) return null;
      if (/^(a|an)$/.test(q) && !mod && !g.half) {
        const before = context.text.slice(Math.max(0, context.start - 16), context.start);
        // "$2 million a year", "700 seats a week", "24 hours a day": a rate, not a span.
        if (RATE_BEFORE.test(before)) return null;
        // "a second group", "a calendar year" (the kind of year): only after a word that takes a span.
        const ambiguous = unitWord === "second" || /calendar|fiscal|business|working/i.test(context.text.slice(context.start, context.end));
        if (ambiguous && !/\b(for|in|within|over|after|than|lasted|last|lasts|take|takes|took|spent|spend)\s$/i.test(before)) return null;
        // "in a second stage", "for a second term": an ordinal before its noun.
        if (unitWord === "second" && /^ (?!(?:or|and|of|to|later|ago|before|after|earlier|longer|more|less|than|as|when|in|on|at|for|the|that|this)\b)[a-z]/.test(context.text.slice(context.end, context.end + 12))) return null;
      }
      if (/^(some|many|few)$/.test(q) && !UNIT_PLURAL_RE.test(unitWord)) return null;
      // "the 1986 full year", "its 1985 year": a year-like number before a singular unit names that year, which the year rule reads.
      if (/^(?:1[5-9]|20)\d\d$/.test(q) && !UNIT_PLURAL_RE.test(unitWord)) return null;
      if (/^(recent|coming)$/.test(mod)) return null;
      const after = context.text.slice(context.end, context.end + 8);
      if (/^(year|years)$/.test(unitWord) && (g.adj === "-old" || /^[ -]old\b/.test(after))) return null;
      // "their 6-month-old son": a person's age, which TimeML leaves alone ("an 8-month-old truce" is a span).
      if (g.adj === "-old" && PERSON_AFTER.test(context.text.slice(context.end, context.end + 16))) return null;
      // "a quarter of the vote", "three-quarters": fractions, not spans of time.
      if (/^quarter/.test(unitWord) && ((/^(a|an|one|two|three)$/.test(q) && /^ of\b/.test(after)) || /-quarters$/.test(lower(context.text.slice(context.start, context.end))))) return null;
      if (/^[A-Z]/.test(g.unit!) && !/^[A-Z]/.test(context.text[context.start] ?? "")) return null;
      // "Islam will one day be ...": "one day" after a modal or a subject means some day to come.
      if (q === "one" && unitWord === "day" && !mod &&
        /\b(?:will|would|could|might|may|can|shall|should|must|he|she|they|we|i|you|it)\s$/i.test(context.text.slice(Math.max(0, context.start - 7), context.start))) {
        return date("FUTURE_REF");
      }
      const value = durationValue(amount, unitWord);
      return value ? { type: "DURATION", value } : null;
    },
  },
  {
    name: "recent-units",
    pattern: `(?<w>recent|past|the coming|coming|upcoming|the (?:next|last|past) (?:few|several)|the early) (?<unit>${UNIT_PLURAL})`,
    normalise: (g, context) => {
      const w = lower(g.w);
      // "in the early hours of Thursday": part of the day named next, which that day's rule dates; no span of its own.
      if (w === "the early" && lower(g.unit) === "hours" && /^ of\b/.test(context.text.slice(context.end, context.end + 4))) return null;
      if (/few|several|early/.test(w)) return { type: "DURATION", value: durationValue(null, lower(g.unit))! };
      return date(/recent|past/.test(w) ? "PAST_REF" : "FUTURE_REF");
    },
  },
  {
    name: "present",
    pattern: `(?<w>right now|just now|now|currently|current|these days|nowadays|at present|at the moment|at this time|presently|to date|so far)`,
    normalise: (g, context) => {
      const w = lower(g.w);
      const after = context.text.slice(context.end, context.end + 16).toLowerCase();
      if (w === "current" && /^\s*(account|assets|liabilit|events|affairs|policy|law|rules|system|level|levels|price|prices|rate|rates|members|member|trend)/.test(after)) return null;
      if (w === "now" && /^-/.test(after)) return null;
      // "Now, he says, ...", "Currently, Avon has ...": a sentence-opening adverb set off by a comma frames the
      // sentence rather than dating it; none of the 5 in TimeBank/AQUAINT (5 documents) is annotated.
      if ((w === "now" || w === "currently") && /^,/.test(after) && opensSentence(context.text, context.start)) return null;
      if (/^(to date|so far|at this time|presently|at the moment)$/.test(w)) return null;
      // "the then current price": current at a past time.
      if (w === "current" && /\bthen\s$/i.test(context.text.slice(Math.max(0, context.start - 6), context.start))) return date("PAST_REF");
      return date("PRESENT_REF");
    },
  },
  {
    name: "past",
    trigger: "recent|past",
    // "until recently", "only recently": the preposition and the focus adverb stay outside; "as recently as 1989" is no expression.
    pattern: `(?<w>(?:more |most |as )?recently|the past|the distant past|the recent past)`,
    normalise: (g, context) => {
      const w = lower(g.w);
      if (w.startsWith("as ")) return null;
      // "the past three summers", "the past several weeks": the start of a longer expression, not the past at large.
      if (w === "the past" && new RegExp(`^\\s+(?:decade|century|year|month|week|quarter|\\d|(?:${QUANTITY})\\b)`, "i").test(context.text.slice(context.end, context.end + 30))) return null;
      return date("PAST_REF");
    },
  },
  {
    name: "future",
    trigger: "soon|future|date|term",
    pattern: `(?<w>as soon as possible|an? (?:later|future) date|the (?:near |distant |foreseeable |immediate )?future|(?:near |foreseeable )?future(?= (?:years|months|quarters|periods|generations))|the (?:near|short|long) term|soon)`,
    normalise: (g, context) => {
      const w = lower(g.w);
      if (/long term/.test(w)) return null;
      // "will soon", "to soon grow", "soon will": soon as a time; "soon after", "soon became" relate two events.
      if (w === "soon" && !/\b(?:will|may|might|would|could|should|can|to)\s$/i.test(context.text.slice(Math.max(0, context.start - 7), context.start)) &&
        !/^\s(?:will|to)\b/.test(context.text.slice(context.end, context.end + 6))) return null;
      return date("FUTURE_REF");
    },
  },
  {
    name: "set-adverb",
    trigger: "ly",
    pattern: `(?<w>daily|weekly|monthly|yearly|annually|hourly|nightly|biweekly|semiannually)`,
    normalise: (g, context) => {
      if (/^[A-Z]/.test(g.w!) && !/(^|[.!?"]\s+|\n\s*)$/.test(context.text.slice(Math.max(0, context.start - 3), context.start))) return null;
      // "rise 8.5% annually", "10,000 units annually": a rate of growth or output, not a recurring time.
      if (RATE_BEFORE.test(context.text.slice(Math.max(0, context.start - 16), context.start))) return null;
      const value = setValue(lower(g.w));
      return value ? { type: "SET", value } : null;
    },
  },
  {
    name: "set-every",
    trigger: "every|each|per|once|twice|times",
    pattern: `(?:(?<every>every|each|per)(?: (?<other>other))?|(?<times>once|twice|three times|four times|\\d+ times) (?:a|an|per|every|each)) (?:(?<q>${QUANTITY}) )?(?<unit>${UNIT}|${WEEKDAY}|${MONTH}|${SEASON})`,
    normalise: (g, context) => {
      const unitWord = lower(g.unit);
      // "15 million instructions per second", "60 miles per hour": a unit of measure (a speed), not a recurrence.
      if (lower(g.every) === "per" && /^(?:second|minute|hour)$/.test(unitWord) &&
        RATE_BEFORE.test(context.text.slice(Math.max(0, context.start - 16), context.start))) return null;
      const isoDay = weekdayNumber(unitWord);
      if (isoDay && /^[A-Z]/.test(g.unit!)) return { type: "SET", value: `XXXX-WXX-${isoDay}` };
      const month = monthNumber(unitWord);
      if (month && /^[A-Z]/.test(g.unit!)) return { type: "SET", value: `XXXX-${String(month).padStart(2, "0")}` };
      if (SEASONS[unitWord]) return { type: "SET", value: `XXXX-${SEASONS[unitWord]}` };
      const amount = g.q ? parseQuantity(lower(g.q)) : 1;
      if (amount === undefined) return null;
      // "every few days": a recurrence at a period of unstated length (PXD).
      const value = durationValue(amount !== null && g.other ? amount * 2 : amount, unitWord);
      return value ? { type: "SET", value } : null;
    },
  },
  {
    name: "set-weekdays",
    trigger: "days|nights|mornings|afternoons|evenings",
    pattern: `(?<wd>${WEEKDAY_NAME}s|${WEEKDAY_NAME} (?:nights|mornings|afternoons|evenings))`,
    normalise: (g) => {
      const [day, part] = g.wd!.split(" ");
      const isoDay = weekdayNumber(day!.replace(/s$/, ""));
      const code = part ? PARTS_OF_DAY[part.replace(/s$/, "").toLowerCase()] : undefined;
      return isoDay ? { type: "SET", value: `XXXX-WXX-${isoDay}${code ? `T${code}` : ""}` } : null;
    },
  },
];

/** "today's youth", "in today's world": the present age at large, not the day. */
const GENERIC_PRESENT = /^(?:today|tomorrow)['’]s (?:world|youth|young|generation|society|children|kids|personal|computers|technology|economy|culture|standards|global)\b/i;
const UNIT_PLURAL_RE = new RegExp(`^${UNIT_PLURAL}$`);
const ZONE_AFTER = new RegExp(`^ (?:${TIMEZONE}|local)\\b`, "i");
const NUMBER_AFTER = new RegExp(`^ (?:\\d|${SPELLED_NUMBER}\\b)`, "i");
const NAMED_DAY = new RegExp(`\\b${DAY_REFERENCE}\\b`, "i");
const PERSON_AFTER = /^ (?:son|daughter|boy|girl|baby|child|infant|twins?|grandson|granddaughter|brother|sister|man|woman)s?\b/i;
const RATE_BEFORE = /(?:[\d%]|\b(?:million|billion|trillion|thousand|hundred|dozen|once|twice|times|percent|pct)|\b(?!(?:was|has|is|as|this|its|his|thus|us|perhaps|always|less|unless|across|plus|towards|afterwards|sometimes|yes)\b)[a-z]{2,}s)\s$/i;
