/**
 * Tags documents with a loaded NerModel: features, emission scores, Viterbi per sentence; with
 * a two-stage model the second stage scores the same features (in the same lookups) plus the
 * first stage's tags of the whole document, and decodes again; then, if the model says it
 * helps, the document-level consistency pass.
 */
import { harmoniseDocument } from "./consistency.js";
import { viterbi } from "./decoder.js";
import { FeatureExtractor } from "./features.js";
import type { NerModel, StageTransitions } from "./model.js";
import { iobFromSpans, spansFromBilou, TAG_COUNT, type EntitySpan } from "./tags.js";

export interface TaggerOptions {
  /** Apply the document-level consistency pass (default: as the model's training found best). */
  harmonise?: boolean;
}

export class NerTagger {
  private readonly extractor: FeatureExtractor;
  /** Per stage, the document's emission scores (tokens × T). */
  private emissions: Float32Array[];
  private readonly harmonise: boolean;

  constructor(
    readonly model: NerModel,
    options: TaggerOptions = {},
  ) {
    this.extractor = new FeatureExtractor(model.resources);
    this.harmonise = options.harmonise ?? model.meta["harmonise"] === true;
    this.emissions = model.stages.map(() => new Float32Array(4096 * TAG_COUNT));
    this.sum = new Float64Array(model.width);
  }

  /** Summed weights of each word's `wordFeatures` at offsets -2..2 (5 × width), cached per word. */
  private readonly wordSums = new Map<string, Float64Array>();
  private readonly sum: Float64Array;

  private wordSum(word: string): Float64Array {
    let sums = this.wordSums.get(word);
    if (!sums) {
      if (this.wordSums.size > 200_000) this.wordSums.clear();
      const width = this.model.width;
      sums = new Float64Array(5 * width);
      for (let offset = -2; offset <= 2; offset++) {
        const features = this.extractor.wordFeatures(word, offset);
        this.model.accumulate(features, 0, features.length, sums, (offset + 2) * width);
      }
      this.wordSums.set(word, sums);
    }
    return sums;
  }

  /**
   * Every stage's emissions of a document from its contextual features plus the cached word
   * sums of the words around each token (same total as scoring all features one by one).
   */
  private scoreDocument(sentences: readonly (readonly string[])[], features: Uint32Array, offsets: Uint32Array): void {
    const T = TAG_COUNT;
    const width = this.model.width;
    const stages = this.model.stages.length;
    const sum = this.sum;
    let token = 0;
    for (const sentence of sentences) {
      const n = sentence.length;
      for (let i = 0; i < n; i++, token++) {
        sum.fill(0);
        for (let offset = -2; offset <= 2; offset++) {
          const word = sentence[i + offset];
          if (word === undefined) continue;
          const sums = this.wordSum(word);
          const at = (offset + 2) * width;
          for (let k = 0; k < width; k++) sum[k]! += sums[at + k]!;
        }
        this.model.accumulate(features, offsets[token]!, offsets[token + 1]!, sum);
        for (let s = 0; s < stages; s++) {
          const target = this.emissions[s]!;
          for (let t = 0; t < T; t++) target[token * T + t] = sum[s * T + t]!;
        }
      }
    }
  }

  /** Best BILOU tags of each sentence from one stage's emissions. */
  private decode(stage: number, sentences: readonly (readonly string[])[]): Uint8Array[] {
    const T = TAG_COUNT;
    const { transitions, start, end } = this.model.stages[stage] as StageTransitions;
    const emissions = this.emissions[stage] as Float32Array;
    const paths: Uint8Array[] = [];
    let token = 0;
    for (const sentence of sentences) {
      const n = sentence.length;
      paths.push(viterbi(emissions.subarray(token * T, (token + n) * T), n, T, transitions, start, end));
      token += n;
    }
    return paths;
  }

  /** Entity spans of each sentence of one document (sentences of tokens). */
  documentSpans(sentences: readonly (readonly string[])[]): EntitySpan[][] {
    const base = this.extractor.extract(sentences, true);
    const tokens = base.offsets.length - 1;
    const size = tokens * TAG_COUNT;
    if ((this.emissions[0]?.length ?? 0) < size) this.emissions = this.model.stages.map(() => new Float32Array(size * 2));
    this.scoreDocument(sentences, base.features, base.offsets);
    let paths = this.decode(0, sentences);
    if (this.model.stages.length > 1) {
      const prior = this.extractor.priorFeatures(sentences, paths);
      for (let i = 0; i < tokens; i++) this.model.score(prior.features, prior.offsets[i]!, prior.offsets[i + 1]!, this.emissions, i * TAG_COUNT, 1);
      paths = this.decode(1, sentences);
    }
    const spans = paths.map((path) => spansFromBilou(path));
    return this.harmonise ? harmoniseDocument(sentences, spans) : spans;
  }

  /** IOB2 tags of each sentence of one document. */
  tagDocument(sentences: readonly (readonly string[])[]): string[][] {
    const spans = this.documentSpans(sentences);
    return sentences.map((sentence, s) => iobFromSpans(spans[s] ?? [], sentence.length));
  }

  /** IOB2 tags of one sentence (tokens), tagged as a one-sentence document. */
  tag(tokens: readonly string[]): string[] {
    return this.tagDocument([tokens])[0] ?? [];
  }

  /** Entity spans (token indices, end exclusive) of one sentence. */
  entitySpans(tokens: readonly string[]): EntitySpan[] {
    return this.documentSpans([tokens])[0] ?? [];
  }
}
