/**
 * The time-expression component: finds TIMEX3 expressions in text and normalises them against
 * the document creation time (DCT). Rules propose candidate spans; the longest non-overlapping
 * ones win; then they are normalised in reading order so anaphoric ones ("a year earlier",
 * "the quarter") can lean on the dates mentioned before them, or on the quarter the document is about.
 */
import type { Timex } from "../../model/index.js";
import { type Anchor, parseAnchor } from "./anchor.js";
import { parseYmd, type Ymd } from "./calendar.js";
import { previousSentenceStart, sentenceStarts, type Tense, tenseAround } from "./context.js";
import { type CandidateView, decide, defaultModel, type Model } from "./learned.js";
import { type Resolution, RULES, type Rule, type RuleContext } from "./rules.js";
import { spaced } from "./whitespace.js";

interface Candidate {
  start: number;
  end: number;
  rule: Rule;
  groups: Record<string, string | undefined>;
  order: number;
}

/** One regex per distinct trigger: the month rules share theirs, and a document is scanned for it once. */
const TRIGGERS = new Map(RULES.flatMap((rule) => (rule.trigger === undefined ? [] : [[rule.trigger, new RegExp(rule.trigger, "i")] as const])));

const COMPILED = RULES.map((rule, order) => ({
  rule,
  order,
  // "quarter-to-quarter", "year-to-year" compare periods without naming one.
  regex: new RegExp(`(?:${rule.pattern})(?![\\w]|-to-\\w)`, "gi"),
  trigger: rule.trigger === undefined ? undefined : TRIGGERS.get(rule.trigger),
}));

/**
 * What may not come just before an expression: a word character or currency sign, "...-to-", or, before a number of
 * one or two digits, a number and a slash ("the 1986/87 year" is a split year, not a span of 87 years). Checked
 * outside the rules' regexes because a leading lookbehind stops the engine from skipping ahead to
 * where a match can begin, and 40 patterns scan every document.
 */
const BLOCKED_BEFORE = /(?:[\w$£€]|\w-to-)$/;

function blockedBefore(text: string, index: number): boolean {
  if (index === 0) return false;
  if (BLOCKED_BEFORE.test(text.slice(Math.max(0, index - 5), index))) return true;
  return /\d\/$/.test(text.slice(index - 2, index)) && /^\d{1,2}\b/.test(text.slice(index, index + 3));
}

interface Source {
  /** The document's text with its whitespace runs as single spaces (./whitespace.ts): what the rules read. */
  text: string;
  dct: Ymd;
  sentences: number[];
  /** The tense around each span asked about, by "start:end": rules and the learned stage ask again for the same span. */
  tenses: Map<string, Tense | undefined>;
}

interface References {
  /** The last concrete date mentioned. */
  last?: Anchor;
  /** The last quarter mentioned. */
  quarter?: Anchor;
  /** The quarter the document mentions most often by name: the period an earnings report is about. */
  topicQuarter?: Anchor;
}

function tense({ text, sentences, tenses }: Source, start: number, end: number): Tense | undefined {
  const key = `${start}:${end}`;
  if (tenses.has(key)) return tenses.get(key);
  const found = tenseAround(text, sentences, start, end);
  tenses.set(key, found);
  return found;
}

function context(source: Source, start: number, end: number, refs: References): RuleContext {
  const { text, dct, sentences } = source;
  return {
    dct,
    text,
    start,
    end,
    tense: () => tense(source, start, end),
    reference: () => refs.last,
    lastQuarter: () => refs.quarter ?? refs.topicQuarter,
    topicQuarter: () => refs.topicQuarter,
    lead: () => text.slice(previousSentenceStart(sentences, start), start),
  };
}

/**
 * "VOA Today", ABC's "This Week", "High Noon": a common time word capitalised in mid-sentence
 * is part of a title, not a time expression. A line starts after a blank line only: a lone line break is wrapping.
 */
function inTitle(text: string, start: number): boolean {
  if (!/^(?:Today|Tonight|Tomorrow|Yesterday|Now|Noon|Midnight|This|Last|Next)\b/.test(text.slice(start, start + 9))) return false;
  const before = text.slice(Math.max(0, start - 6), start);
  return !/(?:^\s*|[.!?:;]["'`’”)]*\s+["'`‘“(]*|\n\s*["'`‘“(]*)$/.test(before) && start > 0;
}

function candidates(source: Source): Candidate[] {
  const { text } = source;
  const found: Candidate[] = [];
  const present = new Map<RegExp, boolean>();
  const contains = (trigger: RegExp): boolean => present.get(trigger) ?? present.set(trigger, trigger.test(text)).get(trigger)!;
  for (const { rule, order, regex, trigger } of COMPILED) {
    if (trigger && !contains(trigger)) continue;
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      if (m[0].length === 0 || blockedBefore(text, m.index)) {
        regex.lastIndex = m.index + 1;
        continue;
      }
      if (inTitle(text, m.index)) continue;
      const candidate = { start: m.index, end: m.index + m[0].length, rule, groups: { ...m.groups }, order };
      // Structural validity does not depend on anaphora, so an empty reference suffices here.
      if (rule.normalise(candidate.groups, context(source, candidate.start, candidate.end, {}))) found.push(candidate);
    }
  }
  return found;
}

/** Longest first, then earlier rule, then leftmost; overlapping losers are dropped. */
function select(found: Candidate[]): Candidate[] {
  const ranked = [...found].sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.order - b.order || a.start - b.start);
  const chosen: Candidate[] = [];
  for (const candidate of ranked) {
    if (chosen.every((c) => candidate.end <= c.start || candidate.start >= c.end)) chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** The most often named quarter ("the third quarter", "third-quarter"), the earliest named on a tie. */
function topicQuarter(source: Source, chosen: Candidate[]): Anchor | undefined {
  const counts = new Map<string, number>();
  for (const candidate of chosen) {
    if (candidate.rule.name !== "quarter") continue;
    const value = candidate.rule.normalise(candidate.groups, context(source, candidate.start, candidate.end, {}))?.value;
    // A report is about a recent period; "the third quarter of 1984" is history.
    if (value && Number(value.slice(0, 4)) >= source.dct.year - 1) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best ? parseAnchor(best[0]) : undefined;
}

/**
 * TimeML extents leave out a possessive ending ("Friday's"), a possessive determiner ("its third quarter") and the
 * article of an adjectival expression ("a third-quarter loss", "a day-long meeting", "the 30-day period"); rules match them to read the context.
 */
function trimExtent(text: string, start: number, end: number, rule: string): { start: number; end: number } {
  const span = text.slice(start, end);
  // "the 1970's" is a plural, not a possessive.
  const possessive = /['’]s$/.test(span) && rule !== "decade" ? 2 : 0;
  const article = span.match(/^(?:its |their |(?:a|an|the|that) (?=[\w-]+-(?:quarter|long|old|year|month|week|day|hour|minute|decade|century)$))/i);
  return { start: start + (article ? article[0].length : 0), end: end - possessive };
}

/** A rule's reading of one expression, with what the learned decisions look at. */
export interface RuleTimex {
  timex: Timex;
  view: CandidateView;
}

/**
 * The rules' pass: every expression they find, normalised, before the learned decisions.
 * Anaphora lean on the rules' own values, so the learned stage sees the same input in training and use.
 * The rules and the learned stage read the text with its whitespace runs collapsed; the timexes point into `text` itself.
 */
export function ruleTimexes(text: string, dct: string): RuleTimex[] {
  const spacing = spaced(text);
  const source: Source = { text: spacing.text, dct: parseYmd(dct), sentences: sentenceStarts(spacing.text), tenses: new Map() };
  const chosen = select(candidates(source));
  const refs: References = { topicQuarter: topicQuarter(source, chosen) };
  const out: RuleTimex[] = [];
  for (const candidate of chosen) {
    const ruleContext = context(source, candidate.start, candidate.end, refs);
    const resolution: Resolution | null = candidate.rule.normalise(candidate.groups, ruleContext);
    if (!resolution) continue;
    const { start, end } = trimExtent(source.text, candidate.start, candidate.end, candidate.rule.name);
    const [from, to] = [spacing.toOriginal(start), spacing.toOriginal(end)];
    out.push({
      timex: { start: from, end: to, text: text.slice(from, to), type: resolution.type, value: resolution.value },
      view: {
        text: source.text, start, end, rule: candidate.rule.name, type: resolution.type, value: resolution.value, dct: source.dct,
        tense: ruleContext.tense(),
      },
    });
    if ((resolution.type === "DATE" || resolution.type === "TIME") && !resolution.derived) {
      const parsed = parseAnchor(resolution.value);
      if (parsed) {
        refs.last = parsed;
        if (parsed.unit === "quarter" && parsed.year >= source.dct.year - 1) refs.quarter = parsed;
      }
    }
  }
  return out;
}

/** The learned decisions applied to the rules' readings: some are dropped, some values rewritten. */
export function applyModel(found: RuleTimex[], model: Model): Timex[] {
  const out: Timex[] = [];
  for (const { timex, view } of found) {
    const value = decide(model, view);
    if (value === null) continue;
    // "Friday night" read as the day alone is a DATE.
    const type = timex.type === "TIME" && !/T/.test(value) ? "DATE" : timex.type;
    out.push({ ...timex, type, value });
  }
  return out;
}

/**
 * Finds and normalises the time expressions of `text`, anchored at the document creation
 * time `dct` (YYYY-MM-DD). Offsets index `text` exactly (UTF-16 code units, as JavaScript strings do).
 */
export function extractTimexes(text: string, dct: string, model: Model = defaultModel()): Timex[] {
  return applyModel(ruleTimexes(text, dct), model);
}
