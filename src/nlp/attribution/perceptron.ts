/**
 * Averaged-perceptron training shared by the cue classifier, the attribution filter and the content-end
 * ranker: weights are averaged over every step (lazily, per feature), examples are visited in a fixed
 * shuffled order so that training is reproducible, and near-zero weights are dropped so model files stay small.
 */

/** The shuffle order's seed unless training asks for another (other seeds measure how much the order alone moves F1). */
export const DEFAULT_SEED = 7;

/** Averaged weights below this are dropped from the model file. */
const MIN_WEIGHT = 0.02;

export function score(weights: Record<string, number>, features: string[]): number {
  let total = 0;
  for (const feature of features) total += weights[feature] ?? 0;
  return total;
}

/** Real-valued features: each a name and its value (a binary feature is one with value 1). */
export type RealFeatures = readonly (readonly [string, number])[];

/** The binary and real-valued features to move, each towards +1 or -1. */
export interface Update {
  add: string[];
  subtract: string[];
  addReal?: RealFeatures;
  subtractReal?: RealFeatures;
}

/**
 * Runs `epochs` passes over examples 0..count-1 in a fixed shuffled order; `visit` gets the current score function
 * and returns the updates to make (feature lists to add +1 or -1 to, real-valued ones times their value), if any.
 */
export function trainAveraged(
  count: number,
  epochs: number,
  visit: (index: number, current: (features: string[], real?: RealFeatures) => number) => Update | undefined,
  seed = DEFAULT_SEED,
): Record<string, number> {
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
  const current = (features: string[], real?: RealFeatures): number => {
    let total = 0;
    for (const feature of features) total += weights.get(feature) ?? 0;
    if (real) for (const [feature, value] of real) total += (weights.get(feature) ?? 0) * value;
    return total;
  };
  const order = Array.from({ length: count }, (_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      step++;
      const change = visit(index, current);
      if (!change) continue;
      for (const feature of change.add) update(feature, 1);
      for (const feature of change.subtract) update(feature, -1);
      for (const [feature, value] of change.addReal ?? []) update(feature, value);
      for (const [feature, value] of change.subtractReal ?? []) update(feature, -value);
    }
  }
  const averaged: Record<string, number> = {};
  for (const [feature, weight] of weights) {
    const total = (totals.get(feature) ?? 0) + (step - (stamps.get(feature) ?? 0)) * weight;
    const value = Math.round((total / step) * 100) / 100;
    if (Math.abs(value) >= MIN_WEIGHT) averaged[feature] = value;
  }
  return averaged;
}

export interface Example {
  features: string[];
  /** Real-valued features, if any (word vectors). */
  real?: RealFeatures;
  positive: boolean;
}

/** A binary averaged perceptron: a misclassified example moves its features towards its label. */
export function trainPerceptron(examples: Example[], epochs: number, seed = DEFAULT_SEED): Record<string, number> {
  return trainAveraged(
    examples.length,
    epochs,
    (index, current) => {
      const { features, real, positive } = examples[index]!;
      if (current(features, real) > 0 === positive) return undefined;
      return positive ? { add: features, subtract: [], ...(real ? { addReal: real } : {}) } : { add: [], subtract: features, ...(real ? { subtractReal: real } : {}) };
    },
    seed,
  );
}

export interface RankingExample {
  /** Feature lists of the candidates. */
  candidates: string[][];
  /** Index of the right candidate. */
  gold: number;
}

/** A ranking averaged perceptron: on a wrong pick, the right candidate's features gain and the pick's lose. */
export function trainRanker(examples: RankingExample[], epochs: number, seed = DEFAULT_SEED): Record<string, number> {
  return trainAveraged(
    examples.length,
    epochs,
    (index, current) => {
      const { candidates, gold } = examples[index]!;
      const best = argmax(candidates.map((features) => current(features)));
      return best === gold ? undefined : { add: candidates[gold]!, subtract: candidates[best]! };
    },
    seed,
  );
}

export function argmax(values: number[]): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k]! > values[best]!) best = k;
  return best;
}
