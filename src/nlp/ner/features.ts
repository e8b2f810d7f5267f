/**
 * Feature extraction for the NER tagger. Every feature is a 32-bit hash; everything that depends
 * on the word alone (forms, shape, affixes, clusters, the gazetteer trie node of its lower case)
 * is computed once per distinct word and cached, so per-token features are integer mixes of
 * cached hashes with no strings built. Document-level features look at the other occurrences of
 * the same word in the document (is it also written in lower case? capitalised mid-sentence? in
 * which contexts?), which is what makes headlines and sentence-initial names tractable.
 *
 * Features go to a sink: training collects them (`extract`, `priorFeatures`), the tagger adds up
 * their weights as they come (`begin`, then `emit` and `emitPrior`).
 */
import { GAZETTEER_KINDS, MAX_GAZETTEER_TOKENS, type Gazetteer, type GazetteerNode } from "./gazetteer.js";
import { FNV_SEED, fnvStep, hashRange, hashString, mix, salt } from "./hash.js";
import type { WordClusters } from "./clusters.js";
import type { ScaledVectors } from "./glove-vectors.js";

export interface NerResources {
  gazetteer: Gazetteer;
  clusters: WordClusters | null;
  /** Word vectors read as real-valued features of the words up to `window` either side of a token (absent: none). */
  vectors?: VectorWindow | null;
}

export interface VectorWindow {
  table: ScaledVectors;
  window: number;
}

/** Where features go: a collector in training, a weight accumulator in tagging. */
export interface FeatureSink {
  push(hash: number): void;
}

/** Where real-valued features go: a feature hash and the value its weights are multiplied by. */
export interface ValueSink {
  pushValue(hash: number, value: number): void;
}

/** A sink told where each token's features end (tokens in document order). */
export interface TokenSink extends FeatureSink {
  endToken(): void;
}

/**
 * A distinct lower-case form: what it is whatever the document. Its statistics in the current
 * document are kept by each extractor, per form id.
 */
interface LowerForm {
  /** Dense id, unique across a word table and the table it extends. */
  id: number;
  text: string;
  hash: number;
  gazetteer: GazetteerNode | null;
}

/** Hashes stored on words and forms are kept as int32 bits (small integers, never boxed); features are pushed unsigned. */
export interface WordInfo {
  /** Dense id of the word type, stable until the extractor's cache is reset (see `generation`). */
  id: number;
  text: string;
  form: LowerForm;
  exact: number;
  lower: number;
  shape: number;
  shortShape: number;
  /** Cluster hashes at the fine, middle and coarse levels (int32 bits; all 0: the word has no cluster). */
  clusterFine: number;
  clusterMid: number;
  clusterCoarse: number;
  /** Its scaled word vector (null: none, or the model reads no vectors). */
  vector: Float32Array | null;
  /** First character is an upper-case letter. */
  initCap: boolean;
  /** Has letters and none of them lower case. */
  allCaps: boolean;
  /** Has letters and all of them lower case. */
  allLower: boolean;
}

const S = {
  bias: salt("bias"),
  word: salt("w"),
  lower: [salt("l-2"), salt("l-1"), salt("l0"), salt("l+1"), salt("l+2")],
  shape: [salt("s-2"), salt("s-1"), salt("s0"), salt("s+1"), salt("s+2")],
  shortShape: [salt("ss-2"), salt("ss-1"), salt("ss0"), salt("ss+1"), salt("ss+2")],
  prefix: [salt("p1"), salt("p2"), salt("p3"), salt("p4")],
  suffix: [salt("x1"), salt("x2"), salt("x3"), salt("x4")],
  lowerBigramLeft: salt("l-1|l0"),
  lowerBigramRight: salt("l0|l+1"),
  shapeBigramLeft: salt("s-1|s0"),
  shapeBigramRight: salt("s0|s+1"),
  shapeTrigram: salt("ss-1|ss0|ss+1"),
  leftWordShape: salt("l-1|ss0"),
  rightWordShape: salt("ss0|l+1"),
  first: salt("first|ss0"),
  firstLower: salt("first|l0"),
  capsSentence: salt("caps|l0"),
  capsSentenceShape: salt("caps|ss0"),
  cluster: [salt("c0a"), salt("c0b"), salt("c0c")],
  clusterLeft: [salt("c-1a"), salt("c-1b")],
  clusterRight: [salt("c+1a"), salt("c+1b")],
  clusterWord: salt("c0b|l-1"),
  gazetteer: salt("gaz"),
  noGazetteer: salt("gaz:none|cap"),
  gazetteerLeft: salt("gaz-1"),
  gazetteerRight: salt("gaz+1"),
  lowerSeen: salt("doc:lowerSeen"),
  capMid: salt("doc:capMid"),
  capMidOnly: salt("doc:capMidOnly"),
  contextLeft: salt("doc:l-1"),
  contextRight: salt("doc:l+1"),
  priorSelf: salt("prior:t0"),
  priorLeft: salt("prior:t-1"),
  priorRight: salt("prior:t+1"),
  priorWord: salt("prior:word"),
  priorMajority: salt("prior:majority"),
  vector: [salt("v-2"), salt("v-1"), salt("v0"), salt("v+1"), salt("v+2")],
  boundary: [hashString("<s-2>"), hashString("<s-1>"), 0, hashString("</s+1>"), hashString("</s+2>")],
};

function isUpper(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
}

function isLower(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 0xdf && code <= 0xff && code !== 0xf7);
}

/**
 * Hashes of a word's shape, "McDonald's" → "XxXxxxxx'x" (capped at 12 characters), and of its
 * collapsed form "XxXx'x", computed without building either string.
 */
function shapeHashes(word: string, info: { shape: number; shortShape: number }): void {
  let long = FNV_SEED;
  let short = FNV_SEED;
  let last = -1;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    const c = isUpper(code) ? 88 : isLower(code) ? 120 : code >= 48 && code <= 57 ? 100 : code > 0x7f ? 117 : code;
    if (i < 12) long = fnvStep(long, c);
    if (c !== last) short = fnvStep(short, c);
    last = c;
  }
  info.shape = long | 0;
  info.shortShape = short | 0;
}

/**
 * The hashes of the real-valued vector features, component d of the vector of the word at offset
 * o (-window..window) at (o + window) × dims + d: training gives them consecutive rows in this order.
 */
export function vectorFeatureHashes(window: number, dims: number): Uint32Array {
  const hashes = new Uint32Array((2 * window + 1) * dims);
  for (let offset = -window; offset <= window; offset++) {
    for (let d = 0; d < dims; d++) hashes[(offset + window) * dims + d] = mix(S.vector[offset + 2]!, d);
  }
  return hashes;
}

/** Word types an extractor caches beyond its lexicon before the cache is reset (at a document boundary). */
const MAX_TYPES = 50_000;
/** Context features kept per form and document: the left and right words of its first 6 capitalised occurrences. */
const MAX_CONTEXTS = 12;
/** Stage-one labels counted per form: O, PER, ORG, LOC, MISC. */
const LABELS = 5;

/**
 * Word types and lower-case forms with their document-independent attributes, ids dense from
 * `firstId` and `firstForm`. A table may extend another (`parent`), which it consults first and
 * never changes: a model's vocabulary is one table shared by every extractor, and each extractor
 * keeps the other words it meets in its own.
 */
export class WordTable {
  private readonly words = new Map<string, WordInfo>();
  private readonly forms = new Map<string, LowerForm>();
  /**
   * Per word (id - firstId), the hashes of its prefixes then suffixes of 1..4 characters (0: the
   * word is shorter), as int32 bits: one table instead of an array per word.
   */
  private affixes: Int32Array;
  readonly firstId: number;
  readonly firstForm: number;

  constructor(
    private readonly resources: NerResources,
    private readonly parent: WordTable | null = null,
    capacity = 1024,
  ) {
    this.firstId = parent ? parent.endId : 0;
    this.firstForm = parent ? parent.endForm : 0;
    this.affixes = new Int32Array(8 * Math.max(1, capacity));
  }

  /** One past the last word id given. */
  get endId(): number {
    return this.firstId + this.words.size;
  }

  /** One past the last form id given. */
  get endForm(): number {
    return this.firstForm + this.forms.size;
  }

  /** Own words (not the parent's). */
  get size(): number {
    return this.words.size;
  }

  /** Forgets this table's own words and forms (ids are given again from the first). */
  clear(): void {
    this.words.clear();
    this.forms.clear();
  }

  /** The word's attributes: the parent's, this table's, or computed now and kept. */
  info(word: string): WordInfo {
    return this.parent?.words.get(word) ?? this.words.get(word) ?? this.add(word);
  }

  /** Pushes the affix features of a word of this table (unsigned, as every feature). */
  pushAffixes(w: WordInfo, out: FeatureSink): void {
    const affixes = this.affixes;
    for (let k = (w.id - this.firstId) * 8, stop = k + 8; k < stop; k++) if (affixes[k] !== 0) out.push(affixes[k]! >>> 0);
  }

  private form(text: string): LowerForm {
    let form = this.parent?.forms.get(text) ?? this.forms.get(text);
    if (!form) {
      form = { id: this.endForm, text, hash: hashString(text) | 0, gazetteer: this.resources.gazetteer.first(text) };
      this.forms.set(text, form);
    }
    return form;
  }

  private add(word: string): WordInfo {
    const lowerText = word.toLowerCase();
    const id = this.endId;
    const at = (id - this.firstId) * 8;
    if (at + 8 > this.affixes.length) {
      const grown = new Int32Array(this.affixes.length * 2);
      grown.set(this.affixes);
      this.affixes = grown;
    }
    const affixes = this.affixes;
    affixes.fill(0, at, at + 8);
    let prefix = FNV_SEED;
    for (let k = 1; k <= 4 && k <= word.length; k++) {
      prefix = fnvStep(prefix, word.charCodeAt(k - 1));
      affixes[at + k - 1] = mix(S.prefix[k - 1]!, prefix >>> 0);
      affixes[at + k + 3] = mix(S.suffix[k - 1]!, hashRange(lowerText, lowerText.length - k, lowerText.length));
    }
    let upper = 0;
    let lowerCount = 0;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      if (isUpper(code)) upper++;
      else if (isLower(code)) lowerCount++;
    }
    const form = this.form(lowerText);
    const info: WordInfo = {
      id,
      text: word,
      form,
      exact: mix(S.word, hashString(word)) | 0,
      lower: form.hash,
      shape: 0,
      shortShape: 0,
      clusterFine: 0,
      clusterMid: 0,
      clusterCoarse: 0,
      vector: this.resources.vectors?.table.vector(word) ?? null,
      initCap: word.length > 0 && isUpper(word.charCodeAt(0)),
      allCaps: upper > 0 && lowerCount === 0,
      allLower: lowerCount > 0 && upper === 0,
    };
    shapeHashes(word, info);
    const clusters = this.resources.clusters;
    const row = clusters ? clusters.lookup(word, lowerText) : -1;
    if (clusters && row >= 0) {
      info.clusterFine = clusters.path(row, 0);
      info.clusterMid = clusters.path(row, 1);
      info.clusterCoarse = clusters.path(row, 2);
    }
    this.words.set(word, info);
    return info;
  }
}

/**
 * Statistics of each lower-case form in the current document, per form id, in typed arrays (no
 * object per form): valid while the form's stamp is the extractor's document number.
 */
class FormStats {
  stamp = new Int32Array(0);
  /** Written all in lower case somewhere in the document. */
  lowerSeen = new Uint8Array(0);
  /** Capitalised somewhere mid-sentence (outside all-caps sentences). */
  capMid = new Uint8Array(0);
  /** Context features of its capitalised occurrences, MAX_CONTEXTS slots per form (int32 bits), and how many. */
  contexts = new Int32Array(0);
  contextCount = new Uint8Array(0);
  /** Stage-one labels of its capitalised occurrences (LABELS per form), valid while voteStamp is the document. */
  voteStamp = new Int32Array(0);
  votes = new Int32Array(0);

  /** Makes room for form ids below `forms`. */
  reserve(forms: number): void {
    if (forms <= this.stamp.length) return;
    const size = Math.max(1024, forms, this.stamp.length * 2);
    const grow = <T extends Int32Array | Uint8Array>(old: T, per: number, make: (n: number) => T): T => {
      const grown = make(size * per);
      grown.set(old);
      return grown;
    };
    this.stamp = grow(this.stamp, 1, (n) => new Int32Array(n));
    this.lowerSeen = grow(this.lowerSeen, 1, (n) => new Uint8Array(n));
    this.capMid = grow(this.capMid, 1, (n) => new Uint8Array(n));
    this.contexts = grow(this.contexts, MAX_CONTEXTS, (n) => new Int32Array(n));
    this.contextCount = grow(this.contextCount, 1, (n) => new Uint8Array(n));
    this.voteStamp = grow(this.voteStamp, 1, (n) => new Int32Array(n));
    this.votes = grow(this.votes, LABELS, (n) => new Int32Array(n));
  }
}

export class FeatureExtractor {
  /** The words met beyond the lexicon. */
  private readonly table: WordTable;
  private readonly stats = new FormStats();
  /** Form ids touched by the current document. */
  private touched = new Int32Array(64);
  /** Bumped whenever the cache is reset, which reuses word ids. */
  private resets = 0;
  /** Number of the current document, for the per-form statistics. */
  private document = 0;
  /** The current document: its words in reading order, sentence starts, all-caps sentences. */
  private tokens: WordInfo[] = [];
  private starts = new Int32Array(64);
  private caps = new Uint8Array(64);
  private sentenceCount = 0;
  /** Tokens of the current document (`tokens` may hold more, left from a longer one). */
  private tokenCount = 0;
  /** Gazetteer codes (kind × 8 + position) of each token of the sentence being emitted. */
  private readonly gazetteer: number[][] = [];

  /** `lexicon`: a shared table of words known in advance (their ids come before all others). */
  /** The vectors the model reads, and the hashes of their features (see `vectorFeatureHashes`). */
  private readonly vectors: VectorWindow | null;
  private readonly vectorHashes: Uint32Array;

  constructor(
    resources: NerResources,
    private readonly lexicon: WordTable | null = null,
  ) {
    this.table = new WordTable(resources, lexicon, 8192);
    this.vectors = resources.vectors ?? null;
    this.vectorHashes = this.vectors ? vectorFeatureHashes(this.vectors.window, this.vectors.table.dims) : new Uint32Array(0);
  }

  /** The first id of words not in the lexicon (ids below it are the lexicon's, never reset). */
  get firstOwnId(): number {
    return this.table.firstId;
  }

  /**
   * Reads a document (sentences of tokens) for `emit` and `emitPrior`: its words, all-caps
   * sentences and per-form statistics. Returns its token count.
   */
  begin(sentences: readonly (readonly string[])[]): number {
    if (this.table.size > MAX_TYPES) {
      this.table.clear();
      this.resets++;
    }
    const document = ++this.document;
    const count = sentences.length;
    if (this.starts.length < count + 1) {
      this.starts = new Int32Array((count + 1) * 2);
      this.caps = new Uint8Array((count + 1) * 2);
    }
    const tokens = this.tokens;
    const table = this.table;
    let j = 0;
    for (let s = 0; s < count; s++) {
      this.starts[s] = j;
      let caps = 0;
      let letters = 0;
      for (const token of sentences[s] ?? []) {
        const info = table.info(token);
        tokens[j++] = info;
        if (info.allLower || (info.initCap && !info.allCaps)) caps = -1;
        else if (info.allCaps && caps === 0) letters++;
      }
      this.caps[s] = caps === 0 && letters > 1 ? 1 : 0;
    }
    this.starts[count] = j;
    this.tokenCount = j;
    this.sentenceCount = count;
    this.stats.reserve(table.endForm);
    this.documentStats(document);
    return j;
  }

  /** Per form: seen in lower case, capitalised mid-sentence, the contexts of its capitalised occurrences. */
  private documentStats(document: number): void {
    const tokens = this.tokens;
    const { stamp, lowerSeen, capMid, contexts, contextCount } = this.stats;
    if (this.touched.length < this.tokenCount) this.touched = new Int32Array(this.tokenCount * 2);
    const touched = this.touched;
    let touchedCount = 0;
    for (let s = 0; s < this.sentenceCount; s++) {
      const from = this.starts[s]!;
      const to = this.starts[s + 1]!;
      for (let j = from; j < to; j++) {
        const info = tokens[j]!;
        const form = info.form.id;
        if (stamp[form] !== document) {
          stamp[form] = document;
          lowerSeen[form] = 0;
          capMid[form] = 0;
          contextCount[form] = 0;
          touched[touchedCount++] = form;
        }
        if (info.allLower) lowerSeen[form] = 1;
        if (!info.initCap) continue;
        if (j > from && this.caps[s] === 0) capMid[form] = 1;
        const count = contextCount[form]!;
        if (count < MAX_CONTEXTS) {
          const at = form * MAX_CONTEXTS + count;
          contexts[at] = mix(S.contextLeft, j > from ? tokens[j - 1]!.lower : S.boundary[1]!);
          contexts[at + 1] = mix(S.contextRight, j + 1 < to ? tokens[j + 1]!.lower : S.boundary[3]!);
          contextCount[form] = count + 2;
        }
      }
    }
    for (let t = 0; t < touchedCount; t++) {
      const form = touched[t]!;
      contextCount[form] = dedupe(contexts, form * MAX_CONTEXTS, contextCount[form]!);
    }
  }

  /**
   * Features of every token of the document read by `begin`, in reading order. With
   * `contextual`, the `wordFeatures` of the words at positions -2..2 are left out (the caller
   * adds them: they are the same wherever the word occurs).
   */
  emit(sink: TokenSink, contextual: boolean): void {
    for (let s = 0; s < this.sentenceCount; s++) {
      const from = this.starts[s]!;
      const n = this.starts[s + 1]! - from;
      this.gazetteerCodes(from, n);
      for (let i = 0; i < n; i++) {
        this.tokenFeatures(sink, from, n, i, this.caps[s] === 1, contextual);
        sink.endToken();
      }
    }
  }

  /**
   * Stage-two features of every token of the document read by `begin`: the stage-one tags
   * around it and the labels stage one gave the other capitalised occurrences of its form.
   * `tags[j]` is token j's stage-one BILOU tag index.
   */
  emitPrior(sink: TokenSink, tags: Uint8Array): void {
    const tokens = this.tokens;
    const document = this.document;
    const { voteStamp, votes } = this.stats;
    for (let j = 0; j < this.tokenCount; j++) {
      const info = tokens[j]!;
      if (!info.initCap) continue;
      const form = info.form.id;
      if (voteStamp[form] !== document) {
        voteStamp[form] = document;
        votes.fill(0, form * LABELS, (form + 1) * LABELS);
      }
      votes[form * LABELS + labelOf(tags[j]!)]! += 1;
    }
    for (let s = 0; s < this.sentenceCount; s++) {
      const from = this.starts[s]!;
      const to = this.starts[s + 1]!;
      for (let j = from; j < to; j++) {
        const tag = tags[j]!;
        sink.push(mix(S.priorSelf, tag));
        sink.push(mix(S.priorLeft, j > from ? tags[j - 1]! : 255));
        sink.push(mix(S.priorRight, j + 1 < to ? tags[j + 1]! : 255));
        const info = tokens[j]!;
        if (info.initCap) {
          const at = info.form.id * LABELS;
          const own = labelOf(tag);
          let best = -1;
          let bestCount = 0;
          for (let label = 0; label < LABELS; label++) {
            const count = votes[at + label]! - (label === own ? 1 : 0);
            if (count > 0) sink.push(mix(S.priorWord, label));
            if (count > bestCount) {
              bestCount = count;
              best = label;
            }
          }
          if (best >= 0) sink.push(mix(S.priorMajority, best));
        }
        sink.endToken();
      }
    }
  }

  /** Changes whenever word ids start again (a tagger's per-id caches are then stale). */
  get generation(): number {
    return this.resets;
  }

  /** The words of the document read by `begin`, in reading order (index < its token count only). */
  get words(): readonly WordInfo[] {
    return this.tokens;
  }

  /** Token index where each sentence of the document read by `begin` starts, then the token count. */
  get sentenceStarts(): Int32Array {
    return this.starts.subarray(0, this.sentenceCount + 1);
  }

  /**
   * Features of every token of a document (sentences of tokens), flattened in reading order:
   * token j's features are `features[offsets[j] .. offsets[j+1])`. With `contextual`, the
   * `wordFeatures` of the words at positions -2..2 are left out.
   */
  extract(sentences: readonly (readonly string[])[], contextual = false): { features: Uint32Array; offsets: Uint32Array } {
    const total = this.begin(sentences);
    const out = new FeatureBuffer(total, 56);
    this.emit(out, contextual);
    return out.finish();
  }

  /** `emitPrior` for a document given as sentences, with `prior[s][i]` the stage-one tag index. */
  priorFeatures(sentences: readonly (readonly string[])[], prior: readonly Uint8Array[]): { features: Uint32Array; offsets: Uint32Array } {
    const total = this.begin(sentences);
    const tags = new Uint8Array(total);
    let j = 0;
    sentences.forEach((tokens, s) => {
      for (let i = 0; i < tokens.length; i++) tags[j++] = prior[s]?.[i] ?? 0;
    });
    const out = new FeatureBuffer(total, 8);
    this.emitPrior(out, tags);
    return out.finish();
  }

  /**
   * Fills `this.gazetteer[i]` for the sentence of `n` tokens starting at `from`: the code
   * (kind × 8 + B/I/L/U position) of every gazetteer match over it. Matches start at a
   * capitalised token (this keeps "china" the plate out).
   */
  private gazetteerCodes(from: number, n: number): void {
    const codes = this.gazetteer;
    for (let i = 0; i < n; i++) {
      const list = codes[i];
      if (!list) codes[i] = [];
      else if (list.length !== 0) list.length = 0;
    }
    const tokens = this.tokens;
    for (let start = 0; start < n; start++) {
      const first = tokens[from + start]!;
      if (!(first.initCap || first.allCaps)) continue;
      let node = first.form.gazetteer;
      let end = start + 1;
      while (node) {
        if (node.mask !== 0) addMatch(codes, start, end, node.mask);
        if (end >= n || end - start >= MAX_GAZETTEER_TOKENS || !node.next) break;
        node = node.next.get(tokens[from + end]!.form.text) ?? null;
        end++;
      }
    }
  }

  /**
   * Features that depend only on the word at relative position `offset` (-2..2) of the token
   * being tagged. Taggers cache their summed weights per word and offset (see NerTagger);
   * `emit` in contextual mode leaves them out for positions holding a word.
   */
  wordFeatures(word: string, offset: number, out: FeatureSink): void {
    this.infoFeatures(this.table.info(word), offset, out);
  }

  /** `wordFeatures` of a word the extractor has read. */
  infoFeatures(w: WordInfo, offset: number, out: FeatureSink): void {
    if (offset === 0) {
      out.push(w.exact >>> 0);
      out.push(mix(S.lower[2]!, w.lower));
      out.push(mix(S.shape[2]!, w.shape));
      (w.id < this.table.firstId ? this.lexicon! : this.table).pushAffixes(w, out);
      if (w.clusterFine !== 0) {
        out.push(mix(S.cluster[0]!, w.clusterFine));
        out.push(mix(S.cluster[1]!, w.clusterMid));
        out.push(mix(S.cluster[2]!, w.clusterCoarse));
      }
    } else if (offset === -1 || offset === 1) {
      out.push(mix(S.lower[offset + 2]!, w.lower));
      out.push(mix(S.shape[offset + 2]!, w.shape));
      const salts = offset === -1 ? S.clusterLeft : S.clusterRight;
      if (w.clusterFine !== 0) {
        out.push(mix(salts[0]!, w.clusterMid));
        out.push(mix(salts[1]!, w.clusterCoarse));
      }
    } else {
      out.push(mix(S.lower[offset + 2]!, w.lower));
      out.push(mix(S.shortShape[offset + 2]!, w.shortShape));
    }
  }

  /**
   * The real-valued features of a word at relative position `offset` of the token being tagged:
   * its scaled vector's components, when the model reads vectors that far and the word has one.
   * Like `infoFeatures`, they depend on the word alone (taggers cache their sums).
   */
  infoVector(w: WordInfo, offset: number, out: ValueSink): void {
    const vectors = this.vectors;
    const vector = w.vector;
    if (!vectors || !vector || Math.abs(offset) > vectors.window) return;
    const hashes = this.vectorHashes;
    const at = (offset + vectors.window) * vector.length;
    for (let d = 0; d < vector.length; d++) out.pushValue(hashes[at + d]!, vector[d]!);
  }

  /** The position-only features standing in for `wordFeatures` where the sentence has no word. */
  private boundaryFeatures(out: FeatureSink, offset: number): void {
    const boundary = S.boundary[offset + 2]!;
    out.push(mix(S.lower[offset + 2]!, boundary));
    out.push(mix((offset === -1 || offset === 1 ? S.shape : S.shortShape)[offset + 2]!, boundary));
  }

  /** Features of token i of the sentence of n tokens starting at token `from` of the document. */
  private tokenFeatures(out: FeatureSink, from: number, n: number, i: number, caps: boolean, contextual: boolean): void {
    const tokens = this.tokens;
    const w = tokens[from + i]!;
    for (let offset = -2; offset <= 2; offset++) {
      const at = i + offset;
      if (at < 0 || at >= n) this.boundaryFeatures(out, offset);
      else if (!contextual) this.infoFeatures(tokens[from + at]!, offset, out);
    }
    const left1 = i > 0 ? tokens[from + i - 1]! : null;
    const right1 = i + 1 < n ? tokens[from + i + 1]! : null;
    const l1 = left1 ? left1.lower : S.boundary[1]!;
    const l0 = w.lower;
    const r1 = right1 ? right1.lower : S.boundary[3]!;
    const ss1 = left1 ? left1.shortShape : S.boundary[1]!;
    const ss0 = w.shortShape;
    const ssr1 = right1 ? right1.shortShape : S.boundary[3]!;
    out.push(S.bias);
    out.push(mix(mix(S.lowerBigramLeft, l1), l0));
    out.push(mix(mix(S.lowerBigramRight, l0), r1));
    out.push(mix(mix(S.shapeBigramLeft, ss1), ss0));
    out.push(mix(mix(S.shapeBigramRight, ss0), ssr1));
    out.push(mix(mix(mix(S.shapeTrigram, ss1), ss0), ssr1));
    out.push(mix(mix(S.leftWordShape, l1), ss0));
    out.push(mix(mix(S.rightWordShape, ss0), r1));
    if (i === 0) {
      out.push(mix(S.first, ss0));
      out.push(mix(S.firstLower, l0));
    }
    if (caps) {
      out.push(mix(S.capsSentence, l0));
      out.push(mix(S.capsSentenceShape, ss0));
    }
    if (w.clusterFine !== 0) out.push(mix(mix(S.clusterWord, w.clusterMid), l1));
    const codes = this.gazetteer;
    const matches = codes[i]!;
    if (matches.length > 0) for (const code of matches) out.push(mix(S.gazetteer, code));
    else if (w.initCap) out.push(S.noGazetteer);
    if (i > 0) for (const code of codes[i - 1]!) out.push(mix(S.gazetteerLeft, code));
    if (i + 1 < n) for (const code of codes[i + 1]!) out.push(mix(S.gazetteerRight, code));
    if (w.initCap) this.documentFeatures(out, w, i, caps);
  }

  private documentFeatures(out: FeatureSink, w: WordInfo, i: number, caps: boolean): void {
    const { lowerSeen, capMid, contexts, contextCount } = this.stats;
    const form = w.form.id;
    if (lowerSeen[form] === 1) out.push(S.lowerSeen);
    if ((i === 0 || caps) && capMid[form] === 1) out.push(lowerSeen[form] === 1 ? S.capMid : S.capMidOnly);
    for (let k = form * MAX_CONTEXTS, stop = k + contextCount[form]!; k < stop; k++) out.push(contexts[k]! >>> 0);
  }
}

/** Records every token of a match of `mask` over [start, end) with its B/I/L/U position per kind. */
function addMatch(codes: number[][], start: number, end: number, mask: number): void {
  const length = end - start;
  for (let k = 0; k < GAZETTEER_KINDS.length; k++) {
    if ((mask & (1 << k)) === 0) continue;
    for (let i = start; i < end; i++) {
      const position = length === 1 ? 3 : i === start ? 0 : i === end - 1 ? 2 : 1;
      codes[i]!.push(k * 8 + position);
    }
  }
}

/** Label index (0 O, then PER ORG LOC MISC) of a BILOU tag index. */
function labelOf(tag: number): number {
  return tag === 0 ? 0 : ((tag - 1) >> 2) + 1;
}

/** Removes repeated values from values[from, from + count) in place, keeping first occurrences in order; returns how many are left. */
function dedupe(values: Int32Array, from: number, count: number): number {
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const value = values[from + i]!;
    let seen = false;
    for (let k = 0; k < kept; k++) if (values[from + k] === value) seen = true;
    if (!seen) values[from + kept++] = value;
  }
  return kept;
}

/** A growable Uint32Array of features with per-token offsets. */
class FeatureBuffer implements TokenSink {
  private data: Uint32Array;
  private readonly offsets: Uint32Array;
  private token = 0;
  length = 0;

  constructor(tokens: number, perToken: number) {
    this.data = new Uint32Array(Math.max(64, tokens * perToken));
    this.offsets = new Uint32Array(tokens + 1);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  endToken(): void {
    this.offsets[++this.token] = this.length;
  }

  finish(): { features: Uint32Array; offsets: Uint32Array } {
    return { features: this.data.subarray(0, this.length), offsets: this.offsets };
  }
}
