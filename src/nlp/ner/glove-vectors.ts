/**
 * Dense word vectors from GloVe (6B tokens of Wikipedia and Gigaword, public domain), built by
 * scripts/build-glove-vectors.ts into models/glove-vectors.bin.gz: the most frequent words'
 * unit-normalised 100-d vectors projected onto their leading principal components and stored as
 * one signed byte per component. Unlike cluster ids they keep graded similarity, so a perceptron
 * can score a word it never saw by the words it resembles.
 *
 * File layout (gzipped): a JSON header line {"words", "dims", "scales"}, then the words one a
 * line, then words × dims signed bytes; a component is its byte × its dimension's scale.
 */
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { committedFile } from "./committed-file.js";

export const GLOVE_VECTORS_PATH = fileURLToPath(new URL("../../../models/glove-vectors.bin.gz", import.meta.url));

export interface WordVectors {
  readonly dims: number;
  readonly size: number;
  /** The first 16 hex digits of the SHA-256 of the file's (unzipped) bytes: which vectors a model was trained with. */
  readonly digest: string;
  /** The word's vector (GloVe's words are lowercase), or undefined when it is not among them. */
  vector(word: string): Float32Array | undefined;
}

interface Header {
  words: number;
  dims: number;
  scales: number[];
}

/** Serialises vectors already quantised to bytes, in the layout the loader reads. */
export function vectorFile(words: string[], bytes: Int8Array, scales: number[]): Buffer {
  const header = JSON.stringify({ words: words.length, dims: scales.length, scales } satisfies Header);
  return Buffer.concat([Buffer.from(`${header}\n${words.join("\n")}\n`, "utf8"), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
}

/** Reads the layout vectorFile writes; name is only for error messages. */
export function parseVectorFile(data: Buffer, name: string): WordVectors {
  const headerEnd = data.indexOf(10);
  if (headerEnd < 0) throw new Error(`${name}: no header line`);
  const header = JSON.parse(data.subarray(0, headerEnd).toString("utf8")) as Header;
  let offset = headerEnd + 1;
  const index = new Map<string, number>();
  for (let w = 0; w < header.words; w++) {
    const end = data.indexOf(10, offset);
    if (end < 0) throw new Error(`${name}: word list ends after ${w} of ${header.words} words`);
    index.set(data.subarray(offset, end).toString("utf8"), w);
    offset = end + 1;
  }
  const { dims } = header;
  if (data.length - offset !== header.words * dims) throw new Error(`${name}: expected ${header.words * dims} vector bytes, found ${data.length - offset}`);
  const bytes = new Int8Array(data.buffer, data.byteOffset + offset, header.words * dims);
  const cache = new Map<number, Float32Array>();
  return {
    dims,
    size: header.words,
    digest: createHash("sha256").update(data).digest("hex").slice(0, 16),
    vector(word: string): Float32Array | undefined {
      const w = index.get(word);
      if (w === undefined) return undefined;
      let vector = cache.get(w);
      if (!vector) {
        vector = new Float32Array(dims);
        for (let d = 0; d < dims; d++) vector[d] = (bytes[w * dims + d] ?? 0) * (header.scales[d] ?? 0);
        cache.set(w, vector);
      }
      return vector;
    },
  };
}

/** The mean of the vectors given (undefined ones skipped), or undefined when there is none. */
export function meanVector(vectors: Iterable<ArrayLike<number> | undefined>): Float64Array | undefined {
  let sum: Float64Array | undefined;
  let count = 0;
  for (const vector of vectors) {
    if (!vector) continue;
    sum ??= new Float64Array(vector.length);
    for (let d = 0; d < vector.length; d++) sum[d]! += vector[d]!;
    count++;
  }
  return sum?.map((value) => value / count);
}

/**
 * Word vectors times a scale, looked up as GloVe's words are, in lower case ("Corp." read as "corp"
 * when GloVe lacks "corp."), cached per form: what taggers read as real-valued features. Their
 * weights multiply the scaled vector; a perceptron's step is 1 for a binary feature and the value
 * for a real one, so the scale sets how fast vectors learn against the rest.
 */
export class ScaledVectors {
  private readonly cache = new Map<string, Float32Array | null>();

  constructor(
    readonly scale: number,
    readonly vectors: WordVectors = gloveVectors(),
  ) {}

  get dims(): number {
    return this.vectors.dims;
  }

  /** The word's vector times the scale, or undefined when GloVe lacks it. */
  vector(word: string): Float32Array | undefined {
    const key = word.toLowerCase();
    let scaled = this.cache.get(key);
    if (scaled === undefined) {
      const raw = this.vectors.vector(key) ?? (key.length > 1 && key.endsWith(".") ? this.vectors.vector(key.slice(0, -1)) : undefined);
      scaled = raw ? raw.map((v) => v * this.scale) : null;
      this.cache.set(key, scaled);
    }
    return scaled ?? undefined;
  }
}

/** The committed GloVe vectors, read once. */
export const gloveVectors = committedFile(GLOVE_VECTORS_PATH, "GloVe vectors", "scripts/build-glove-vectors.ts", parseVectorFile);
