import { gloveVectors, type WordVectors } from "../../ner/glove-vectors.js";
import type { DenseFeatures } from "./linear.js";
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
}

export const DEFAULT_VECTOR_OPTIONS: VectorOptions = { scale: 1, window: 1, capitalised: false };

export class VectorFeatures {
  private readonly cache = new Map<string, Float32Array | null>();

  constructor(
    readonly options: VectorOptions = DEFAULT_VECTOR_OPTIONS,
    private readonly vectors: WordVectors = gloveVectors(),
  ) {}

  /**
   * A word's vector times the scale (GloVe's words are lowercase; "Corp." is read as "corp"), or undefined
   * when GloVe lacks it.
   */
  vector(word: string): Float32Array | undefined {
    const key = word.toLowerCase();
    let scaled = this.cache.get(key);
    if (scaled === undefined) {
      const raw = this.vectors.vector(key) ?? (key.length > 1 && key.endsWith(".") ? this.vectors.vector(key.slice(0, -1)) : undefined);
      scaled = raw ? raw.map((v) => v * this.options.scale) : null;
      this.cache.set(key, scaled);
    }
    return scaled ?? undefined;
  }

  /** Per token: blocks `@v0` (its vector), `@v-1`, `@v+1`, ... (its neighbours'), `@v0|cap` when capitalised. */
  annotate(tokens: readonly string[]): DenseFeatures[][] {
    const vectors = tokens.map((token) => this.vector(token));
    const { window, capitalised } = this.options;
    return tokens.map((token, i) => {
      const features: DenseFeatures[] = [];
      for (let offset = -window; offset <= window; offset++) {
        const values = vectors[i + offset];
        if (values) features.push({ name: `@v${offset > 0 ? "+" : ""}${offset}`, values });
      }
      const own = vectors[i];
      if (capitalised && own && isCapitalised(token)) features.push({ name: "@v0|cap", values: own });
      return features;
    });
  }
}
