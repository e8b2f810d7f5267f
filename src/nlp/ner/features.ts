/**
 * Feature extraction for the NER tagger. Every feature is a 32-bit hash; word-level parts
 * (forms, shape, affixes, clusters) are computed once per distinct word and cached, so tagging
 * cost is mostly integer mixing. Document-level features look at the other occurrences of the
 * same word in the document (is it also written in lower case? capitalised mid-sentence? in
 * which contexts?), which is what makes headlines and sentence-initial names tractable.
 */
import { GAZETTEER_KINDS, type Gazetteer } from "./gazetteer.js";
import { hashString, mix, salt } from "./hash.js";
import type { WordClusters } from "./clusters.js";

export interface NerResources {
  gazetteer: Gazetteer;
  clusters: WordClusters | null;
}

interface WordInfo {
  text: string;
  lowerText: string;
  exact: number;
  lower: number;
  shape: number;
  shortShape: number;
  affixes: Uint32Array;
  clusters: Uint32Array;
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
  boundary: [hashString("<s-2>"), hashString("<s-1>"), 0, hashString("</s+1>"), hashString("</s+2>")],
};

function isUpper(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
}

function isLower(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 0xdf && code <= 0xff && code !== 0xf7);
}

/** "McDonald's" → "XxXxxxxx'x" (capped at 12 characters) and its collapsed form "XxXx'x". */
function shapes(word: string): [string, string] {
  let long = "";
  let short = "";
  let last = "";
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    const c = isUpper(code) ? "X" : isLower(code) ? "x" : code >= 48 && code <= 57 ? "d" : code > 0x7f ? "u" : word[i] ?? "";
    if (long.length < 12) long += c;
    if (c !== last) short += c;
    last = c;
  }
  return [long, short];
}

const CLUSTER_NONE = new Uint32Array(3);
const NO_MATCHES: number[][] = [];

export class FeatureExtractor {
  private readonly cache = new Map<string, WordInfo>();

  constructor(private readonly resources: NerResources) {}

  private info(word: string): WordInfo {
    const cached = this.cache.get(word);
    if (cached) return cached;
    if (this.cache.size > 500_000) this.cache.clear();
    const lowerText = word.toLowerCase();
    const [long, short] = shapes(word);
    const affixes = new Uint32Array(8);
    for (let k = 1; k <= 4; k++) {
      affixes[k - 1] = word.length >= k ? mix(S.prefix[k - 1] ?? 0, hashString(word.slice(0, k))) : 0;
      affixes[k + 3] = word.length >= k ? mix(S.suffix[k - 1] ?? 0, hashString(lowerText.slice(-k))) : 0;
    }
    let upper = 0;
    let lowerCount = 0;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      if (isUpper(code)) upper++;
      else if (isLower(code)) lowerCount++;
    }
    const path = this.resources.clusters?.lookup(word) ?? null;
    const info: WordInfo = {
      text: word,
      lowerText,
      exact: mix(S.word, hashString(word)),
      lower: hashString(lowerText),
      shape: hashString(long),
      shortShape: hashString(short),
      affixes,
      clusters: path ?? CLUSTER_NONE,
      initCap: word.length > 0 && isUpper(word.charCodeAt(0)),
      allCaps: upper > 0 && lowerCount === 0,
      allLower: lowerCount > 0 && upper === 0,
    };
    this.cache.set(word, info);
    return info;
  }

  /**
   * Features of every token of a document (sentences of tokens), flattened in reading order:
   * token j's features are `features[offsets[j] .. offsets[j+1])`. With `contextual`, the
   * `wordFeatures` of the words at positions -2..2 are left out (the caller adds them).
   */
  extract(sentences: readonly (readonly string[])[], contextual = false): { features: Uint32Array; offsets: Uint32Array } {
    const infos = sentences.map((tokens) => tokens.map((token) => this.info(token)));
    const capsSentence = infos.map((sentence) => {
      let letters = 0;
      for (const info of sentence) {
        if (info.allLower || (info.initCap && !info.allCaps)) return false;
        if (info.allCaps) letters++;
      }
      return letters > 1;
    });
    const doc = this.documentStats(infos, capsSentence);
    const total = infos.reduce((sum, sentence) => sum + sentence.length, 0);
    const out = new FeatureBuffer(total * 56);
    const offsets = new Uint32Array(total + 1);
    let token = 0;
    for (let s = 0; s < infos.length; s++) {
      const sentence = infos[s] ?? [];
      const gazetteer = this.gazetteerFeatures(sentence);
      for (let i = 0; i < sentence.length; i++) {
        offsets[token] = out.length;
        this.tokenFeatures(out, sentence, i, capsSentence[s] === true, gazetteer, doc, contextual);
        token++;
      }
    }
    offsets[token] = out.length;
    return { features: out.finish(), offsets };
  }

  /**
   * Stage-two features, per token: the stage-one tags around it and the labels stage one gave
   * other occurrences of the same word in the document. `prior[s][i]` is the stage-one BILOU
   * tag index. Stage two adds their weights to stage one's scores.
   */
  priorFeatures(sentences: readonly (readonly string[])[], prior: readonly Uint8Array[]): { features: Uint32Array; offsets: Uint32Array } {
    const votes = new Map<string, Int32Array>();
    sentences.forEach((tokens, s) => {
      tokens.forEach((token, i) => {
        const info = this.info(token);
        if (!info.initCap) return;
        let counts = votes.get(info.lowerText);
        if (!counts) {
          counts = new Int32Array(5);
          votes.set(info.lowerText, counts);
        }
        const tag = prior[s]?.[i] ?? 0;
        counts[tag === 0 ? 0 : ((tag - 1) >> 2) + 1]! += 1;
      });
    });
    const total = sentences.reduce((sum, tokens) => sum + tokens.length, 0);
    const out = new FeatureBuffer(total * 8);
    const offsets = new Uint32Array(total + 1);
    const own = new Int32Array(5);
    let token = 0;
    sentences.forEach((tokens, s) => {
      const tags = prior[s] ?? new Uint8Array(tokens.length);
      tokens.forEach((word, i) => {
        offsets[token] = out.length;
        const tag = tags[i] ?? 0;
        out.push(mix(S.priorSelf, tag));
        out.push(mix(S.priorLeft, i > 0 ? (tags[i - 1] ?? 0) : 255));
        out.push(mix(S.priorRight, i + 1 < tokens.length ? (tags[i + 1] ?? 0) : 255));
        const info = this.info(word);
        const counts = info.initCap ? votes.get(info.lowerText) : undefined;
        if (counts) {
          own.set(counts);
          own[tag === 0 ? 0 : ((tag - 1) >> 2) + 1]! -= 1;
          let best = -1;
          let bestCount = 0;
          for (let label = 0; label < 5; label++) {
            const count = own[label] ?? 0;
            if (count > 0) out.push(mix(S.priorWord, label));
            if (count > bestCount) {
              bestCount = count;
              best = label;
            }
          }
          if (best >= 0) out.push(mix(S.priorMajority, best));
        }
        token++;
      });
    });
    offsets[token] = out.length;
    return { features: out.finish(), offsets };
  }

  private documentStats(infos: readonly WordInfo[][], capsSentence: readonly boolean[]): DocumentStats {
    const lowerSeen = new Set<string>();
    const capMid = new Set<string>();
    const contexts = new Map<string, number[]>();
    infos.forEach((sentence, s) => {
      sentence.forEach((info, i) => {
        if (info.allLower) lowerSeen.add(info.lowerText);
        if (!info.initCap) return;
        if (i > 0 && !capsSentence[s]) capMid.add(info.lowerText);
        let list = contexts.get(info.lowerText);
        if (!list) {
          list = [];
          contexts.set(info.lowerText, list);
        }
        if (list.length < 12) {
          const left = sentence[i - 1];
          const right = sentence[i + 1];
          list.push(mix(S.contextLeft, left ? left.lower : S.boundary[1] ?? 0));
          list.push(mix(S.contextRight, right ? right.lower : S.boundary[3] ?? 0));
        }
      });
    });
    for (const [word, list] of contexts) contexts.set(word, [...new Set(list)]);
    return { lowerSeen, capMid, contexts };
  }

  /** Per token of a sentence, the hashes of "inside a gazetteer match of kind K at position P". */
  private gazetteerFeatures(sentence: readonly WordInfo[]): number[][] {
    const lower = sentence.map((info) => info.lowerText);
    const matches = this.resources.gazetteer.matches(lower, (i) => {
      const info = sentence[i];
      return info !== undefined && (info.initCap || info.allCaps);
    });
    if (matches.length === 0) return NO_MATCHES;
    const perToken: number[][] = sentence.map(() => []);
    for (const match of matches) {
      const length = match.end - match.start;
      for (let k = 0; k < GAZETTEER_KINDS.length; k++) {
        if ((match.mask & (1 << k)) === 0) continue;
        for (let i = match.start; i < match.end; i++) {
          const position = length === 1 ? 3 : i === match.start ? 0 : i === match.end - 1 ? 2 : 1;
          perToken[i]?.push(k * 8 + position);
        }
      }
    }
    return perToken;
  }

  /**
   * Features that depend only on the word at relative position `offset` (-2..2) of the token
   * being tagged. Taggers cache their summed weights per word and offset (see NerTagger);
   * `tokenFeatures` in contextual mode leaves them out for positions holding a word.
   */
  wordFeatures(word: string, offset: number, out: number[] = []): number[] {
    const w = this.info(word);
    if (offset === 0) {
      out.push(w.exact, mix(S.lower[2] ?? 0, w.lower), mix(S.shape[2] ?? 0, w.shape));
      for (let k = 0; k < 8; k++) if ((w.affixes[k] ?? 0) !== 0) out.push(w.affixes[k] ?? 0);
      if ((w.clusters[0] ?? 0) !== 0) for (let k = 0; k < 3; k++) out.push(mix(S.cluster[k] ?? 0, w.clusters[k] ?? 0));
    } else if (offset === -1 || offset === 1) {
      out.push(mix(S.lower[offset + 2] ?? 0, w.lower), mix(S.shape[offset + 2] ?? 0, w.shape));
      const salts = offset === -1 ? S.clusterLeft : S.clusterRight;
      if ((w.clusters[0] ?? 0) !== 0) for (let k = 0; k < 2; k++) out.push(mix(salts[k] ?? 0, w.clusters[k + 1] ?? 0));
    } else {
      out.push(mix(S.lower[offset + 2] ?? 0, w.lower), mix(S.shortShape[offset + 2] ?? 0, w.shortShape));
    }
    return out;
  }

  /** The position-only features standing in for `wordFeatures` where the sentence has no word. */
  private boundaryFeatures(out: FeatureBuffer, offset: number): void {
    const boundary = S.boundary[offset + 2] ?? 0;
    out.push(mix(S.lower[offset + 2] ?? 0, boundary));
    out.push(mix((offset === -1 || offset === 1 ? S.shape : S.shortShape)[offset + 2] ?? 0, boundary));
  }

  private tokenFeatures(
    out: FeatureBuffer,
    sentence: readonly WordInfo[],
    i: number,
    caps: boolean,
    gazetteer: readonly number[][],
    doc: DocumentStats,
    contextual: boolean,
  ): void {
    const w = sentence[i] as WordInfo;
    const left1 = sentence[i - 1];
    const right1 = sentence[i + 1];
    for (let offset = -2; offset <= 2; offset++) {
      const word = sentence[i + offset];
      if (!word) this.boundaryFeatures(out, offset);
      else if (!contextual) for (const feature of this.wordFeatures(word.text, offset)) out.push(feature);
    }
    const l1 = left1 ? left1.lower : S.boundary[1] ?? 0;
    const l0 = w.lower;
    const r1 = right1 ? right1.lower : S.boundary[3] ?? 0;
    const ss1 = left1 ? left1.shortShape : S.boundary[1] ?? 0;
    const ss0 = w.shortShape;
    const ssr1 = right1 ? right1.shortShape : S.boundary[3] ?? 0;
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
    if ((w.clusters[0] ?? 0) !== 0) out.push(mix(mix(S.clusterWord, w.clusters[1] ?? 0), l1));
    const matches = gazetteer[i];
    if (matches && matches.length > 0) for (const code of matches) out.push(mix(S.gazetteer, code));
    else if (w.initCap) out.push(S.noGazetteer);
    for (const code of gazetteer[i - 1] ?? []) out.push(mix(S.gazetteerLeft, code));
    for (const code of gazetteer[i + 1] ?? []) out.push(mix(S.gazetteerRight, code));
    if (w.initCap) this.documentFeatures(out, w, i, caps, doc);
  }

  private documentFeatures(
    out: FeatureBuffer,
    w: WordInfo,
    i: number,
    caps: boolean,
    doc: DocumentStats,
  ): void {
    const lowerSeen = doc.lowerSeen.has(w.lowerText);
    if (lowerSeen) out.push(S.lowerSeen);
    if (i === 0 || caps) {
      const capMid = doc.capMid.has(w.lowerText);
      if (capMid) out.push(lowerSeen ? S.capMid : S.capMidOnly);
    }
    for (const context of doc.contexts.get(w.lowerText) ?? []) out.push(context);
  }
}

interface DocumentStats {
  lowerSeen: Set<string>;
  capMid: Set<string>;
  contexts: Map<string, number[]>;
}

/** A growable Uint32Array. */
class FeatureBuffer {
  private data: Uint32Array;
  length = 0;

  constructor(capacity: number) {
    this.data = new Uint32Array(Math.max(64, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  finish(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}
