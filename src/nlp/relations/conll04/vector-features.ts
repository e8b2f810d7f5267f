import { gloveClusters } from "../../ner/glove-clusters.js";
import { gloveVectors, ScaledVectors, type WordVectors } from "../../ner/glove-vectors.js";
import type { DenseFeatures, Feature } from "./linear.js";
import { isCapitalised } from "./tokens.js";

/**
 * Real-valued token features from GloVe's word vectors (models/glove-vectors.bin.gz, 50 principal
 * components of the 50,000 most frequent words' vectors): cluster ids say only which group a word fell
 * into, a vector also how close it lies to every other word, which Turian et al. (2010) found adds to
 * clusters in named-entity tagging. Weights multiply the vector scaled by `scale`: the perceptron's step
 * is 1 for a binary feature and the value for a real one, so the scale sets how fast vectors learn
 * against the rest.
 */
export interface VectorOptions {
  /** Factor applied to every component (components lie roughly within [-1, 1]). */
  scale: number;
  /** Neighbours either side whose vectors the tagger reads (0: the token's own only). */
  window: number;
  /** Also a copy of the token's own vector for capitalised tokens only ("Washington" the name, "washington" the word). */
  capitalised: boolean;
  /**
   * Binary features instead of real values (Guo et al. 2014): a component at or above the mean of that
   * component's positive values over the vocabulary fires `+`, at or below the mean of its negative ones `-`.
   */
  binary?: boolean;
}

export const DEFAULT_VECTOR_OPTIONS: VectorOptions = { scale: 1, window: 1, capitalised: false };

/** Per component, the mean of its positive and of its negative values over `words` (those with vectors). */
export function binaryThresholds(vectors: WordVectors, words: Iterable<string>): { upper: Float64Array; lower: Float64Array } {
  const sums = { upper: new Float64Array(vectors.dims), lower: new Float64Array(vectors.dims) };
  const counts = { upper: new Float64Array(vectors.dims), lower: new Float64Array(vectors.dims) };
  for (const word of words) {
    const v = vectors.vector(word);
    if (!v) continue;
    v.forEach((value, d) => {
      const side = value > 0 ? "upper" : value < 0 ? "lower" : undefined;
      if (!side) return;
      sums[side][d]! += value;
      counts[side][d]! += 1;
    });
  }
  return {
    upper: sums.upper.map((sum, d) => (counts.upper[d] ? sum / counts.upper[d]! : Infinity)),
    lower: sums.lower.map((sum, d) => (counts.lower[d] ? sum / counts.lower[d]! : -Infinity)),
  };
}

export class VectorFeatures {
  private readonly scaled: ScaledVectors;

  private thresholds?: { upper: Float64Array; lower: Float64Array };

  /** `vocabulary` gives the binary thresholds (default: GloVe's frequent words, in the committed clusters). */
  constructor(
    readonly options: VectorOptions = DEFAULT_VECTOR_OPTIONS,
    private readonly vectors: WordVectors = gloveVectors(),
    private readonly vocabulary: () => Iterable<string> = () => gloveClusters().words,
  ) {
    this.scaled = new ScaledVectors(options.scale, vectors);
  }

  /** A word's vector times the scale (see ScaledVectors), or undefined when GloVe lacks it. */
  vector(word: string): Float32Array | undefined {
    return this.scaled.vector(word);
  }

  /**
   * Per token: blocks `@v0` (its vector), `@v-1`, `@v+1`, ... (its neighbours'), `@v0|cap` when capitalised;
   * with `binary`, string features `v0:12+`, `v-1:3-`, ... (and `v0|cap:12+`) instead.
   */
  annotate(tokens: readonly string[]): Feature[][] {
    const vectors = tokens.map((token) => this.vector(token));
    const { window, capitalised, binary } = this.options;
    const add = (features: Feature[], name: string, values: Float32Array) => {
      if (binary) features.push(...this.binarise(name, values));
      else features.push({ name: `@${name}`, values } satisfies DenseFeatures);
    };
    return tokens.map((token, i) => {
      const features: Feature[] = [];
      for (let offset = -window; offset <= window; offset++) {
        const values = vectors[i + offset];
        if (values) add(features, `v${offset > 0 ? "+" : ""}${offset}`, values);
      }
      const own = vectors[i];
      if (capitalised && own && isCapitalised(token)) add(features, "v0|cap", own);
      return features;
    });
  }

  private binarise(name: string, values: Float32Array): string[] {
    this.thresholds ??= binaryThresholds(this.vectors, this.vocabulary());
    const { upper, lower } = this.thresholds;
    const scale = this.options.scale;
    const out: string[] = [];
    values.forEach((value, d) => {
      if (value >= upper[d]! * scale) out.push(`${name}:${d}+`);
      else if (value <= lower[d]! * scale) out.push(`${name}:${d}-`);
    });
    return out;
  }
}
