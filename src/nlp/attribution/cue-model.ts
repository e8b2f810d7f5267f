/**
 * A binary averaged perceptron that decides whether a candidate word (one the lexicon has seen as a cue
 * often enough) heads an attribution cue in its context: "said" after a closing quote yes, "think" in a
 * transcript's "I think" less so.
 */
import { cueRate, type CueLexicon } from "./lexicon.js";
import { isQuoteMark, type TextLayout } from "./text.js";

/** Words below this cue rate are never candidates, whatever their context. */
export const CANDIDATE_RATE = 0.05;

const PRONOUN = /^(he|she|they|we|i|it|you|who)$/;

export function cueFeatures(doc: TextLayout, i: number, sentenceStart: number, rate: number): string[] {
  const word = (k: number): string => doc.tokens[k]?.lower ?? "<none>";
  const token = doc.tokens[i]!;
  const previous = doc.tokens[i - 1];
  const next = doc.tokens[i + 1];
  const previousQuoteEnds = i - 1 >= 0 && doc.quoteOf[i - 1] !== -1 && doc.quotes[doc.quoteOf[i - 1]!]!.end === i;
  return [
    "bias",
    `rate=${Math.min(9, Math.floor(rate * 10))}`,
    `w=${token.lower}`,
    `p=${word(i - 1)}`,
    `n=${word(i + 1)}`,
    `pp=${word(i - 2)}`,
    `nn=${word(i + 2)}`,
    `w+n=${token.lower}|${word(i + 1)}`,
    `p+w=${word(i - 1)}|${token.lower}`,
    `suffix=${token.lower.slice(-3)}`,
    `start=${i === sentenceStart}`,
    `pcap=${!!previous && /^\p{Lu}/u.test(previous.text)}`,
    `ppron=${PRONOUN.test(word(i - 1))}`,
    `pquote=${previousQuoteEnds || (!!previous && isQuoteMark(previous.text))}`,
    `nthat=${word(i + 1) === "that"}`,
    `npunct=${!!next && /^[,.:;”"]$/.test(next.text)}`,
    `cap=${/^\p{Lu}/u.test(token.text)}`,
  ];
}

export function cueScore(weights: Record<string, number>, features: string[]): number {
  let score = 0;
  for (const feature of features) score += weights[feature] ?? 0;
  return score;
}

export interface Example {
  features: string[];
  positive: boolean;
}

/** Trains a binary averaged perceptron; keeps only weights that matter so the model file stays small. */
export function trainPerceptron(examples: Example[], epochs: number): Record<string, number> {
  const weights = new Map<string, number>();
  const totals = new Map<string, number>();
  const stamps = new Map<string, number>();
  let step = 0;
  const update = (feature: string, delta: number): void => {
    const weight = weights.get(feature) ?? 0;
    totals.set(feature, (totals.get(feature) ?? 0) + (step - (stamps.get(feature) ?? 0)) * weight);
    stamps.set(feature, step);
    weights.set(feature, weight + delta);
  };
  // A fixed shuffle (LCG) so that training is reproducible.
  let seed = 7;
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      step++;
      const { features, positive } = examples[index]!;
      let score = 0;
      for (const feature of features) score += weights.get(feature) ?? 0;
      if (score > 0 !== positive) for (const feature of features) update(feature, positive ? 1 : -1);
    }
  }
  const averaged: Record<string, number> = {};
  for (const [feature, weight] of weights) {
    const total = (totals.get(feature) ?? 0) + (step - (stamps.get(feature) ?? 0)) * weight;
    const value = Math.round((total / step) * 1000) / 1000;
    if (Math.abs(value) >= 0.01) averaged[feature] = value;
  }
  return averaged;
}

/** Whether token i heads a cue: the perceptron when the lexicon carries one, the cue rate otherwise. */
export function isCueHead(lexicon: CueLexicon, doc: TextLayout, i: number, sentenceStart: number, threshold: number): boolean {
  const rate = cueRate(lexicon, doc.tokens[i]!.lower);
  if (!lexicon.weights) return rate >= threshold;
  if (rate < CANDIDATE_RATE) return false;
  return cueScore(lexicon.weights, cueFeatures(doc, i, sentenceStart, rate)) > threshold;
}
