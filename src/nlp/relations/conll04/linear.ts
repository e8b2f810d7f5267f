/**
 * Sparse multiclass linear models over string features, and the averaged perceptron that trains them.
 * Averaging (Collins 2002) keeps the perceptron's late, noisy updates from dominating the weights.
 */

/** Serialised weights: per feature, pairs of (class index, weight) for the non-zero classes. */
export type SerialisedWeights = Record<string, number[]>;

function addScores(
  weights: ReadonlyMap<string, Float32Array | Float64Array>,
  features: readonly string[],
  out: Float64Array,
): Float64Array {
  for (const feature of features) {
    const w = weights.get(feature);
    if (!w) continue;
    for (let c = 0; c < out.length; c++) out[c]! += w[c]!;
  }
  return out;
}

export class LinearModel {
  constructor(
    readonly classes: number,
    private readonly weights: Map<string, Float32Array>,
  ) {}

  /** Adds each feature's weights into `out` (length `classes`) and returns it. */
  scores(features: readonly string[], out = new Float64Array(this.classes)): Float64Array {
    return addScores(this.weights, features, out);
  }

  get size(): number {
    return this.weights.size;
  }

  /** Drops weights below `epsilon` and rounds the rest, which keeps the committed model small. */
  serialise(epsilon = 1e-3): SerialisedWeights {
    const out: SerialisedWeights = {};
    for (const [feature, w] of this.weights) {
      const pairs: number[] = [];
      w.forEach((value, c) => {
        if (Math.abs(value) >= epsilon) pairs.push(c, Number(value.toPrecision(4)));
      });
      if (pairs.length) out[feature] = pairs;
    }
    return out;
  }

  /** The mean of several models' weights (bagging: perceptrons trained in different orders disagree less on average). */
  static average(models: readonly LinearModel[]): LinearModel {
    const classes = models[0]!.classes;
    const sum = new Map<string, Float32Array>();
    for (const model of models) {
      for (const [feature, w] of model.weights) {
        let total = sum.get(feature);
        if (!total) sum.set(feature, (total = new Float32Array(classes)));
        for (let c = 0; c < classes; c++) total[c]! += w[c]! / models.length;
      }
    }
    return new LinearModel(classes, sum);
  }

  static deserialise(classes: number, data: SerialisedWeights): LinearModel {
    const weights = new Map<string, Float32Array>();
    for (const [feature, pairs] of Object.entries(data)) {
      const w = new Float32Array(classes);
      for (let i = 0; i + 1 < pairs.length; i += 2) w[pairs[i]!] = pairs[i + 1]!;
      weights.set(feature, w);
    }
    return new LinearModel(classes, weights);
  }
}

export class AveragedPerceptron {
  private readonly weights = new Map<string, Float64Array>();
  /** Sum of each weight over all instances seen so far, brought up to date lazily. */
  private readonly totals = new Map<string, Float64Array>();
  private readonly stamps = new Map<string, Float64Array>();
  private instance = 0;

  constructor(readonly classes: number) {}

  scores(features: readonly string[], out = new Float64Array(this.classes)): Float64Array {
    return addScores(this.weights, features, out);
  }

  /** Adds `delta` to the weight of every feature for class `cls`. */
  update(features: readonly string[], cls: number, delta: number): void {
    for (const feature of features) {
      let w = this.weights.get(feature);
      let total = this.totals.get(feature);
      let stamp = this.stamps.get(feature);
      if (!w || !total || !stamp) {
        w = new Float64Array(this.classes);
        total = new Float64Array(this.classes);
        stamp = new Float64Array(this.classes);
        this.weights.set(feature, w);
        this.totals.set(feature, total);
        this.stamps.set(feature, stamp);
      }
      total[cls]! += (this.instance - stamp[cls]!) * w[cls]!;
      stamp[cls] = this.instance;
      w[cls]! += delta;
    }
  }

  /** Marks the end of one training instance (the unit of averaging). */
  tick(): void {
    this.instance += 1;
  }

  /** The averaged weights as a model; training may continue afterwards. */
  averaged(): LinearModel {
    const out = new Map<string, Float32Array>();
    const n = Math.max(1, this.instance);
    for (const [feature, w] of this.weights) {
      const total = this.totals.get(feature)!;
      const stamp = this.stamps.get(feature)!;
      const avg = new Float32Array(this.classes);
      let any = false;
      for (let c = 0; c < this.classes; c++) {
        avg[c] = (total[c]! + (this.instance - stamp[c]!) * w[c]!) / n;
        if (avg[c] !== 0) any = true;
      }
      if (any) out.set(feature, avg);
    }
    return new LinearModel(this.classes, out);
  }
}
