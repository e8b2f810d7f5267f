/**
 * Word lists and regex fragments for English time expressions, plus the parsers that turn
 * the matched words back into numbers. Fragments are non-capturing so rules can name their own groups.
 */

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

/** ISO weekday numbers (Monday = 1). */
export const WEEKDAYS: Record<string, number> = {
  monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4, thur: 4,
  thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};

export const SEASONS: Record<string, string> = { spring: "SP", summer: "SU", fall: "FA", autumn: "FA", winter: "WI" };

export const PARTS_OF_DAY: Record<string, string> = {
  morning: "MO", afternoon: "AF", evening: "EV", night: "NI", overnight: "NI",
};

const ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const ORDINAL_ONES = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
const ORDINAL_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
  "seventeenth", "eighteenth", "nineteenth"];
const ORDINAL_TENS: Record<string, number> = { twentieth: 20, thirtieth: 30 };

const alt = (words: readonly string[]): string => words.filter((w) => w).join("|");

const WORD_BELOW_100 = `(?:(?:${alt(TENS)})(?:[- ](?:${alt(ONES.slice(1))}))?|${alt(TEENS)}|${alt(ONES)})`;
/** A spelled-out cardinal up to the thousands: "seventy-five", "two hundred", "a hundred". */
export const SPELLED_NUMBER = `(?:(?:${WORD_BELOW_100}|a) (?:hundred|thousand)(?: (?:and )?${WORD_BELOW_100})?|${WORD_BELOW_100}|dozen)`;
const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)`;
/** Quantities that may count time units; vague ones ("several") normalise to X. */
export const QUANTITY =
  `(?:${DIGITS}(?:[ -]\\d/\\d| and a half)?|${SPELLED_NUMBER}(?: and a half)?|an? (?:couple of|few|dozen)|a half|` +
  `a|an|one and a half|a couple of|couple of|several|a number of|some|many|few)`;

export const ORDINAL = `(?:\\d{1,2}(?:st|nd|rd|th)|${alt(ORDINAL_TEENS)}|(?:twenty|thirty)(?:[- ](?:${alt(ORDINAL_ONES)}))?|${alt(ORDINAL_ONES)}|twentieth|thirtieth)`;

export const MONTH = `(?:${Object.keys(MONTHS).sort((a, b) => b.length - a.length).map((m) => (m.length <= 4 && m !== "may" && m !== "june" && m !== "july" ? `${m}\\.?` : m)).join("|")})`;
export const WEEKDAY = `(?:${Object.keys(WEEKDAYS).filter((d) => d.length > 4 || d === "tues" || d === "thurs").sort((a, b) => b.length - a.length).join("|")})`;
export const SEASON = `(?:${Object.keys(SEASONS).join("|")})`;
export const PART_OF_DAY = "(?:morning|afternoon|evening|night)";
export const YEAR = "(?:1[0-9]\\d\\d|20\\d\\d)";
export const TIMEZONE = "(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T)";
export const DAY_NUMBER = "(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";

/** Time units and their TIMEX3 duration letters; `T` marks time-of-day units (PT5H). */
export const UNITS: Record<string, { letter: string; time?: boolean; multiplier?: number }> = {
  year: { letter: "Y" }, month: { letter: "M" }, week: { letter: "W" }, day: { letter: "D" },
  fortnight: { letter: "W", multiplier: 2 }, quarter: { letter: "Q" }, decade: { letter: "Y", multiplier: 10 },
  century: { letter: "Y", multiplier: 100 }, hour: { letter: "H", time: true }, minute: { letter: "M", time: true },
  second: { letter: "S", time: true }, weekend: { letter: "WE" }, night: { letter: "D" },
};
export const UNIT_SINGULAR = "(?:year|month|week|day|fortnight|quarter|decade|century|hour|minute|second)";
export const UNIT_PLURAL = "(?:years|months|weeks|days|fortnights|quarters|decades|centuries|hours|minutes|seconds)";
export const UNIT = `(?:${UNIT_PLURAL}|${UNIT_SINGULAR})`;

export function unitOf(word: string): string {
  const w = word.toLowerCase();
  if (w === "centuries") return "century";
  return w.endsWith("s") && w !== "s" ? w.slice(0, -1) : w;
}

export function monthNumber(word: string): number | undefined {
  return MONTHS[word.toLowerCase().replace(/\.$/, "")];
}

/** "Tuesday", "Tue.", "Tuesday's", "Tuesdays" → 2. */
export function weekdayNumber(word: string): number | undefined {
  return WEEKDAYS[word.toLowerCase().replace(/\.$/, "").replace(/'s$/, "").replace(/s$/, "")];
}

function wordBelow100(word: string): number | undefined {
  const parts = word.split(/[- ]/);
  if (parts.length === 2) {
    const tens = TENS.indexOf(parts[0]!);
    const ones = ONES.indexOf(parts[1]!);
    return tens >= 2 && ones >= 1 ? tens * 10 + ones : undefined;
  }
  const w = parts[0]!;
  if (ONES.includes(w)) return ONES.indexOf(w);
  if (TEENS.includes(w)) return 10 + TEENS.indexOf(w);
  if (TENS.includes(w) && w !== "") return TENS.indexOf(w) * 10;
  if (w === "dozen") return 12;
  return undefined;
}

/** The number a quantity phrase stands for; null when it is vague ("several", "a few"). */
export function parseQuantity(phrase: string): number | null | undefined {
  const p = phrase.toLowerCase().trim().replace(/\s+/g, " ");
  if (/^(several|a number of|some|many|few|an? few)$/.test(p)) return null;
  if (/^(a|an|one)$/.test(p)) return 1;
  if (/^(a|an)? ?couple of$/.test(p)) return 2;
  if (p === "a dozen" || p === "dozen") return 12;
  if (p === "a half") return 0.5;
  if (p === "one and a half") return 1.5;
  const half = p.match(/^(.*) and a half$/);
  if (half) {
    const base = parseQuantity(half[1]!);
    return base == null ? base : base + 0.5;
  }
  // "2 1/2", and wire copy's "2-1/2"
  const fraction = p.match(/^(\d+)[ -](\d)\/(\d)$/);
  if (fraction) return Number(fraction[1]) + Number(fraction[2]) / Number(fraction[3]);
  if (/^[\d,.]+$/.test(p)) return Number(p.replace(/,/g, ""));
  const big = p.match(/^(.+?) (hundred|thousand)(?: (?:and )?(.+))?$/);
  if (big) {
    const head = big[1] === "a" ? 1 : wordBelow100(big[1]!);
    const tail = big[3] ? wordBelow100(big[3]) : 0;
    if (head === undefined || tail === undefined) return undefined;
    return head * (big[2] === "hundred" ? 100 : 1000) + tail;
  }
  return wordBelow100(p);
}

export function parseOrdinal(word: string): number | undefined {
  const w = word.toLowerCase();
  const digits = w.match(/^(\d+)(?:st|nd|rd|th)$/);
  if (digits) return Number(digits[1]);
  if (ORDINAL_ONES.includes(w)) return ORDINAL_ONES.indexOf(w);
  if (ORDINAL_TEENS.includes(w)) return 10 + ORDINAL_TEENS.indexOf(w);
  if (w in ORDINAL_TENS) return ORDINAL_TENS[w];
  const compound = w.match(/^(twenty|thirty)[- ](\w+)$/);
  if (compound) {
    const ones = ORDINAL_ONES.indexOf(compound[2]!);
    return ones > 0 ? TENS.indexOf(compound[1]!) * 10 + ones : undefined;
  }
  return undefined;
}

/** A year written out: "nineteen ninety-six", "two thousand", "two thousand and one". */
export const SPELLED_YEAR = `(?:(?:nineteen|eighteen) (?:${WORD_BELOW_100}|hundred)|two thousand(?: (?:and )?${WORD_BELOW_100})?)`;

export function parseSpelledYear(phrase: string): number | undefined {
  const p = phrase.toLowerCase().replace(/\s+/g, " ");
  const millennium = p.match(/^two thousand(?: (?:and )?(.+))?$/);
  if (millennium) {
    const tail = millennium[1] ? wordBelow100(millennium[1]) : 0;
    return tail === undefined ? undefined : 2000 + tail;
  }
  const m = p.match(/^(nineteen|eighteen|twenty) (.+)$/);
  if (!m) return undefined;
  const century = wordBelow100(m[1]!)!;
  const rest = m[2] === "hundred" ? 0 : wordBelow100(m[2]!);
  return rest === undefined ? undefined : century * 100 + rest;
}

export const DECADE_WORDS: Record<string, number> = {
  twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9,
};
