/**
 * Averaged structured perceptron over BILOU tags (Collins 2002), with the usual lazy averaging:
 * `total` accumulates step × update so the average is `weights - total / step` at any time.
 * Features arrive as row indices (-1 = unknown feature), one range per token; word vectors, when
 * the model reads them, as one vector per token whose components multiply rows of their own.
 */
import { FORBIDDEN, viterbi } from "./decoder.js";
import { allowedTransition, TAG_COUNT } from "./tags.js";

export interface Sentence {
  /** Row index of each feature, -1 when unknown. */
  rows: Int32Array;
  /** Token t's features are rows[offsets[t] .. offsets[t+1]). */
  offsets: Uint32Array;
  gold: Uint8Array;
  /** Each token's scaled word vector, or null (only with a `VectorRows` layout). */
  vectors?: readonly (Float32Array | null)[];
}

/**
 * Where real-valued vector features live: component d of the vector of the word at offset o
 * (-window..window) of a token has row firstRow + (o + window) × dims + d.
 */
export interface VectorRows {
  firstRow: number;
  window: number;
  dims: number;
}

const T = TAG_COUNT;
/** Transition block: T×T pairs, then T start scores, then T end scores. */
export const TRANSITION_SIZE = T * T + 2 * T;

export class AveragedPerceptron {
  readonly weights: Float64Array;
  private readonly total: Float64Array;
  readonly transitions = new Float64Array(TRANSITION_SIZE);
  private readonly transitionTotal = new Float64Array(TRANSITION_SIZE);
  private readonly constraint = new Float64Array(TRANSITION_SIZE);
  private step = 1;
  private emissions = new Float64Array(T * 128);
  private readonly masked = new Float64Array(TRANSITION_SIZE);
  private readonly maskedPairs = this.masked.subarray(0, T * T);
  private readonly maskedStart = this.masked.subarray(T * T, T * T + T);
  private readonly maskedEnd = this.masked.subarray(T * T + T);

  constructor(
    readonly rowCount: number,
    private readonly vectorRows: VectorRows | null = null,
  ) {
    if (vectorRows && vectorRows.firstRow + (2 * vectorRows.window + 1) * vectorRows.dims > rowCount) throw new Error("vector rows beyond the row count");
    this.weights = new Float64Array(rowCount * T);
    this.total = new Float64Array(rowCount * T);
    for (let p = 0; p < T; p++) for (let t = 0; t < T; t++) this.constraint[p * T + t] = allowedTransition(p, t) ? 0 : FORBIDDEN;
    for (let t = 0; t < T; t++) {
      this.constraint[T * T + t] = allowedTransition(-1, t) ? 0 : FORBIDDEN;
      this.constraint[T * T + T + t] = allowedTransition(t, -1) ? 0 : FORBIDDEN;
    }
  }

  /** Per-token tag scores of a sentence under `weights`, into this.emissions. */
  private fillEmissions(sentence: Sentence, weights: Float64Array | Float32Array): Float64Array {
    const n = sentence.gold.length;
    if (this.emissions.length < n * T) this.emissions = new Float64Array(n * T * 2);
    const emissions = this.emissions;
    for (let i = 0; i < n; i++) {
      const at = i * T;
      for (let t = 0; t < T; t++) emissions[at + t] = 0;
      for (let f = sentence.offsets[i] ?? 0, end = sentence.offsets[i + 1] ?? 0; f < end; f++) {
        const row = sentence.rows[f] ?? -1;
        if (row < 0) continue;
        const base = row * T;
        for (let t = 0; t < T; t++) emissions[at + t] = (emissions[at + t] ?? 0) + (weights[base + t] ?? 0);
      }
    }
    if (this.vectorRows && sentence.vectors) this.addVectorScores(sentence.vectors, n, weights, emissions);
    return emissions;
  }

  /** Adds to each token's emissions its vector features' scores (the hot path of `eachVector`, unrolled). */
  private addVectorScores(vectors: readonly (Float32Array | null)[], n: number, weights: Float64Array | Float32Array, emissions: Float64Array): void {
    const { firstRow, window, dims } = this.vectorRows!;
    for (let i = 0; i < n; i++) {
      const at = i * T;
      for (let offset = -window; offset <= window; offset++) {
        const vector = vectors[i + offset];
        if (!vector) continue;
        let base = (firstRow + (offset + window) * dims) * T;
        for (let d = 0; d < dims; d++, base += T) {
          const value = vector[d]!;
          for (let t = 0; t < T; t++) emissions[at + t]! += value * weights[base + t]!;
        }
      }
    }
  }

  /** Calls `use(row, value)` for every vector component token i reads (its own and its neighbours'). */
  private eachVector(sentence: Sentence, i: number, use: (row: number, value: number) => void): void {
    const layout = this.vectorRows;
    const vectors = sentence.vectors;
    if (!layout || !vectors) return;
    const { firstRow, window, dims } = layout;
    for (let offset = -window; offset <= window; offset++) {
      const vector = vectors[i + offset];
      if (!vector) continue;
      const first = firstRow + (offset + window) * dims;
      for (let d = 0; d < dims; d++) if (vector[d] !== 0) use(first + d, vector[d]!);
    }
  }

  /** Best BILOU path of a sentence under `weights`/`transitions` (the current ones by default). */
  decode(sentence: Sentence, weights: Float64Array | Float32Array = this.weights, transitions: ArrayLike<number> = this.transitions): Uint8Array {
    const n = sentence.gold.length;
    const emissions = this.fillEmissions(sentence, weights);
    for (let k = 0; k < TRANSITION_SIZE; k++) this.masked[k] = (transitions[k] ?? 0) + (this.constraint[k] ?? 0);
    return viterbi(emissions, n, T, this.maskedPairs, this.maskedStart, this.maskedEnd);
  }

  /** One perceptron step on a sentence; returns whether the prediction was wrong. */
  learn(sentence: Sentence): boolean {
    const guess = this.decode(sentence);
    const gold = sentence.gold;
    let wrong = false;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i] ?? 0;
      const p = guess[i] ?? 0;
      if (g !== p) {
        wrong = true;
        for (let f = sentence.offsets[i] ?? 0, end = sentence.offsets[i + 1] ?? 0; f < end; f++) {
          const row = sentence.rows[f] ?? -1;
          if (row < 0) continue;
          this.bump(row * T + g, 1);
          this.bump(row * T + p, -1);
        }
        this.eachVector(sentence, i, (row, value) => {
          this.bump(row * T + g, value);
          this.bump(row * T + p, -value);
        });
      }
      const goldPair = i === 0 ? T * T + g : (gold[i - 1] ?? 0) * T + g;
      const guessPair = i === 0 ? T * T + p : (guess[i - 1] ?? 0) * T + p;
      if (goldPair !== guessPair) {
        this.bumpTransition(goldPair, 1);
        this.bumpTransition(guessPair, -1);
      }
    }
    const last = gold.length - 1;
    if (last >= 0 && gold[last] !== guess[last]) {
      this.bumpTransition(T * T + T + (gold[last] ?? 0), 1);
      this.bumpTransition(T * T + T + (guess[last] ?? 0), -1);
    }
    this.step++;
    return wrong;
  }

  private bump(index: number, delta: number): void {
    this.weights[index] = (this.weights[index] ?? 0) + delta;
    this.total[index] = (this.total[index] ?? 0) + this.step * delta;
  }

  private bumpTransition(index: number, delta: number): void {
    this.transitions[index] = (this.transitions[index] ?? 0) + delta;
    this.transitionTotal[index] = (this.transitionTotal[index] ?? 0) + this.step * delta;
  }

  /** The averaged weights and transitions. */
  averaged(): { weights: Float32Array; transitions: Float32Array } {
    const weights = new Float32Array(this.weights.length);
    for (let i = 0; i < weights.length; i++) weights[i] = (this.weights[i] ?? 0) - (this.total[i] ?? 0) / this.step;
    const transitions = new Float32Array(TRANSITION_SIZE);
    for (let i = 0; i < TRANSITION_SIZE; i++) transitions[i] = (this.transitions[i] ?? 0) - (this.transitionTotal[i] ?? 0) / this.step;
    return { weights, transitions };
  }
}
