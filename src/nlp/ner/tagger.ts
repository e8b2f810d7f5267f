/**
 * Tags documents with a loaded NerModel: features, emission scores, Viterbi per sentence; with
 * a two-stage model the second stage adds scores from the first stage's tags of the whole
 * document and decodes again; then, optionally, the document-level consistency pass.
 */
import { harmoniseDocument } from "./consistency.js";
import { viterbi } from "./decoder.js";
import { FeatureExtractor } from "./features.js";
import type { LinearChain, NerModel } from "./model.js";
import { iobFromSpans, spansFromBilou, TAG_COUNT, type EntitySpan } from "./tags.js";

export interface TaggerOptions {
  /** Apply the document-level consistency pass (default: as the model's training found best). */
  harmonise?: boolean;
}

export class NerTagger {
  private readonly extractor: FeatureExtractor;
  private emissions = new Float32Array(4096 * TAG_COUNT);
  private readonly harmonise: boolean;

  constructor(
    readonly model: NerModel,
    options: TaggerOptions = {},
  ) {
    this.extractor = new FeatureExtractor(model.resources);
    this.harmonise = options.harmonise ?? model.meta["harmonise"] === true;
  }

  /** Adds a stage's feature scores to the document's emissions. */
  private score(stage: LinearChain, features: Uint32Array, offsets: Uint32Array, tokens: number): void {
    const T = TAG_COUNT;
    for (let i = 0; i < tokens; i++) stage.score(features, offsets[i] ?? 0, offsets[i + 1] ?? 0, this.emissions, i * T);
  }

  /** Best BILOU tags of each sentence from the document's emissions. */
  private decode(stage: LinearChain, sentences: readonly (readonly string[])[]): Uint8Array[] {
    const T = TAG_COUNT;
    const paths: Uint8Array[] = [];
    let token = 0;
    for (const sentence of sentences) {
      const n = sentence.length;
      paths.push(viterbi(this.emissions.subarray(token * T, (token + n) * T), n, T, stage.transitions, stage.start, stage.end));
      token += n;
    }
    return paths;
  }

  /** Entity spans of each sentence of one document (sentences of tokens). */
  documentSpans(sentences: readonly (readonly string[])[]): EntitySpan[][] {
    const [first, second] = this.model.stages;
    if (!first) return sentences.map(() => []);
    const base = this.extractor.extract(sentences);
    const tokens = base.offsets.length - 1;
    if (this.emissions.length < tokens * TAG_COUNT) this.emissions = new Float32Array(tokens * TAG_COUNT * 2);
    this.emissions.fill(0, 0, tokens * TAG_COUNT);
    this.score(first, base.features, base.offsets, tokens);
    let paths = this.decode(first, sentences);
    if (second) {
      const prior = this.extractor.priorFeatures(sentences, paths);
      this.score(second, prior.features, prior.offsets, tokens);
      paths = this.decode(second, sentences);
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
