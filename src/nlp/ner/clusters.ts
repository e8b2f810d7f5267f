/**
 * Word clusters, learnt from unlabelled news (clusters-build.ts) or from GloVe's vectors
 * (glove-clusters.ts), and their TSV form: each known word maps to
 * cluster ids at three granularities (fine, middle, coarse), so that a rare surname shares
 * features with the common ones of its cluster.
 */
import { hashString, mix } from "./hash.js";

export const CLUSTER_LEVELS = 3;

export class WordClusters {
  /** Word → its row in `paths`. */
  private readonly rows = new Map<string, number>();
  /** Per word, its cluster hash at each level (int32 bits, never 0): one array, no object per word. */
  private readonly paths: Int32Array;

  /** `ids[w * CLUSTER_LEVELS + level]` is word w's cluster at that level. */
  constructor(
    readonly words: readonly string[],
    readonly ids: Uint16Array,
  ) {
    const salts = [hashString("cluster:fine"), hashString("cluster:mid"), hashString("cluster:coarse")];
    this.paths = new Int32Array(words.length * CLUSTER_LEVELS);
    for (let w = 0; w < words.length; w++) {
      for (let level = 0; level < CLUSTER_LEVELS; level++) {
        // +1 keeps a valid id from hashing to 0, which features read as "no cluster".
        this.paths[w * CLUSTER_LEVELS + level] = mix(salts[level] ?? 0, (ids[w * CLUSTER_LEVELS + level] ?? 0) + 1) || 1;
      }
      this.rows.set(words[w]!, w);
    }
  }

  /**
   * Row of a word's cluster path (-1: none), trying its exact form, then lower case, then title
   * case (`lower` is the word in lower case, when the caller already has it).
   */
  lookup(word: string, lower = word.toLowerCase()): number {
    const exact = this.rows.get(word);
    if (exact !== undefined) return exact;
    if (lower !== word) {
      const lowered = this.rows.get(lower);
      if (lowered !== undefined) return lowered;
    }
    const title = lower.charAt(0).toUpperCase() + lower.slice(1);
    return title === word ? -1 : (this.rows.get(title) ?? -1);
  }

  /** A word's cluster ids (fine, middle, coarse) as feature values, found as `lookup` finds it; undefined if unknown. */
  idsOf(word: string): string[] | undefined {
    const row = this.lookup(word);
    if (row < 0) return undefined;
    return Array.from({ length: CLUSTER_LEVELS }, (_, level) => String(this.ids[row * CLUSTER_LEVELS + level]));
  }

  /** Cluster hash (int32 bits, never 0) of the word in `row` at `level` (0 fine, 1 middle, 2 coarse). */
  path(row: number, level: number): number {
    return this.paths[row * CLUSTER_LEVELS + level]!;
  }
}

/** Clusters from a TSV file (word, then its fine, middle and coarse ids), as clusterRows writes it. */
export function parseClusterRows(text: string): WordClusters {
  const words: string[] = [];
  const ids: number[] = [];
  for (const line of text.split("\n")) {
    const cells = line.split("\t");
    if (cells.length !== 1 + CLUSTER_LEVELS) continue;
    words.push(cells[0] ?? "");
    for (let level = 1; level <= CLUSTER_LEVELS; level++) ids.push(Number(cells[level]));
  }
  return new WordClusters(words, Uint16Array.from(ids));
}

/** One TSV line per word: the word, then its fine, middle and coarse cluster ids. */
export function clusterRows(clusters: WordClusters): string {
  const rows = clusters.words.map((word, w) => [word, ...clusters.ids.subarray(w * CLUSTER_LEVELS, (w + 1) * CLUSTER_LEVELS)].join("\t"));
  return rows.join("\n") + "\n";
}
