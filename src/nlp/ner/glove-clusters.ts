/**
 * Word clusters of GloVe's 100-dimensional vectors (6B tokens of Wikipedia and Gigaword, public
 * domain), built by scripts/build-glove-clusters.ts into models/glove-clusters.tsv.gz. Trained on
 * far more text than the project's own news clusters, they group rare names with their kind
 * ("ocala" with other towns, "assassinated" with "slain").
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { parseClusterRows, type WordClusters } from "./clusters.js";

export const GLOVE_CLUSTERS_PATH = fileURLToPath(new URL("../../../models/glove-clusters.tsv.gz", import.meta.url));

let loaded: WordClusters | undefined;

/** The committed GloVe clusters, read once. */
export function gloveClusters(path = GLOVE_CLUSTERS_PATH): WordClusters {
  if (path !== GLOVE_CLUSTERS_PATH) return read(path);
  loaded ??= read(path);
  return loaded;
}

function read(path: string): WordClusters {
  if (!existsSync(path)) throw new Error(`${path}: GloVe clusters missing; build them with npx tsx scripts/build-glove-clusters.ts`);
  return parseClusterRows(gunzipSync(readFileSync(path)).toString("utf8"));
}
