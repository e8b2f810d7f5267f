/**
 * Averaged-perceptron training shared by the cue classifier, the attribution filter and the content-end
 * ranker: weights are averaged over every step (lazily, per feature), examples are visited in a fixed
 * shuffled order so that training is reproducible, and near-zero weights are dropped so model files stay small.
 */

/** Averaged weights below this are dropped from the model file. */
const MIN_WEIGHT = 0.02;

export function score(weights: Record<string, number>, features: string[]): number {
  let total = 0;
  for (const feature of features) total += weights[feature] ?? 0;
  return total;
}

/**
 * Runs `epochs` passes over examples 0..count-1 in a fixed shuffled order; `visit` gets the current score function
 * and returns the updates to make (feature lists to add +1 or -1 to), if any.
 */
export function trainAveraged(
  count: number,
  epochs: number,
  visit: (index: number, current: (features: string[]) => number) => { add: string[]; subtract: string[] } | undefined,
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
  const current = (features: string[]): number => {
    let total = 0;
    for (const feature of features) total += weights.get(feature) ?? 0;
    return total;
  };
  let seed = 7;
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
  positive: boolean;
}

/** A binary averaged perceptron: a misclassified example moves its features towards its label. */
export function trainPerceptron(examples: Example[], epochs: number): Record<string, number> {
  return trainAveraged(examples.length, epochs, (index, current) => {
    const { features, positive } = examples[index]!;
    if (current(features) > 0 === positive) return undefined;
    return positive ? { add: features, subtract: [] } : { add: [], subtract: features };
  });
}

export interface RankingExample {
  /** Feature lists of the candidates. */
  candidates: string[][];
  /** Index of the right candidate. */
  gold: number;
}

/** A ranking averaged perceptron: on a wrong pick, the right candidate's features gain and the pick's lose. */
export function trainRanker(examples: RankingExample[], epochs: number): Record<string, number> {
  return trainAveraged(examples.length, epochs, (index, current) => {
    const { candidates, gold } = examples[index]!;
    const best = argmax(candidates.map(current));
    return best === gold ? undefined : { add: candidates[gold]!, subtract: candidates[best]! };
  });
}

export function argmax(values: number[]): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k]! > values[best]!) best = k;
  return best;
}
