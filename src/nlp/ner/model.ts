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
import type { NerResources, VectorWindow } from "./features.js";
import { Gazetteer } from "./gazetteer.js";
import { GLOVE_VECTORS_PATH, gloveVectors, ScaledVectors } from "./glove-vectors.js";
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
  /** Word types whose per-word scores taggers compute once at load (absent in older files). */
  vocabulary?: string[];
  /** The committed GloVe vectors' scale and window as features, and which vectors (absent: none read). */
  vectors?: VectorHeader;
  sections: { name: string; bytes: number }[];
}

interface VectorHeader {
  scale: number;
  window: number;
  /** WordVectors.digest of the vectors the model was trained with. */
  digest: string;
}

/**
 * The vectors a model file names: the committed ones (not stored in the model, which they would
 * double), refused if they are not those it was trained with.
 */
function vectorsOf(header: VectorHeader, path: string): VectorWindow {
  const vectors = gloveVectors();
  if (vectors.digest !== header.digest) {
    throw new Error(`${path}: trained with GloVe vectors ${header.digest}, but ${GLOVE_VECTORS_PATH} holds ${vectors.digest} (retrain with npm run train:ner)`);
  }
  return { table: new ScaledVectors(header.scale, vectors), window: header.window };
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
  /** Number of weights per row: stages × tags. */
  readonly width: number;
  private readonly mask: number;
  /** Weights as int8 (rows × stages × T) with one scale per row: what the file stores. */
  private readonly values: Int8Array;
  private readonly scales: Float32Array;
  /**
   * The same weights laid out for tagging as an open-addressing table of cache lines: slot r at
   * byte r × slotBytes holds its feature hash (int32), its scale (float32, 0 = empty slot), then
   * its int8 values, so that finding a feature and reading its weights touch one cache line.
   */
  private readonly slotBytes: number;
  private readonly slotValues: Int8Array;
  private readonly slotWords: Int32Array;
  private readonly slotScales: Float32Array;
  /** One-hash Bloom filter over feature hashes: most features a token has are not in the model. */
  private readonly present: Int32Array;

  /**
   * `hashes[r]` is row r's feature; `weights.values[(r * stages + s) * T + t] × weights.scales[r]`
   * its weight for tag t in stage s (see `quantise`); `transitions[s]` the stage's raw transition block.
   */
  constructor(
    readonly hashes: Uint32Array,
    weights: QuantisedWeights,
    transitions: Float32Array[],
    readonly resources: NerResources,
    readonly meta: ModelMeta = {},
    /** Word types expected often (training words, cluster words): taggers score their word features once, at load. */
    readonly vocabulary: readonly string[] = [],
  ) {
    if (transitions.length < 1 || transitions.length > 2) throw new Error("an NER model has one or two stages");
    this.stages = transitions.map(constrain);
    this.width = transitions.length * TAG_COUNT;
    this.values = weights.values;
    this.scales = weights.scales;
    this.slotBytes = Math.ceil((this.width + 8) / 64) * 64;
    let size = 1;
    while (size < hashes.length * 2) size <<= 1;
    this.mask = size - 1;
    const slots = new ArrayBuffer(size * this.slotBytes);
    this.slotValues = new Int8Array(slots);
    this.slotWords = new Int32Array(slots);
    this.slotScales = new Float32Array(slots);
    const words = this.slotBytes / 4;
    const width = this.width;
    for (let row = 0; row < hashes.length; row++) {
      const hash = hashes[row]!;
      let slot = hash & this.mask;
      while (this.slotScales[slot * words + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slotWords[slot * words] = hash | 0;
      this.slotScales[slot * words + 1] = this.scales[row]!;
      // A plain loop: a subarray per row would be 57k short-lived views at every load.
      const to = slot * this.slotBytes + 8;
      for (let k = 0; k < width; k++) this.slotValues[to + k] = this.values[row * width + k]!;
    }
    this.present = new Int32Array(PRESENT_BITS / 32);
    for (const hash of hashes) this.present[(hash & (PRESENT_BITS - 1)) >>> 5]! |= 1 << (hash & 31);
  }

  /** Merges separately trained stages into one shared feature table. */
  static fromStages(stages: ModelWeights[], resources: NerResources, meta: ModelMeta = {}, vocabulary: readonly string[] = []): NerModel {
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
    return new NerModel(Uint32Array.from(rowOf.keys()), quantise(weights, S * T), stages.map((stage) => stage.transitions), resources, meta, vocabulary);
  }

  /** The same model with another vocabulary and metadata (weights untouched). */
  withVocabulary(vocabulary: readonly string[], meta: ModelMeta = this.meta): NerModel {
    const weights = { scales: this.scales, values: this.values };
    return new NerModel(this.hashes, weights, this.stages.map((stage) => stage.raw), this.resources, meta, vocabulary);
  }

  get featureCount(): number {
    return this.hashes.length;
  }

  /** Table slot of a feature hash, or -1 for a feature the model does not know. */
  row(hash: number): number {
    const key = hash | 0;
    const words = this.slotWords;
    const scales = this.slotScales;
    const stride = this.slotBytes >> 2;
    let slot = hash & this.mask;
    for (;;) {
      const at = slot * stride;
      if (scales[at + 1] === 0) return -1;
      if (words[at] === key) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * Adds feature `hash`'s weights in columns [from, to) of its row (stage s, tag t is column
   * s × T + t), times the feature's value, to target[at + from .. at + to); a feature the model
   * does not know adds nothing.
   */
  add(hash: number, target: Float64Array, at: number, from: number, to: number, value = 1): void {
    const row = this.known(hash);
    if (row >= 0) this.addRow(row, target, at, from, to, value);
  }

  /** Table slot of a feature hash, or -1, with the Bloom filter first (cheap for most unknown features). */
  known(hash: number): number {
    if ((this.present[(hash & (PRESENT_BITS - 1)) >>> 5]! & (1 << (hash & 31))) === 0) return -1;
    return this.row(hash);
  }

  /** Adds the weights in columns [from, to) of table slot `row`, times `value`, to target[at + from .. at + to). */
  addRow(row: number, target: Float64Array, at: number, from: number, to: number, value = 1): void {
    const values = this.slotValues;
    const scale = this.slotScales[row * (this.slotBytes >> 2) + 1]! * value;
    const base = row * this.slotBytes + 8 - at;
    const stop = at + to;
    let k = at + from;
    // Four columns per step: fewer loop checks in the hottest loop of tagging.
    for (; k + 3 < stop; k += 4) {
      target[k]! += values[base + k]! * scale;
      target[k + 1]! += values[base + k + 1]! * scale;
      target[k + 2]! += values[base + k + 2]! * scale;
      target[k + 3]! += values[base + k + 3]! * scale;
    }
    for (; k < stop; k++) target[k]! += values[base + k]! * scale;
  }

  save(path: string): void {
    const S = this.stages.length;
    const rows = this.hashes.length;
    const scales = this.scales;
    const values = this.values;
    const { clusters, vectors } = this.resources;
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
      vocabulary: [...this.vocabulary],
      ...(vectors ? { vectors: { scale: vectors.table.scale, window: vectors.window, digest: vectors.table.vectors.digest } } : {}),
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
    // Stored quantised, used quantised: quantising dequantised weights again gives the same bytes.
    const weights = { scales: new Float32Array(section("scales")), values: new Int8Array(section("weights")) };
    if (weights.values.length !== weights.scales.length * width) throw new Error(`${path}: weights do not match ${weights.scales.length} rows`);
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
      { gazetteer: Gazetteer.fromNormalised(header.gazetteer), clusters, vectors: header.vectors ? vectorsOf(header.vectors, path) : null },
      header.meta,
      header.vocabulary ?? [],
    );
  }
}

const PRESENT_BITS = 1 << 20;

/** int8 weights with one scale per row of weights. */
interface QuantisedWeights {
  scales: Float32Array;
  values: Int8Array;
}

/** int8 weights with one scale per row of `width` weights (max |w| maps to 127). */
function quantise(weights: Float32Array, width: number): QuantisedWeights {
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
