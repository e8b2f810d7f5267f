/**
 * Computes word clusters from unlabelled news at training time: each frequent word gets a
 * dense vector of PPMI-weighted counts of its left and right neighbours among the most frequent
 * words (a Brown-like, mostly syntactic signal); spherical k-means then groups words into fine
 * clusters, and the fine centroids are clustered again into middle and coarse levels. Results
 * are cached as a TSV file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { CLUSTER_LEVELS, clusterRows, parseClusterRows, WordClusters } from "./clusters.js";
import type { LabelledDocument } from "./conll.js";

const VOCABULARY = 30_000;
const MIN_COUNT = 8;
/** Neighbours that count as context: the most frequent words (mostly function words and punctuation). */
const CONTEXT_WORDS = 150;
const LEVEL_SIZES = [400, 100, 25];

/** Tokens roughly as CoNLL-2003 splits them ("Clinton's" → "Clinton", "'s"). */
export function newsTokens(text: string): string[] {
  return text.match(/\p{L}+(?:[-.&]\p{L}+)*|\p{N}+(?:[.,:/-]\p{N}+)*|'s\b|\S/gu) ?? [];
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").replace(/&#\d+;/g, " ");
}

/** Sentences-ish (lines) of every news text under dataDir, plus the CoNLL training tokens. */
function corpus(dataDir: string, train: LabelledDocument[]): string[][] {
  const lines: string[][] = [];
  const reuters = join(dataDir, "news", "reuters21578");
  if (existsSync(reuters)) {
    for (const name of readdirSync(reuters).filter((file) => file.endsWith(".sgm")).sort()) {
      const text = readFileSync(join(reuters, name), "latin1");
      for (const match of text.matchAll(/<(?:TITLE|BODY)>([\s\S]*?)<\/(?:TITLE|BODY)>/g)) {
        for (const line of decodeEntities(match[1] ?? "").split(/\n\s*\n|\.\s+(?=[A-Z])/)) lines.push(newsTokens(line));
      }
    }
  }
  const bbc = join(dataDir, "news", "bbc");
  if (existsSync(bbc)) {
    for (const topic of readdirSync(bbc).sort()) {
      const folder = join(bbc, topic);
      for (const name of readdirSync(folder).sort()) {
        for (const line of readFileSync(join(folder, name), "latin1").split("\n")) lines.push(newsTokens(line));
      }
    }
  }
  for (const doc of train) lines.push(...doc.tokens);
  return lines;
}

export function normalise(vectors: Float32Array, count: number, dims: number): void {
  for (let i = 0; i < count; i++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += (vectors[i * dims + d] ?? 0) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) vectors[i * dims + d] = (vectors[i * dims + d] ?? 0) / norm;
  }
}

/**
 * Spherical k-means; the first k points (most frequent words) seed the centroids. Sparse points
 * (PPMI keeps few contexts per word) cost nnz × k each to assign; dense ones skip the index.
 */
function kmeans(vectors: Float32Array, count: number, dims: number, k: number, iterations: number, weights?: Float32Array): Uint16Array {
  const dense = Array.from({ length: dims }, (_, d) => d);
  const index: number[][] = [];
  for (let i = 0; i < count; i++) {
    const nonzero: number[] = [];
    for (let d = 0; d < dims; d++) if ((vectors[i * dims + d] ?? 0) !== 0) nonzero.push(d);
    index.push(nonzero.length === dims ? dense : nonzero);
  }
  const centroids = vectors.slice(0, k * dims);
  const assignment = new Uint16Array(count);
  for (let iteration = 0; iteration < iterations; iteration++) {
    for (let i = 0; i < count; i++) {
      const nonzero = index[i] ?? [];
      const denseRow = nonzero === dense;
      let best = -Infinity;
      let arg = 0;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        if (denseRow) for (let d = 0; d < dims; d++) dot += vectors[i * dims + d]! * centroids[c * dims + d]!;
        else for (const d of nonzero) dot += (vectors[i * dims + d] ?? 0) * (centroids[c * dims + d] ?? 0);
        if (dot > best) {
          best = dot;
          arg = c;
        }
      }
      assignment[i] = arg;
    }
    centroids.fill(0);
    for (let i = 0; i < count; i++) {
      const c = assignment[i] ?? 0;
      const weight = weights?.[i] ?? 1;
      for (const d of index[i] ?? []) centroids[c * dims + d] = (centroids[c * dims + d] ?? 0) + weight * (vectors[i * dims + d] ?? 0);
    }
    normalise(centroids, k, dims);
  }
  return assignment;
}

/** Frequent words and their unit-length PPMI vectors over left/right neighbours (words × 2·CONTEXT_WORDS). */
export function wordVectors(lines: string[][], log: (message: string) => void): { words: string[]; vectors: Float32Array } {
  const counts = new Map<string, number>();
  for (const line of lines) for (const word of line) counts.set(word, (counts.get(word) ?? 0) + 1);
  const ranked = [...counts.entries()].filter(([, count]) => count >= MIN_COUNT).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const words = ranked.slice(0, VOCABULARY).map(([word]) => word);
  const index = new Map(words.map((word, i) => [word, i]));
  const contextDims = 2 * CONTEXT_WORDS;
  log(`clusters: ${lines.length} lines, ${counts.size} word types, ${words.length} clustered`);
  const pairs: number[] = [];
  for (const line of lines) {
    const ids = line.map((word) => index.get(word) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      const w = ids[i] ?? -1;
      if (w < 0) continue;
      for (const [offset, slot] of [[-1, 0], [1, 1]] as const) {
        const c = ids[i + offset] ?? -1;
        if (c >= 0 && c < CONTEXT_WORDS) pairs.push(w * contextDims + slot * CONTEXT_WORDS + c);
      }
    }
  }
  const codes = Uint32Array.from(pairs).sort();
  const wordTotals = new Float64Array(words.length);
  const contextTotals = new Float64Array(contextDims);
  for (const code of codes) {
    wordTotals[Math.floor(code / contextDims)]! += 1;
    contextTotals[code % contextDims]! += 1;
  }
  const vectors = new Float32Array(words.length * contextDims);
  const total = codes.length;
  for (let i = 0; i < codes.length; ) {
    const code = codes[i] ?? 0;
    let j = i;
    while (j < codes.length && codes[j] === code) j++;
    const w = Math.floor(code / contextDims);
    const c = code % contextDims;
    const pmi = Math.log(((j - i) * total) / ((wordTotals[w] ?? 1) * (contextTotals[c] ?? 1) ** 0.75 * total ** 0.25));
    if (pmi > 0) vectors[w * contextDims + c] = pmi;
    i = j;
  }
  normalise(vectors, words.length, contextDims);
  return { words, vectors };
}

export function computeClusters(lines: string[][], log: (message: string) => void): WordClusters {
  const { words, vectors } = wordVectors(lines, log);
  return clusterVectors(words, vectors, LEVEL_SIZES, log);
}

/**
 * Three-level clusters of unit-length word vectors (most frequent word first): k-means gives the
 * fine clusters, whose size-weighted centroids are clustered again into the middle and coarse ones.
 */
export function clusterVectors(
  words: string[],
  vectors: Float32Array,
  levelSizes: readonly number[],
  log: (message: string) => void,
): WordClusters {
  const DIMENSIONS = vectors.length / Math.max(1, words.length);
  const [fineK, midK, coarseK] = levelSizes as [number, number, number];
  const fine = kmeans(vectors, words.length, DIMENSIONS, fineK, 10);
  log(`clusters: ${fineK} fine clusters done`);
  const centroids = new Float32Array(fineK * DIMENSIONS);
  const sizes = new Float32Array(fineK);
  for (let w = 0; w < words.length; w++) {
    const c = fine[w] ?? 0;
    sizes[c]! += 1;
    for (let d = 0; d < DIMENSIONS; d++) centroids[c * DIMENSIONS + d]! += vectors[w * DIMENSIONS + d] ?? 0;
  }
  normalise(centroids, fineK, DIMENSIONS);
  const mid = kmeans(centroids, fineK, DIMENSIONS, midK, 15, sizes);
  const coarse = kmeans(centroids, fineK, DIMENSIONS, coarseK, 15, sizes);
  const ids = new Uint16Array(words.length * CLUSTER_LEVELS);
  for (let w = 0; w < words.length; w++) {
    const c = fine[w] ?? 0;
    ids[w * 3] = c;
    ids[w * 3 + 1] = mid[c] ?? 0;
    ids[w * 3 + 2] = coarse[c] ?? 0;
  }
  return new WordClusters(words, ids);
}

/** Clusters from the cache file if present, otherwise computed from the news and cached. */
export async function loadOrBuildClusters(
  dataDir: string,
  cache: string,
  train: LabelledDocument[],
  log: (message: string) => void,
): Promise<WordClusters> {
  if (existsSync(cache)) {
    log(`clusters: reading cache ${cache}`);
    return parseClusterRows(readFileSync(cache, "utf8"));
  }
  const clusters = computeClusters(corpus(dataDir, train), log);
  mkdirSync(dirname(cache), { recursive: true });
  writeFileSync(cache, clusterRows(clusters));
  log(`clusters: cached ${clusters.words.length} words in ${cache}`);
  return clusters;
}
