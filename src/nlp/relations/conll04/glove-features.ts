import { CLUSTER_LEVELS, type WordClusters } from "../../ner/clusters.js";
import { gloveClusters } from "../../ner/glove-clusters.js";
import { shortShape } from "./tokens.js";

/**
 * Token features from the GloVe word clusters (models/glove-clusters.tsv.gz, 200,000 words of a 6B-token
 * corpus): CoNLL04's 922 training sentences name few of the towns, people and organisations of new text,
 * but a rare town shares its cluster with common ones (Turian et al. 2010). Prefixed `g`, apart from the
 * recogniser's own news clusters (`c`).
 */
export class GloveFeatures {
  constructor(private readonly clusters: WordClusters = gloveClusters()) {}

  /** Cluster ids of a word (fine, middle, coarse), trying its exact form, lower case, then title case. */
  cluster(word: string): string[] | undefined {
    return this.clusters.idsOf(word);
  }

  /**
   * Per token: its clusters at every level, alone and with its capitalisation pattern ("Ocala" and "Miami"
   * share `g0|ss=<id>|Xx`), and its neighbours' clusters (all levels one word away, the two coarser two away).
   */
  annotate(tokens: readonly string[]): string[][] {
    const clusters = tokens.map((token) => this.cluster(token));
    return tokens.map((token, i) => {
      const own = clusters[i];
      const ss = shortShape(token);
      const features: string[] = [];
      if (own) {
        own.forEach((id, level) => features.push(`g${level}=${id}`, `g${level}|ss=${id}|${ss}`));
      } else features.push("g=none", `g=none|ss=${ss}`);
      for (const offset of [-2, -1, 1, 2]) {
        const j = i + offset;
        const edge = j < 0 ? "<s>" : j >= tokens.length ? "</s>" : undefined;
        const theirs = edge ? undefined : clusters[j];
        for (let level = Math.abs(offset) - 1; level < CLUSTER_LEVELS; level++) {
          features.push(`g${offset > 0 ? "+" : ""}${offset}:${level}=${edge ?? theirs?.[level] ?? "-"}`);
        }
      }
      return features;
    });
  }
}
