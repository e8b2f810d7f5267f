/**
 * GloVe word vectors (src/nlp/ner/glove-vectors.ts) as real-valued perceptron features: each component of a word's
 * vector is a feature `v<slot>=<d>` whose value is the component times a scale. The slots name which word: for the cue
 * model the candidate, its neighbours, the head of its subject and the sentence; for the filter the cue's head, the
 * content's first word, the source's last word and the content. Unlike word forms, vectors let a weight learnt on
 * "said" reach "stated". The committed model uses none (tried without gain: see the README); training takes
 * ATTRIBUTION_VECTORS="cue=w,p,n,s;filter=h,f,s,c;scale=0.5" to try them again.
 */
import { gloveVectors, meanVector, type WordVectors } from "../ner/glove-vectors.js";
import type { RealFeatures } from "./perceptron.js";

export interface VectorConfig {
  /** The factor on every component (the components lie roughly within [-1, 1]). */
  scale: number;
  /** The cue model's slots: w (the candidate), p and n (the words before and after it), nn (the second after), s (its subject's head), m (the sentence's mean). */
  cue: string[];
  /** The filter's slots: h (the cue's head), f (the content's first word), s (the source's last word), c (the content's mean). */
  filter: string[];
}

/** The words of a site by slot name: one word, several (their vectors are averaged) or none. */
export type SlotWords = Record<string, string | readonly string[] | undefined>;

/** The vector of a slot's word, or the mean of its words' vectors (those GloVe has); undefined when there is none. */
function slotVector(vectors: WordVectors, words: SlotWords, slot: string): ArrayLike<number> | undefined {
  const entry = words[slot];
  if (entry === undefined) return undefined;
  if (typeof entry === "string") return vectors.vector(entry);
  return meanVector(entry.map((word) => vectors.vector(word)));
}

/** The features of the words in `slots`, in that order: a missing word or one without a vector gives none. */
export function vectorFeatures(config: VectorConfig, slots: readonly string[], words: SlotWords): RealFeatures {
  const vectors = gloveVectors();
  const result: [string, number][] = [];
  for (const slot of slots) {
    const vector = slotVector(vectors, words, slot);
    if (!vector) continue;
    for (let d = 0; d < vector.length; d++) result.push([`v${slot}=${d}`, vector[d]! * config.scale]);
  }
  return result;
}

/** Per weight table, each slot's weights as an array (dims long), built once. */
const tablesOf = new WeakMap<Record<string, number>, Map<string, Float64Array>>();

function slotWeights(weights: Record<string, number>, slot: string, dims: number): Float64Array {
  let tables = tablesOf.get(weights);
  if (!tables) tablesOf.set(weights, (tables = new Map()));
  let table = tables.get(slot);
  if (!table) {
    table = new Float64Array(dims);
    for (let d = 0; d < dims; d++) table[d] = weights[`v${slot}=${d}`] ?? 0;
    tables.set(slot, table);
  }
  return table;
}

/** The vector features' share of a score, as training's feature lists sum it. */
export function vectorScore(weights: Record<string, number>, config: VectorConfig, slots: readonly string[], words: SlotWords): number {
  const vectors = gloveVectors();
  let total = 0;
  for (const slot of slots) {
    const vector = slotVector(vectors, words, slot);
    if (!vector) continue;
    const table = slotWeights(weights, slot, vector.length);
    for (let d = 0; d < vector.length; d++) total += table[d]! * vector[d]! * config.scale;
  }
  return total;
}
