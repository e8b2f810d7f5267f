/**
 * The NER model: one or two linear-chain stages, each a hashed feature table (feature hash →
 * row of per-tag weights) with BILOU transition scores, plus the resources features need
 * (gazetteer, clusters). The second stage, when present, adds to the first stage's scores the
 * weights of features of the first stage's tags across the whole document (stacking). Saved as one gzipped binary file: a JSON header, then
 * typed-array sections; weights are quantised to int8 with one scale per row, which keeps the
 * file a few MB at no measurable cost in F1.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { CLUSTER_LEVELS, WordClusters } from "./clusters.js";
import { FORBIDDEN } from "./decoder.js";
import type { NerResources } from "./features.js";
import { Gazetteer } from "./gazetteer.js";
import { allowedTransition, BILOU_TAGS, TAG_COUNT } from "./tags.js";

const MAGIC = "DOSSIER-NER";
const FORMAT_VERSION = 2;

export interface ModelWeights {
  /** Feature hash of each row. */
  hashes: Uint32Array;
  /** rows × TAG_COUNT weights. */
  weights: Float32Array;
  /** TAG_COUNT × TAG_COUNT, then start, then end (unconstrained learnt scores). */
  transitions: Float32Array;
}

/** Free-form provenance stored in the file (command, data, scores). */
export type ModelMeta = Record<string, unknown>;

interface Header {
  magic: string;
  version: number;
  tags: string[];
  stages: number[];
  meta: ModelMeta;
  gazetteer: [string, number][];
  clusterWords: string[];
  sections: { name: string; bytes: number }[];
}

/** One stage: feature lookup, emission scoring and constrained transition scores. */
export class LinearChain {
  /** Transition scores with the BILOU constraints applied. */
  readonly transitions: Float32Array;
  readonly start: Float32Array;
  readonly end: Float32Array;
  /** Open-addressing table, interleaved [hash, row] pairs (one cache line per probe); row -1 = empty. */
  private readonly table: Int32Array;
  private readonly mask: number;

  constructor(readonly weights: ModelWeights) {
    const T = TAG_COUNT;
    this.transitions = new Float32Array(T * T);
    this.start = new Float32Array(T);
    this.end = new Float32Array(T);
    for (let p = 0; p < T; p++) {
      for (let t = 0; t < T; t++) {
        this.transitions[p * T + t] = allowedTransition(p, t) ? (weights.transitions[p * T + t] ?? 0) : FORBIDDEN;
      }
    }
    for (let t = 0; t < T; t++) {
      this.start[t] = allowedTransition(-1, t) ? (weights.transitions[T * T + t] ?? 0) : FORBIDDEN;
      this.end[t] = allowedTransition(t, -1) ? (weights.transitions[T * T + T + t] ?? 0) : FORBIDDEN;
    }
    let size = 1;
    while (size < weights.hashes.length * 2) size <<= 1;
    this.mask = size - 1;
    this.table = new Int32Array(size * 2);
    for (let slot = 0; slot < size; slot++) this.table[2 * slot + 1] = -1;
    weights.hashes.forEach((hash, row) => {
      let slot = hash & this.mask;
      while (this.table[2 * slot + 1] !== -1) slot = (slot + 1) & this.mask;
      this.table[2 * slot] = hash | 0;
      this.table[2 * slot + 1] = row;
    });
  }

  get featureCount(): number {
    return this.weights.hashes.length;
  }

  /** Row of a feature hash, or -1 for a feature the model does not know. */
  row(hash: number): number {
    const key = hash | 0;
    let slot = hash & this.mask;
    for (;;) {
      const row = this.table[2 * slot + 1] ?? -1;
      if (row === -1 || this.table[2 * slot] === key) return row;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Adds the summed weights of features[from..to) to emissions[at .. at+T). */
  score(features: Uint32Array, from: number, to: number, emissions: Float32Array, at: number): void {
    const T = TAG_COUNT;
    const weights = this.weights.weights;
    for (let f = from; f < to; f++) {
      const row = this.row(features[f] ?? 0);
      if (row < 0) continue;
      const base = row * T;
      for (let t = 0; t < T; t++) emissions[at + t] = (emissions[at + t] ?? 0) + (weights[base + t] ?? 0);
    }
  }
}

function quantise(weights: Float32Array): { scales: Float32Array; values: Int8Array } {
  const T = TAG_COUNT;
  const rows = weights.length / T;
  const scales = new Float32Array(rows);
  const values = new Int8Array(weights.length);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let t = 0; t < T; t++) max = Math.max(max, Math.abs(weights[r * T + t] ?? 0));
    const scale = max / 127 || 1;
    scales[r] = scale;
    for (let t = 0; t < T; t++) values[r * T + t] = Math.round((weights[r * T + t] ?? 0) / scale);
  }
  return { scales, values };
}

export class NerModel {
  readonly tagCount = TAG_COUNT;
  readonly stages: LinearChain[];

  constructor(
    stages: ModelWeights[],
    readonly resources: NerResources,
    readonly meta: ModelMeta = {},
  ) {
    if (stages.length < 1 || stages.length > 2) throw new Error("an NER model has one or two stages");
    this.stages = stages.map((weights) => new LinearChain(weights));
  }

  get featureCount(): number {
    return this.stages.reduce((sum, stage) => sum + stage.featureCount, 0);
  }

  save(path: string): void {
    const sections: [string, Uint8Array][] = [];
    this.stages.forEach((stage, s) => {
      const { scales, values } = quantise(stage.weights.weights);
      sections.push(
        [`hashes${s}`, bytes(stage.weights.hashes)],
        [`scales${s}`, bytes(scales)],
        [`weights${s}`, bytes(values)],
        [`transitions${s}`, bytes(stage.weights.transitions)],
      );
    });
    const clusters = this.resources.clusters;
    sections.push(["clusterIds", bytes(clusters?.ids ?? new Uint16Array(0))]);
    const header: Header = {
      magic: MAGIC,
      version: FORMAT_VERSION,
      tags: [...BILOU_TAGS],
      stages: this.stages.map((stage) => stage.featureCount),
      meta: this.meta,
      gazetteer: this.resources.gazetteer.entries(),
      clusterWords: clusters ? [...clusters.words] : [],
      sections: sections.map(([name, data]) => ({ name, bytes: data.byteLength })),
    };
    const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
    const length = Buffer.alloc(4);
    length.writeUInt32LE(headerBytes.length);
    const parts: Uint8Array[] = [length, headerBytes];
    let offset = 4 + headerBytes.length;
    for (const [, data] of sections) {
      const pad = (8 - (offset % 8)) % 8;
      parts.push(new Uint8Array(pad), data);
      offset += pad + data.byteLength;
    }
    const temporary = `${path}.tmp`;
    writeFileSync(temporary, gzipSync(Buffer.concat(parts), { level: 9 }));
    renameSync(temporary, path);
  }

  static load(path: string): NerModel {
    let raw: Buffer;
    try {
      raw = gunzipSync(readFileSync(path));
    } catch (error) {
      throw new Error(`cannot read NER model ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const headerLength = raw.readUInt32LE(0);
    const header = JSON.parse(raw.subarray(4, 4 + headerLength).toString("utf8")) as Header;
    if (header.magic !== MAGIC || header.version !== FORMAT_VERSION) throw new Error(`${path}: not a Dossier NER model (format ${FORMAT_VERSION})`);
    if (header.tags.join(" ") !== BILOU_TAGS.join(" ")) throw new Error(`${path}: model tag set differs from this build's`);
    const sections = new Map<string, ArrayBuffer>();
    let offset = 4 + headerLength;
    for (const { name, bytes: size } of header.sections) {
      offset += (8 - (offset % 8)) % 8;
      sections.set(name, raw.buffer.slice(raw.byteOffset + offset, raw.byteOffset + offset + size) as ArrayBuffer);
      offset += size;
    }
    const section = (name: string): ArrayBuffer => {
      const data = sections.get(name);
      if (!data) throw new Error(`${path}: section ${name} missing`);
      return data;
    };
    const T = TAG_COUNT;
    const stages = header.stages.map((rows, s): ModelWeights => {
      const scales = new Float32Array(section(`scales${s}`));
      const values = new Int8Array(section(`weights${s}`));
      const weights = new Float32Array(rows * T);
      for (let i = 0; i < weights.length; i++) weights[i] = (values[i] ?? 0) * (scales[Math.floor(i / T)] ?? 0);
      return { hashes: new Uint32Array(section(`hashes${s}`)), weights, transitions: new Float32Array(section(`transitions${s}`)) };
    });
    const clusterIds = new Uint16Array(section("clusterIds"));
    const clusters =
      header.clusterWords.length > 0 && clusterIds.length === header.clusterWords.length * CLUSTER_LEVELS
        ? new WordClusters(header.clusterWords, clusterIds)
        : null;
    return new NerModel(stages, { gazetteer: new Gazetteer(header.gazetteer), clusters }, header.meta);
  }
}

function bytes(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}
