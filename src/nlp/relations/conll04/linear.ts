/**
 * Sparse multiclass linear models over string features, and the averaged perceptron that trains them.
 * Averaging (Collins 2002) keeps the perceptron's late, noisy updates from dominating the weights.
 * Besides binary string features a model reads blocks of real-valued ones (word vectors): a block's
 * score for a class is the dot product of its values with that class's weights.
 */

/**
 * A block of real-valued features, such as a word's vector: `values[d]` is the value of its dimension d.
 * Its name starts with "@" (string features never do), so the two share one weight table; the weights
 * of dimension d are serialised under `${name}#${d}`.
 */
export interface DenseFeatures {
  readonly name: string;
  readonly values: ArrayLike<number>;
}

export type Feature = string | DenseFeatures;

/** Serialised weights: per feature, pairs of (class index, weight) for the non-zero classes. */
export type SerialisedWeights = Record<string, number[]>;

/**
 * Weights per feature: `classes` values for a string feature, dimensions × `classes` (dimension-major)
 * for a dense block.
 */
type WeightTable = ReadonlyMap<string, Float32Array | Float64Array>;

function addScores(weights: WeightTable, features: readonly Feature[], out: Float64Array): Float64Array {
  const classes = out.length;
  for (const feature of features) {
    if (typeof feature === "string") {
      const w = weights.get(feature);
      if (!w) continue;
      for (let c = 0; c < classes; c++) out[c]! += w[c]!;
      continue;
    }
    const w = weights.get(feature.name);
    if (!w) continue;
    const { values } = feature;
    const dims = Math.min(values.length, w.length / classes);
    for (let d = 0; d < dims; d++) {
      const v = values[d]!;
      if (v === 0) continue;
      const row = d * classes;
      for (let c = 0; c < classes; c++) out[c]! += w[row + c]! * v;
    }
  }
  return out;
}

const isDense = (name: string) => name.startsWith("@");

export class LinearModel {
  constructor(
    readonly classes: number,
    private readonly weights: Map<string, Float32Array>,
  ) {}

  /** Adds each feature's weights into `out` (length `classes`) and returns it. */
  scores(features: readonly Feature[], out = new Float64Array(this.classes)): Float64Array {
    return addScores(this.weights, features, out);
  }

  get size(): number {
    return this.weights.size;
  }

  /** Drops weights below `epsilon` and rounds the rest, which keeps the committed model small. */
  serialise(epsilon = 1e-3): SerialisedWeights {
    const out: SerialisedWeights = {};
    const { classes } = this;
    for (const [feature, w] of this.weights) {
      for (let row = 0; row < w.length; row += classes) {
        const pairs: number[] = [];
        for (let c = 0; c < classes; c++) {
          const value = w[row + c]!;
          if (Math.abs(value) >= epsilon) pairs.push(c, Number(value.toPrecision(4)));
        }
        if (pairs.length) out[isDense(feature) ? `${feature}#${row / classes}` : feature] = pairs;
      }
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
        if (!total) sum.set(feature, (total = new Float32Array(w.length)));
        for (let i = 0; i < w.length; i++) total[i]! += w[i]! / models.length;
      }
    }
    return new LinearModel(classes, sum);
  }

  static deserialise(classes: number, data: SerialisedWeights): LinearModel {
    const weights = new Map<string, Float32Array>();
    const rows = new Map<string, [number, number[]][]>();
    for (const [feature, pairs] of Object.entries(data)) {
      if (isDense(feature)) {
        const cut = feature.lastIndexOf("#");
        const name = feature.slice(0, cut);
        let block = rows.get(name);
        if (!block) rows.set(name, (block = []));
        block.push([Number(feature.slice(cut + 1)), pairs]);
        continue;
      }
      const w = new Float32Array(classes);
      for (let i = 0; i + 1 < pairs.length; i += 2) w[pairs[i]!] = pairs[i + 1]!;
      weights.set(feature, w);
    }
    for (const [name, block] of rows) {
      const w = new Float32Array((Math.max(...block.map(([d]) => d)) + 1) * classes);
      for (const [d, pairs] of block) {
        for (let i = 0; i + 1 < pairs.length; i += 2) w[d * classes + pairs[i]!] = pairs[i + 1]!;
      }
      weights.set(name, w);
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

  scores(features: readonly Feature[], out = new Float64Array(this.classes)): Float64Array {
    return addScores(this.weights, features, out);
  }

  /** Adds `delta` times each feature's value (1 for a string feature) to its weight for class `cls`. */
  update(features: readonly Feature[], cls: number, delta: number): void {
    for (const feature of features) {
      const dense = typeof feature !== "string";
      const name = dense ? feature.name : feature;
      let w = this.weights.get(name);
      let total = this.totals.get(name);
      let stamp = this.stamps.get(name);
      if (!w || !total || !stamp) {
        const size = dense ? feature.values.length * this.classes : this.classes;
        w = new Float64Array(size);
        total = new Float64Array(size);
        stamp = new Float64Array(size);
        this.weights.set(name, w);
        this.totals.set(name, total);
        this.stamps.set(name, stamp);
      }
      if (!dense) {
        this.add(w, total, stamp, cls, delta);
        continue;
      }
      const { values } = feature;
      const dims = Math.min(values.length, w.length / this.classes);
      for (let d = 0; d < dims; d++) {
        if (values[d] !== 0) this.add(w, total, stamp, d * this.classes + cls, delta * values[d]!);
      }
    }
  }

  private add(w: Float64Array, total: Float64Array, stamp: Float64Array, i: number, delta: number): void {
    total[i]! += (this.instance - stamp[i]!) * w[i]!;
    stamp[i] = this.instance;
    w[i]! += delta;
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
      const avg = new Float32Array(w.length);
      let any = false;
      for (let i = 0; i < w.length; i++) {
        avg[i] = (total[i]! + (this.instance - stamp[i]!) * w[i]!) / n;
        if (avg[i] !== 0) any = true;
      }
      if (any) out.set(feature, avg);
    }
    return new LinearModel(this.classes, out);
  }
}
