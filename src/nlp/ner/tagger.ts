/** Tags documents with a loaded NerModel: features, emission scores, Viterbi, consistency pass. */
import { harmoniseDocument } from "./consistency.js";
import { viterbi } from "./decoder.js";
import { FeatureExtractor } from "./features.js";
import type { NerModel } from "./model.js";
import { iobFromSpans, spansFromBilou, TAG_COUNT, type EntitySpan } from "./tags.js";

export interface TaggerOptions {
  /** Apply the document-level consistency pass (default true). */
  harmonise?: boolean;
}

export class NerTagger {
  private readonly extractor: FeatureExtractor;
  private emissions = new Float32Array(256 * TAG_COUNT);
  private readonly harmonise: boolean;

  constructor(
    readonly model: NerModel,
    options: TaggerOptions = {},
  ) {
    this.extractor = new FeatureExtractor(model.resources);
    this.harmonise = options.harmonise ?? true;
  }

  /** Entity spans of each sentence of one document (sentences of tokens). */
  documentSpans(sentences: readonly (readonly string[])[]): EntitySpan[][] {
    const { features, offsets } = this.extractor.extract(sentences);
    const T = TAG_COUNT;
    const spans: EntitySpan[][] = [];
    let token = 0;
    for (const sentence of sentences) {
      const n = sentence.length;
      if (this.emissions.length < n * T) this.emissions = new Float32Array(n * T * 2);
      for (let i = 0; i < n; i++) {
        this.model.score(features, offsets[token + i] ?? 0, offsets[token + i + 1] ?? 0, this.emissions, i * T);
      }
      const path = viterbi(this.emissions, n, T, this.model.transitions, this.model.start, this.model.end);
      spans.push(spansFromBilou(path));
      token += n;
    }
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
