/**
 * Learned decisions on top of the rules, where TimeML annotators' practice is a matter of
 * context rather than grammar: whether a candidate is annotated at all ("now", "recent",
 * "the future", a headline's "Today"), and which reading of an underspecified value they chose
 * (a bare "Friday" a week back or ahead, a month name last year or next, "a year ago" as a
 * year or a quarter, "Friday night" as a plain day). Both are logistic regressions over sparse
 * context features, trained on TimeBank/AQUAINT by `npm run train:timex` (./train.ts).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { addDays, daysBetween, formatDay, formatYear, parseYmd, quarterOf, type Ymd } from "./calendar.js";
import type { Tense } from "./context.js";

export const MODEL_PATH = fileURLToPath(new URL("../../../models/timex/model.json", import.meta.url));

/** A rewrite of a rule's value; the value classifier picks one of these (or none: "same"). */
interface Transform {
  name: string;
  apply(value: string, dct: Ymd): string | undefined;
}

const DAY = /^(\d{4}-\d{2}-\d{2})(T.*)?$/;
const shiftDays = (days: number) => (value: string): string | undefined => {
  const m = value.match(DAY);
  return m ? formatDay(addDays(parseYmd(m[1]!), days)) + (m[2] ?? "") : undefined;
};
const shiftYears = (years: number) => (value: string): string | undefined => {
  const m = value.match(/^(\d{4})((?:-(?:\d{2}|Q\d|H\d|SP|SU|FA|WI))*)$/);
  return m ? formatYear(Number(m[1]) + years) + m[2] : undefined;
};

export const TRANSFORMS: Transform[] = [
  { name: "same", apply: (value) => value },
  { name: "day-7", apply: shiftDays(-7) },
  { name: "day+7", apply: shiftDays(7) },
  { name: "year-1", apply: shiftYears(-1) },
  { name: "year+1", apply: shiftYears(1) },
  // "Friday night" read as the day alone.
  { name: "drop-time", apply: (value) => value.match(/^(\d{4}-\d{2}-\d{2})T/)?.[1] },
  { name: "to-year", apply: (value) => value.match(/^(\d{4})-(?:\d{2}|Q\d|H\d)/)?.[1] },
  { name: "to-month", apply: (value) => value.match(/^(\d{4}-\d{2})-\d{2}/)?.[1] },
  {
    name: "to-quarter",
    apply: (value) => {
      const m = value.match(/^(\d{4})-(\d{2})(?:-\d{2})?$/);
      return m ? `${m[1]}-Q${quarterOf(Number(m[2]))}` : undefined;
    },
  },
  { name: "to-dct", apply: (value, dct) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(dct) : undefined) },
];

/** What the feature extractor sees of one candidate. */
export interface CandidateView {
  text: string;
  start: number;
  end: number;
  rule: string;
  type: string;
  value: string;
  dct: Ymd;
  tense: Tense | undefined;
}

const wordsOf = (s: string): string[] => s.toLowerCase().match(/[a-z]+|\d+|[^\sa-z\d]/g) ?? [];
const shape = (s: string): string => s.replace(/\d/g, "9");

function bucket(days: number): string {
  if (days === 0) return "0";
  const sign = days < 0 ? "-" : "+";
  const a = Math.abs(days);
  return sign + (a <= 7 ? String(a) : a <= 31 ? "m" : a <= 366 ? "y" : "far");
}

/** The value's offset from the DCT, as a coarse bucket (only for values that name a day, a month or a year). */
function dctOffset(value: string, from: Ymd): string {
  const day = value.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (day) return `d${bucket(daysBetween(from, parseYmd(day[0])))}`;
  const month = value.match(/^(\d{4})-(\d{2})$/);
  if (month) return `m${Math.sign((Number(month[1]) - from.year) * 12 + Number(month[2]) - from.month)}`;
  const year = value.match(/^(\d{4})$/);
  if (year) return `y${Math.max(-2, Math.min(2, Number(year[1]) - from.year))}`;
  return "none";
}

/**
 * Sparse features of one candidate: its rule, its words, the tense of its clause and where its
 * value falls from the DCT. Richer context (neighbouring words, quotes, sentence position, offset
 * from the last date mentioned) fitted the training documents better but cross-validated worse.
 */
export function features(c: CandidateView): string[] {
  const tokens = wordsOf(c.text.slice(c.start, c.end));
  const words = tokens.length <= 4 ? shape(tokens.join(" ")) : `long:${shape(tokens.at(-1) ?? "")}`;
  const offset = dctOffset(c.value, c.dct);
  const tense = c.tense ?? "none";
  const r = c.rule;
  return ["bias", `r=${r}`, `t=${words}`, `r|ten=${r}|${tense}`, `r|off=${r}|${offset}`, `r|off|ten=${r}|${offset}|${tense}`];
}

export interface Model {
  /** Drop a candidate when P(annotated) falls below this. */
  keepBelow: number;
  /** Rewrite a value only when the rewrite's probability reaches this. */
  rewriteAbove: number;
  /** Weights of the keep/drop decision: P(annotated) = σ(Σ w). */
  keep: Record<string, number>;
  /** Per feature, one weight per transform, in TRANSFORMS order. */
  value: Record<string, number[]>;
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export function keepProbability(model: Model, feats: string[]): number {
  let sum = 0;
  for (const f of feats) sum += model.keep[f] ?? 0;
  return sigmoid(sum);
}

/** Indices of the transforms that apply to `value` and change it (always including "same", index 0). */
export function applicable(value: string, dct: Ymd): { index: number; value: string }[] {
  const out = [{ index: 0, value }];
  TRANSFORMS.forEach((t, index) => {
    if (index === 0) return;
    const v = t.apply(value, dct);
    if (v !== undefined && v !== value) out.push({ index, value: v });
  });
  return out;
}

/** Softmax scores over the applicable transforms. */
export function valueScores(model: Model, feats: string[], options: { index: number }[]): number[] {
  const raw = options.map(({ index }) => {
    let sum = 0;
    for (const f of feats) sum += model.value[f]?.[index] ?? 0;
    return sum;
  });
  const max = Math.max(...raw);
  const exp = raw.map((x) => Math.exp(x - max));
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((x) => x / total);
}

/** The decision for one candidate: null to drop it, else its (possibly rewritten) value. */
export function decide(model: Model, c: CandidateView): string | null {
  const feats = features(c);
  // A probability is never below 0: with the drop decision switched off there is nothing to compute.
  if (model.keepBelow > 0 && keepProbability(model, feats) < model.keepBelow) return null;
  const options = applicable(c.value, c.dct);
  if (options.length === 1) return c.value;
  const scores = valueScores(model, feats, options);
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
  return scores[best]! >= model.rewriteAbove ? options[best]!.value : c.value;
}

let loaded: Model | undefined;

/** The committed model, read once. */
export function defaultModel(): Model {
  if (!loaded) {
    try {
      loaded = JSON.parse(readFileSync(MODEL_PATH, "utf8")) as Model;
    } catch (error) {
      throw new Error(`${MODEL_PATH}: cannot load the time-expression model (${(error as Error).message}); run npm run train:timex`);
    }
  }
  return loaded;
}
