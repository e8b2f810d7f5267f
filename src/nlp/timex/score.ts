/**
 * TempEval-3 scoring of time expressions: strict (exact span) and relaxed (overlapping span)
 * precision/recall/F1, and attribute scores over relaxed matches: value accuracy (correct
 * among matched) and value F1 (matched with the right value, over system and gold counts). With
 * one-to-one matches that F1 equals value accuracy times relaxed F1, the figure TempEval-3's
 * evaluate_entities.py prints as the value attribute F1.
 */
import { TIMEX_TYPES, type Timex, type TimexType } from "../../model/index.js";

export function isTimexType(value: string): value is TimexType {
  return (TIMEX_TYPES as readonly string[]).includes(value);
}

export interface Counts {
  gold: number;
  system: number;
  strict: number;
  relaxed: number;
  value: number;
  type: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface TimexScores {
  counts: Counts;
  strict: Prf;
  relaxed: Prf;
  value: Prf & { accuracy: number };
  type: Prf & { accuracy: number };
}

export const emptyCounts = (): Counts => ({ gold: 0, system: 0, strict: 0, relaxed: 0, value: 0, type: 0 });

const overlap = (a: Timex, b: Timex): number => Math.min(a.end, b.end) - Math.max(a.start, b.start);

/**
 * Pairs each gold expression with at most one system expression: exact spans first, then the
 * largest overlap, so one long system span cannot be credited for several gold ones.
 */
export function align(gold: Timex[], system: Timex[]): [Timex, Timex][] {
  const pairs: { g: Timex; s: Timex; score: number }[] = [];
  for (const g of gold) {
    for (const s of system) {
      const o = overlap(g, s);
      if (o > 0) pairs.push({ g, s, score: g.start === s.start && g.end === s.end ? Number.MAX_SAFE_INTEGER : o });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const usedGold = new Set<Timex>();
  const usedSystem = new Set<Timex>();
  const matched: [Timex, Timex][] = [];
  for (const { g, s } of pairs) {
    if (usedGold.has(g) || usedSystem.has(s)) continue;
    usedGold.add(g);
    usedSystem.add(s);
    matched.push([g, s]);
  }
  return matched;
}

/** Adds one document's counts to `into`. */
export function count(gold: Timex[], system: Timex[], into: Counts = emptyCounts()): Counts {
  into.gold += gold.length;
  into.system += system.length;
  for (const [g, s] of align(gold, system)) {
    into.relaxed++;
    if (g.start === s.start && g.end === s.end) into.strict++;
    if (g.value === s.value) into.value++;
    if (g.type === s.type) into.type++;
  }
  return into;
}

function prf(correct: number, system: number, gold: number): Prf {
  const precision = system ? correct / system : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export function scores(counts: Counts): TimexScores {
  const accuracy = (n: number): number => (counts.relaxed ? n / counts.relaxed : 0);
  return {
    counts,
    strict: prf(counts.strict, counts.system, counts.gold),
    relaxed: prf(counts.relaxed, counts.system, counts.gold),
    value: { ...prf(counts.value, counts.system, counts.gold), accuracy: accuracy(counts.value) },
    type: { ...prf(counts.type, counts.system, counts.gold), accuracy: accuracy(counts.type) },
  };
}
