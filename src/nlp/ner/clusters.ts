/**
 * Word clusters learnt from unlabelled news (see clusters-build.ts): each known word maps to
 * cluster ids at three granularities (fine, middle, coarse), so that a rare surname shares
 * features with the common ones of its cluster.
 */
import { hashString, mix } from "./hash.js";

export const CLUSTER_LEVELS = 3;

export class WordClusters {
  private readonly paths = new Map<string, Uint32Array>();

  /** `ids[w * CLUSTER_LEVELS + level]` is word w's cluster at that level. */
  constructor(
    readonly words: readonly string[],
    readonly ids: Uint16Array,
  ) {
    const salts = [hashString("cluster:fine"), hashString("cluster:mid"), hashString("cluster:coarse")];
    words.forEach((word, w) => {
      const path = new Uint32Array(CLUSTER_LEVELS);
      for (let level = 0; level < CLUSTER_LEVELS; level++) {
        // +1 keeps a valid id from hashing to 0, which features read as "no cluster".
        path[level] = mix(salts[level] ?? 0, (ids[w * CLUSTER_LEVELS + level] ?? 0) + 1) || 1;
      }
      this.paths.set(word, path);
    });
  }

  /**
   * Cluster path of a word, trying its exact form, then lower case, then title case (`lower`
   * is the word in lower case, when the caller already has it).
   */
  lookup(word: string, lower = word.toLowerCase()): Uint32Array | null {
    const exact = this.paths.get(word);
    if (exact) return exact;
    if (lower === word) return null;
    const lowered = this.paths.get(lower);
    if (lowered) return lowered;
    const title = lower.charAt(0).toUpperCase() + lower.slice(1);
    return title === word ? null : (this.paths.get(title) ?? null);
  }
}
