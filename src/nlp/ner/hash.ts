export const FNV_SEED = 0x811c9dc5;

/** 32-bit FNV-1a over UTF-16 code units: feature strings are hashed once per distinct word. */
export function hashString(text: string, seed = FNV_SEED): number {
  return hashRange(text, 0, text.length, seed);
}

/** `hashString(text.slice(from, to))` without making the slice. */
export function hashRange(text: string, from: number, to: number, seed = FNV_SEED): number {
  let h = seed >>> 0;
  for (let i = Math.max(0, from); i < to; i++) h = fnvStep(h, text.charCodeAt(i));
  return h >>> 0;
}

/** One FNV-1a step: the hash of a string extended by one code unit (call `>>> 0` on the result). */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

/** Combines two 32-bit hashes (murmur3 finaliser over a boost-style combine); order matters. */
export function mix(a: number, b: number): number {
  let h = (a ^ (b + 0x9e3779b9 + (a << 6) + (a >>> 2))) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A salt per feature template, so that the same value under two templates gives two features. */
export function salt(template: string): number {
  return hashString(template, 0x12345678);
}
