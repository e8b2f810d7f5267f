/**
 * Tags documents with a loaded NerModel. Per document: the contextual features of each token
 * are looked up as they are made and their weights added to the token's row of emission scores
 * (one row holds every stage's columns); the per-word part comes from sums cached per word type
 * (five offsets × every stage), added for the words around each token; Viterbi per sentence.
 * With a two-stage model the second stage's columns also get the weights of the first stage's
 * tags of the whole document, and decode again; then, if the model says it helps, the
 * document-level consistency pass. Nothing is allocated per token.
 */
import { harmoniseDocument } from "./consistency.js";
import { viterbi } from "./decoder.js";
import { FeatureExtractor, WordTable, type TokenSink, type ValueSink, type WordInfo } from "./features.js";
import type { NerModel } from "./model.js";
import { iobFromSpans, spansFromBilou, TAG_COUNT, type EntitySpan } from "./tags.js";

export interface TaggerOptions {
  /** Apply the document-level consistency pass (default: as the model's training found best). */
  harmonise?: boolean;
}

/** Offsets -2..2 of the words whose word features count for a token. */
const WINDOW = 5;
/** Word types outside the vocabulary a new tagger has room for. */
const OWN_TYPES = 8192;

/**
 * Adds the weights of the features it is given, columns [from, to), to one row of `target` per
 * token. A token's features are looked up together at its end, then their weights added: the
 * lookups do not wait on one another's cache misses.
 */
class ScoreSink implements TokenSink, ValueSink {
  private target: Float64Array = new Float64Array(0);
  private at = 0;
  private from = 0;
  private to = 0;
  private pending = new Int32Array(64);
  private count = 0;

  constructor(private readonly model: NerModel) {}

  /** Starts again at row 0 of `target`. */
  reset(target: Float64Array, from: number, to: number): void {
    this.target = target;
    this.at = 0;
    this.from = from;
    this.to = to;
    this.count = 0;
  }

  push(hash: number): void {
    if (this.count === this.pending.length) {
      const grown = new Int32Array(this.count * 2);
      grown.set(this.pending);
      this.pending = grown;
    }
    this.pending[this.count++] = hash;
  }

  /** A real-valued feature: its weights times `value`, added now. */
  pushValue(hash: number, value: number): void {
    this.model.add(hash, this.target, this.at, this.from, this.to, value);
  }

  endToken(): void {
    const model = this.model;
    const pending = this.pending;
    const count = this.count;
    for (let f = 0; f < count; f++) pending[f] = model.known(pending[f]! >>> 0);
    for (let f = 0; f < count; f++) if (pending[f]! >= 0) model.addRow(pending[f]!, this.target, this.at, this.from, this.to);
    this.count = 0;
    this.at += model.width;
  }
}

/**
 * Writes the summed weights of a word's word features at offsets -2..2 (WINDOW × width) to
 * sums[at ..], its vector's real-valued features included.
 */
function scoreWord(extractor: FeatureExtractor, info: WordInfo, sink: ScoreSink, scratch: Float64Array, sums: Float32Array, at: number): void {
  scratch.fill(0);
  sink.reset(scratch, 0, scratch.length / WINDOW);
  for (let offset = -2; offset <= 2; offset++) {
    extractor.infoFeatures(info, offset, sink);
    extractor.infoVector(info, offset, sink);
    sink.endToken();
  }
  // A plain loop: set() between arrays of different element types is much slower.
  for (let k = 0; k < scratch.length; k++) sums[at + k] = scratch[k]!;
}

/** A model's vocabulary as a shared word table, with each word's `scoreWord` sums (id × WINDOW × width). */
interface ScoredVocabulary {
  table: WordTable;
  sums: Float32Array;
}

const vocabularies = new WeakMap<NerModel, ScoredVocabulary>();

/**
 * The model's vocabulary scored once per model (when its first tagger is made, i.e. at load): a
 * tagger then computes word sums only for words outside it. Same sums as computed on demand.
 */
function scoredVocabulary(model: NerModel): ScoredVocabulary {
  let scored = vocabularies.get(model);
  if (scored) return scored;
  const words = model.vocabulary;
  const table = new WordTable(model.resources, null, words.length);
  const infos = words.map((word) => table.info(word));
  const extractor = new FeatureExtractor(model.resources, table);
  const stride = WINDOW * model.width;
  const sums = new Float32Array(words.length * stride);
  const sink = new ScoreSink(model);
  const scratch = new Float64Array(stride);
  for (const info of infos) scoreWord(extractor, info, sink, scratch, sums, info.id * stride);
  scored = { table, sums };
  vocabularies.set(model, scored);
  return scored;
}

export class NerTagger {
  private readonly extractor: FeatureExtractor;
  private readonly harmonise: boolean;
  private readonly sink: ScoreSink;
  /** Per token of the document, every stage's emission scores (tokens × width). */
  private emissions = new Float64Array(0);
  /** Per token of the document, the tags of the last decoded stage. */
  private paths = new Uint8Array(0);
  /** Per token of the document, where its word's sums start: in the vocabulary's sums if ≥ 0, else at ~value in `wordSums`. */
  private sumsAt = new Int32Array(0);
  /** The model's vocabulary and its word sums, shared by every tagger of the model. */
  private readonly vocabulary: ScoredVocabulary;
  /** Per word type outside the vocabulary (id - first own id): summed weights of its word features at offsets -2..2 (5 × width). */
  private wordSums = new Float32Array(0);
  private known = new Uint8Array(0);
  /** The extractor generation the ids in `known` belong to. */
  private generation = -1;
  private readonly wordSink: ScoreSink;
  private readonly wordScratch: Float64Array;

  constructor(
    readonly model: NerModel,
    options: TaggerOptions = {},
  ) {
    this.vocabulary = scoredVocabulary(model);
    this.extractor = new FeatureExtractor(model.resources, this.vocabulary.table);
    this.harmonise = options.harmonise ?? model.meta["harmonise"] === true;
    this.sink = new ScoreSink(model);
    this.wordSink = new ScoreSink(model);
    this.wordScratch = new Float64Array(WINDOW * model.width);
    // Most words are the vocabulary's: room for a few thousand others, doubled when full (a
    // tagger sized for the extractor's whole type limit would hold 34 MB from the start).
    this.known = new Uint8Array(OWN_TYPES);
    this.wordSums = new Float32Array(OWN_TYPES * WINDOW * model.width);
  }

  /**
   * Where a word's summed weights are (see `sumsAt`); those of a word outside the vocabulary are
   * computed the first time the tagger meets it.
   */
  private wordSumsOf(info: WordInfo): number {
    const stride = WINDOW * this.model.width;
    const id = info.id - this.extractor.firstOwnId;
    if (id < 0) return info.id * stride;
    if (this.known[id] === 1) return ~(id * stride);
    if (id >= this.known.length) {
      const size = Math.max(id + 1, this.known.length * 2);
      const known = new Uint8Array(size);
      known.set(this.known);
      const sums = new Float32Array(size * stride);
      sums.set(this.wordSums);
      this.known = known;
      this.wordSums = sums;
    }
    scoreWord(this.extractor, info, this.wordSink, this.wordScratch, this.wordSums, id * stride);
    this.known[id] = 1;
    return ~(id * stride);
  }

  /**
   * Adds to each token's emissions the cached word sums of the words at -2..2 in its sentence.
   * Word by word: each word's five offsets are read in one run (its sums are far apart from the
   * next word's in a table of megabytes), added to the rows of the tokens two before to two after
   * it; every row still gets its words' sums in the order -2..2.
   */
  private addWordSums(tokens: number): void {
    const width = this.model.width;
    const words = this.extractor.words;
    const starts = this.extractor.sentenceStarts;
    const sumsAt = this.sumsAt;
    for (let j = 0; j < tokens; j++) sumsAt[j] = this.wordSumsOf(words[j]!);
    const shared = this.vocabulary.sums;
    const own = this.wordSums;
    const emissions = this.emissions;
    for (let s = 0; s + 1 < starts.length; s++) {
      const from = starts[s]!;
      const to = starts[s + 1]!;
      for (let p = from; p < to; p++) {
        const at = sumsAt[p]!;
        const sums = at >= 0 ? shared : own;
        const block = at >= 0 ? at : ~at;
        for (let offset = -2; offset <= 2; offset++) {
          // The word at p is at `offset` from the token j = p - offset.
          const j = p - offset;
          if (j < from || j >= to) continue;
          const row = j * width;
          const base = block + (offset + 2) * width - row;
          const stop = row + width;
          let k = row;
          for (; k + 3 < stop; k += 4) {
            emissions[k]! += sums[base + k]!;
            emissions[k + 1]! += sums[base + k + 1]!;
            emissions[k + 2]! += sums[base + k + 2]!;
            emissions[k + 3]! += sums[base + k + 3]!;
          }
          for (; k < stop; k++) emissions[k]! += sums[base + k]!;
        }
      }
    }
  }

  /** Decodes one stage's columns of the emissions into `paths`, sentence by sentence. */
  private decode(stage: number): void {
    const { transitions, start, end } = this.model.stages[stage]!;
    const width = this.model.width;
    const starts = this.extractor.sentenceStarts;
    for (let s = 0; s + 1 < starts.length; s++) {
      const from = starts[s]!;
      const to = starts[s + 1]!;
      viterbi(this.emissions, to - from, TAG_COUNT, transitions, start, end, this.paths, from * width + stage * TAG_COUNT, width, from);
    }
  }

  /** Makes room for a document of `tokens` tokens and clears its emissions. */
  private prepare(tokens: number): void {
    const width = this.model.width;
    if (this.extractor.generation !== this.generation) {
      this.known.fill(0);
      this.generation = this.extractor.generation;
    }
    if (this.paths.length < tokens) {
      const size = Math.max(1024, Math.ceil(tokens * 1.5));
      this.emissions = new Float64Array(size * width);
      this.paths = new Uint8Array(size);
      this.sumsAt = new Int32Array(size);
    }
    this.emissions.fill(0, 0, tokens * width);
  }

  /** Entity spans of each sentence of one document (sentences of tokens). */
  documentSpans(sentences: readonly (readonly string[])[]): EntitySpan[][] {
    const tokens = this.extractor.begin(sentences);
    this.prepare(tokens);
    this.sink.reset(this.emissions, 0, this.model.width);
    this.extractor.emit(this.sink, true);
    this.addWordSums(tokens);
    this.decode(0);
    if (this.model.stages.length > 1) {
      this.sink.reset(this.emissions, TAG_COUNT, 2 * TAG_COUNT);
      this.extractor.emitPrior(this.sink, this.paths);
      this.decode(1);
    }
    const starts = this.extractor.sentenceStarts;
    const spans = sentences.map((_, s) => spansFromBilou(this.paths, starts[s]!, starts[s + 1]!));
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
