/**
 * Near-duplicate and syndicated-copy detection: MinHash signatures over word shingles, and
 * locality-sensitive hashing (banding) to find candidate pairs without comparing every pair.
 * Deterministic: the hash functions come from fixed seeds, so signatures can be stored and
 * compared across runs and machines.
 */
import { hashString, mix } from "../nlp/ner/hash.js";

export interface MinHashOptions {
  /** Signature length (number of hash functions); must equal bands × rows. */
  numHashes: number;
  /** Words per shingle. */
  shingleSize: number;
  /** LSH bands; with `rows = numHashes / bands`, pairs with Jaccard above ≈ (1/bands)^(1/rows) become candidates. */
  bands: number;
  /** Estimated Jaccard similarity at or above which two texts are near-duplicates. */
  threshold: number;
}

/** 16 bands of 8 rows: candidates from Jaccard ≈ 0.7, almost surely at 0.85 and above. */
export const DEFAULT_MINHASH: MinHashOptions = { numHashes: 128, shingleSize: 5, bands: 16, threshold: 0.8 };

const seedCache = new Map<number, Uint32Array>();

/** The per-function seeds: a fixed splitmix-style sequence, the same on every machine. */
function seeds(count: number): Uint32Array {
  let cached = seedCache.get(count);
  if (!cached) {
    cached = new Uint32Array(count);
    let state = 0x9e3779b9;
    for (let i = 0; i < count; i++) {
      state = (state + 0x9e3779b9) >>> 0;
      cached[i] = mix(state, i);
    }
    seedCache.set(count, cached);
  }
  return cached;
}

/**
 * Lower-cased letter/digit words: punctuation, quotes and layout do not make copies differ. A text
 * with none (emoji or symbols only) is read by its runs of non-space characters instead, or every
 * such text would share the one empty signature and be filed as a copy of the first.
 */
export function words(text: string): string[] {
  const lower = text.toLowerCase();
  return lower.match(/[\p{L}\p{N}]+/gu) ?? lower.match(/\S+/gu) ?? [];
}

/** Hashes of the distinct `size`-word shingles; a text shorter than `size` is one shingle. */
export function shingleHashes(text: string, size: number): Uint32Array {
  const hashes = words(text).map((word) => hashString(word));
  const count = Math.max(1, hashes.length - size + 1);
  const out = new Set<number>();
  for (let start = 0; start < count && hashes.length > 0; start++) {
    let h = size;
    for (let i = start; i < Math.min(start + size, hashes.length); i++) h = mix(h, hashes[i]!);
    out.add(h);
  }
  return Uint32Array.from(out);
}

/** The MinHash signature of `text`: for each seeded hash function, the minimum over the shingles. */
export function minhash(text: string, options: MinHashOptions = DEFAULT_MINHASH): Uint32Array {
  const shingles = shingleHashes(text, options.shingleSize);
  const seed = seeds(options.numHashes);
  const signature = new Uint32Array(options.numHashes).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const shingle = shingles[s]!;
    for (let i = 0; i < signature.length; i++) {
      const value = mix(shingle, seed[i]!);
      if (value < signature[i]!) signature[i] = value;
    }
  }
  return signature;
}

/** Share of equal positions: an unbiased estimate of the shingle sets' Jaccard similarity. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) throw new Error("signatures of different lengths");
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}

/** The LSH bucket keys of a signature, one per band ("band:hash"). */
export function bandKeys(signature: Uint32Array, bands: number): string[] {
  if (signature.length % bands !== 0) throw new Error(`${signature.length} hashes do not split into ${bands} bands`);
  const rows = signature.length / bands;
  const keys: string[] = [];
  for (let band = 0; band < bands; band++) {
    let h = band + 1;
    for (let i = band * rows; i < (band + 1) * rows; i++) h = mix(h, signature[i]!);
    keys.push(`${band}:${h.toString(36)}`);
  }
  return keys;
}

export interface DuplicateMatch {
  /** The first-seen text this one copies. */
  of: string;
  similarity: number;
}

/**
 * An in-memory LSH index. `add` files a text under its id and returns the canonical (first-added)
 * text it nearly duplicates, if any, so a stream of documents groups into clusters keyed by their
 * earliest member.
 */
export class DuplicateIndex {
  private readonly buckets = new Map<string, string[]>();
  private readonly signatures = new Map<string, Uint32Array>();
  private readonly canonical = new Map<string, string>();

  constructor(readonly options: MinHashOptions = DEFAULT_MINHASH) {}

  /** The best match at or above the threshold among already added texts, without adding. */
  match(signature: Uint32Array): DuplicateMatch | undefined {
    let best: DuplicateMatch | undefined;
    const checked = new Set<string>();
    for (const key of bandKeys(signature, this.options.bands)) {
      for (const id of this.buckets.get(key) ?? []) {
        if (checked.has(id)) continue;
        checked.add(id);
        const score = similarity(signature, this.signatures.get(id)!);
        if (score >= this.options.threshold && (!best || score > best.similarity)) best = { of: this.canonical.get(id)!, similarity: score };
      }
    }
    return best;
  }

  add(id: string, text: string): DuplicateMatch | undefined {
    const signature = minhash(text, this.options);
    const found = this.match(signature);
    this.signatures.set(id, signature);
    this.canonical.set(id, found?.of ?? id);
    for (const key of bandKeys(signature, this.options.bands)) {
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(id);
      else this.buckets.set(key, [id]);
    }
    return found;
  }

  /** The canonical id of an added text (itself when it duplicates nothing). */
  canonicalOf(id: string): string | undefined {
    return this.canonical.get(id);
  }
}

/** Groups texts into clusters of near-duplicates; each cluster is keyed by its first member. */
export function groupNearDuplicates(texts: { id: string; text: string }[], options: MinHashOptions = DEFAULT_MINHASH): Map<string, string[]> {
  const index = new DuplicateIndex(options);
  const groups = new Map<string, string[]>();
  for (const { id, text } of texts) {
    const canonical = index.add(id, text)?.of ?? id;
    const group = groups.get(canonical);
    if (group) group.push(id);
    else groups.set(canonical, [id]);
  }
  return groups;
}

/** The signature and band keys a store indexes a text by. */
export function textSignature(text: string, options: MinHashOptions = DEFAULT_MINHASH): { minhash: Uint32Array; bands: string[] } {
  const signature = minhash(text, options);
  return { minhash: signature, bands: bandKeys(signature, options.bands) };
}

/** Among stored candidates, the document `signature` nearly duplicates (most similar, at or above the threshold). */
export function bestMatch(
  signature: Uint32Array,
  candidates: { documentId: string; minhash: Uint32Array }[],
  threshold = DEFAULT_MINHASH.threshold,
): { documentId: string; similarity: number } | undefined {
  let best: { documentId: string; similarity: number } | undefined;
  for (const candidate of candidates) {
    if (candidate.minhash.length !== signature.length) continue; // signed with other options
    const score = similarity(signature, candidate.minhash);
    if (score >= threshold && (!best || score > best.similarity)) best = { documentId: candidate.documentId, similarity: score };
  }
  return best;
}
