/**
 * Word clusters of GloVe's 100-dimensional vectors (6B tokens of Wikipedia and Gigaword, public
 * domain), built by scripts/build-glove-clusters.ts into models/glove-clusters.tsv.gz. Trained on
 * far more text than the project's own news clusters, they group rare names with their kind
 * ("ocala" with other towns, "assassinated" with "slain").
 */
import { fileURLToPath } from "node:url";
import { parseClusterRows } from "./clusters.js";
import { committedFile } from "./committed-file.js";

export const GLOVE_CLUSTERS_PATH = fileURLToPath(new URL("../../../models/glove-clusters.tsv.gz", import.meta.url));

/** The committed GloVe clusters, read once. */
export const gloveClusters = committedFile(GLOVE_CLUSTERS_PATH, "GloVe clusters", "scripts/build-glove-clusters.ts", (data) => parseClusterRows(data.toString("utf8")));
