/**
 * The NER model: one or two linear-chain stages over BILOU tags that share one hashed feature
 * table (feature hash → row holding every stage's per-tag weights, so a feature is looked up
 * once for both), plus per-stage transition scores and the resources features need (gazetteer,
 * clusters). The second stage, when present, also sees the first stage's tags of the whole
 * document (stacking). Saved as one gzipped binary file: a JSON header, then typed-array
 * sections; weights are quantised to int8 with one scale per row, which keeps the file a few
 * MB at no measurable cost in F1.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { CLUSTER_LEVELS, WordClusters } from "./clusters.js";
import { FORBIDDEN } from "./decoder.js";
import type { NerResources } from "./features.js";
import { Gazetteer } from "./gazetteer.js";
import { allowedTransition, BILOU_TAGS, TAG_COUNT } from "./tags.js";

const MAGIC = "DOSSIER-NER";
const FORMAT_VERSION = 3;

/** One trained stage, as training produces it. */
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
  stages: number;
  rows: number;
  meta: ModelMeta;
  gazetteer: [string, number][];
  clusterWords: string[];
  sections: { name: string; bytes: number }[];
}

/** Transition, start and end scores of one stage with the BILOU constraints applied. */
export interface StageTransitions {
  raw: Float32Array;
  transitions: Float32Array;
  start: Float32Array;
  end: Float32Array;
}

function constrain(raw: Float32Array): StageTransitions {
  const T = TAG_COUNT;
  const transitions = new Float32Array(T * T);
  const start = new Float32Array(T);
  const end = new Float32Array(T);
  for (let p = 0; p < T; p++) {
    for (let t = 0; t < T; t++) transitions[p * T + t] = allowedTransition(p, t) ? (raw[p * T + t] ?? 0) : FORBIDDEN;
  }
  for (let t = 0; t < T; t++) {
    start[t] = allowedTransition(-1, t) ? (raw[T * T + t] ?? 0) : FORBIDDEN;
    end[t] = allowedTransition(t, -1) ? (raw[T * T + T + t] ?? 0) : FORBIDDEN;
  }
  return { raw, transitions, start, end };
}

export class NerModel {
  readonly tagCount = TAG_COUNT;
  readonly stages: StageTransitions[];
  /** Open-addressing table, interleaved [hash, row] pairs (one cache line per probe); row -1 = empty. */
  private readonly table: Int32Array;
  private readonly mask: number;
  /** Scratch row for `score` (all stages' sums of one token). */
  private readonly sum: Float64Array;
  /** Weights as int8 (rows × stages × T) with one scale per row: 4× less memory to stream than floats. */
  private readonly values: Int8Array;
  private readonly scales: Float32Array;
  /** One-hash Bloom filter over feature hashes: most features a token has are not in the model. */
  private readonly present: Int32Array;

  /**
   * `hashes[r]` is row r's feature; `weights[(r * stages + s) * T + t]` its weight for tag t in
   * stage s; `transitions[s]` the stage's raw transition block.
   */
  constructor(
    readonly hashes: Uint32Array,
    weights: Float32Array,
    transitions: Float32Array[],
    readonly resources: NerResources,
    readonly meta: ModelMeta = {},
  ) {
    if (transitions.length < 1 || transitions.length > 2) throw new Error("an NER model has one or two stages");
    this.stages = transitions.map(constrain);
    this.sum = new Float64Array(transitions.length * TAG_COUNT);
    const quantised = quantise(weights, transitions.length * TAG_COUNT);
    this.values = quantised.values;
    this.scales = quantised.scales;
    this.present = new Int32Array(PRESENT_BITS / 32);
    for (const hash of hashes) this.present[(hash & (PRESENT_BITS - 1)) >>> 5]! |= 1 << (hash & 31);
    let size = 1;
    while (size < hashes.length * 2) size <<= 1;
    this.mask = size - 1;
    this.table = new Int32Array(size * 2);
    for (let slot = 0; slot < size; slot++) this.table[2 * slot + 1] = -1;
    hashes.forEach((hash, row) => {
      let slot = hash & this.mask;
      while (this.table[2 * slot + 1] !== -1) slot = (slot + 1) & this.mask;
      this.table[2 * slot] = hash | 0;
      this.table[2 * slot + 1] = row;
    });
  }

  /** Merges separately trained stages into one shared feature table. */
  static fromStages(stages: ModelWeights[], resources: NerResources, meta: ModelMeta = {}): NerModel {
    const T = TAG_COUNT;
    const S = stages.length;
    const rowOf = new Map<number, number>();
    for (const stage of stages) for (const hash of stage.hashes) if (!rowOf.has(hash)) rowOf.set(hash, rowOf.size);
    const weights = new Float32Array(rowOf.size * S * T);
    stages.forEach((stage, s) => {
      stage.hashes.forEach((hash, r) => {
        const row = rowOf.get(hash) ?? 0;
        weights.set(stage.weights.subarray(r * T, (r + 1) * T), (row * S + s) * T);
      });
    });
    return new NerModel(Uint32Array.from(rowOf.keys()), weights, stages.map((stage) => stage.transitions), resources, meta);
  }

  get featureCount(): number {
    return this.hashes.length;
  }

  /** Row of a feature hash, or -1 for a feature the model does not know. */
  row(hash: number): number {
    const key = hash | 0;
    const table = this.table;
    let slot = hash & this.mask;
    for (;;) {
      const row = table[2 * slot + 1]!;
      if (row === -1 || table[2 * slot] === key) return row;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * Adds the weights of features[from..to) to `emissions[s]` at [at, at+T) for every stage s
   * from `firstStage` on (one lookup per feature serves all stages).
   */
  score(features: Uint32Array, from: number, to: number, emissions: readonly Float32Array[], at: number, firstStage = 0): void {
    const T = TAG_COUNT;
    const sum = this.sum;
    sum.fill(0);
    this.accumulate(features, from, to, sum);
    for (let s = firstStage; s < this.stages.length; s++) {
      const target = emissions[s]!;
      for (let t = 0; t < T; t++) target[at + t]! += sum[s * T + t]!;
    }
  }

  /** Number of weights per row: stages × tags. */
  get width(): number {
    return this.stages.length * TAG_COUNT;
  }

  /** Adds every stage's weights of features[from..to) to sum[at .. at+width). */
  accumulate(features: ArrayLike<number>, from: number, to: number, sum: Float64Array, at = 0): void {
    const width = this.width;
    const values = this.values;
    const present = this.present;
    for (let f = from; f < to; f++) {
      const hash = features[f]!;
      if ((present[(hash & (PRESENT_BITS - 1)) >>> 5]! & (1 << (hash & 31))) === 0) continue;
      const row = this.row(hash);
      if (row < 0) continue;
      const scale = this.scales[row]!;
      const base = row * width;
      for (let k = 0; k < width; k++) sum[at + k]! += values[base + k]! * scale;
    }
  }

  save(path: string): void {
    const S = this.stages.length;
    const rows = this.hashes.length;
    const scales = this.scales;
    const values = this.values;
    const clusters = this.resources.clusters;
    const sections: [string, Uint8Array][] = [
      ["hashes", bytes(this.hashes)],
      ["scales", bytes(scales)],
      ["weights", bytes(values)],
      ...this.stages.map((stage, s): [string, Uint8Array] => [`transitions${s}`, bytes(stage.raw)]),
      ["clusterIds", bytes(clusters?.ids ?? new Uint16Array(0))],
    ];
    const header: Header = {
      magic: MAGIC,
      version: FORMAT_VERSION,
      tags: [...BILOU_TAGS],
      stages: S,
      rows,
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
    const width = header.stages * TAG_COUNT;
    const scales = new Float32Array(section("scales"));
    const values = new Int8Array(section("weights"));
    const weights = new Float32Array(header.rows * width);
    for (let i = 0; i < weights.length; i++) weights[i] = (values[i] ?? 0) * (scales[Math.floor(i / width)] ?? 0);
    const transitions = Array.from({ length: header.stages }, (_, s) => new Float32Array(section(`transitions${s}`)));
    const clusterIds = new Uint16Array(section("clusterIds"));
    const clusters =
      header.clusterWords.length > 0 && clusterIds.length === header.clusterWords.length * CLUSTER_LEVELS
        ? new WordClusters(header.clusterWords, clusterIds)
        : null;
    return new NerModel(
      new Uint32Array(section("hashes")),
      weights,
      transitions,
      { gazetteer: new Gazetteer(header.gazetteer), clusters },
      header.meta,
    );
  }
}

const PRESENT_BITS = 1 << 20;

/** int8 weights with one scale per row of `width` weights (max |w| maps to 127). */
function quantise(weights: Float32Array, width: number): { scales: Float32Array; values: Int8Array } {
  const rows = weights.length / width;
  const scales = new Float32Array(rows);
  const values = new Int8Array(weights.length);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let k = 0; k < width; k++) max = Math.max(max, Math.abs(weights[r * width + k]!));
    const scale = max / 127 || 1;
    scales[r] = scale;
    for (let k = 0; k < width; k++) values[r * width + k] = Math.round(weights[r * width + k]! / scale);
  }
  return { scales, values };
}

function bytes(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}
