/**
 * The NER model: a hashed feature table (feature hash → row of per-tag weights), BILOU
 * transition scores and the resources features need (gazetteer, clusters). Saved as one
 * gzipped binary file: a JSON header, then typed-array sections; weights are quantised to int8
 * with one scale per row, which keeps the file a few MB at no measurable cost in F1.
 */
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { WordClusters, CLUSTER_LEVELS } from "./clusters.js";
import { FORBIDDEN } from "./decoder.js";
import { Gazetteer } from "./gazetteer.js";
import type { NerResources } from "./features.js";
import { allowedTransition, BILOU_TAGS, TAG_COUNT } from "./tags.js";

const MAGIC = "DOSSIER-NER";
const FORMAT_VERSION = 1;

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
  rows: number;
  meta: ModelMeta;
  gazetteer: [string, number][];
  clusterWords: string[];
  sections: { name: string; bytes: number }[];
}

export class NerModel {
  readonly tagCount = TAG_COUNT;
  /** Transition scores with the BILOU constraints applied. */
  readonly transitions: Float32Array;
  readonly start: Float32Array;
  readonly end: Float32Array;
  private readonly keys: Uint32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;

  constructor(
    readonly weights: ModelWeights,
    readonly resources: NerResources,
    readonly meta: ModelMeta = {},
  ) {
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
    this.keys = new Uint32Array(size);
    this.rows = new Int32Array(size).fill(-1);
    weights.hashes.forEach((hash, row) => {
      let slot = hash & this.mask;
      while (this.rows[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = hash;
      this.rows[slot] = row;
    });
  }

  get featureCount(): number {
    return this.weights.hashes.length;
  }

  /** Row of a feature hash, or -1 for a feature the model does not know. */
  row(hash: number): number {
    let slot = hash & this.mask;
    for (;;) {
      const row = this.rows[slot] ?? -1;
      if (row === -1 || this.keys[slot] === hash) return row;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Adds the scores of features[from..to) to emissions[at .. at+T). */
  score(features: Uint32Array, from: number, to: number, emissions: Float32Array, at: number): void {
    const T = TAG_COUNT;
    const weights = this.weights.weights;
    for (let t = 0; t < T; t++) emissions[at + t] = 0;
    for (let f = from; f < to; f++) {
      const row = this.row(features[f] ?? 0);
      if (row < 0) continue;
      const base = row * T;
      for (let t = 0; t < T; t++) emissions[at + t] = (emissions[at + t] ?? 0) + (weights[base + t] ?? 0);
    }
  }

  save(path: string): void {
    const { hashes, weights, transitions } = this.weights;
    const rows = hashes.length;
    const T = TAG_COUNT;
    const scales = new Float32Array(rows);
    const quantised = new Int8Array(rows * T);
    for (let r = 0; r < rows; r++) {
      let max = 0;
      for (let t = 0; t < T; t++) max = Math.max(max, Math.abs(weights[r * T + t] ?? 0));
      const scale = max / 127 || 1;
      scales[r] = scale;
      for (let t = 0; t < T; t++) quantised[r * T + t] = Math.round((weights[r * T + t] ?? 0) / scale);
    }
    const clusters = this.resources.clusters;
    const sections: [string, Uint8Array][] = [
      ["hashes", bytes(hashes)],
      ["scales", bytes(scales)],
      ["weights", bytes(quantised)],
      ["transitions", bytes(transitions)],
      ["clusterIds", bytes(clusters?.ids ?? new Uint16Array(0))],
    ];
    const header: Header = {
      magic: MAGIC,
      version: FORMAT_VERSION,
      tags: [...BILOU_TAGS],
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
    if (header.magic !== MAGIC || header.version !== FORMAT_VERSION) throw new Error(`${path}: not a Dossier NER model (version ${FORMAT_VERSION})`);
    if (header.tags.join(" ") !== BILOU_TAGS.join(" ")) throw new Error(`${path}: model tag set differs from this build's`);
    const sections = new Map<string, Uint8Array>();
    let offset = 4 + headerLength;
    for (const { name, bytes: size } of header.sections) {
      offset += (8 - (offset % 8)) % 8;
      sections.set(name, new Uint8Array(raw.buffer.slice(raw.byteOffset + offset, raw.byteOffset + offset + size)));
      offset += size;
    }
    const section = (name: string): ArrayBuffer => {
      const data = sections.get(name);
      if (!data) throw new Error(`${path}: section ${name} missing`);
      return data.buffer as ArrayBuffer;
    };
    const T = TAG_COUNT;
    const scales = new Float32Array(section("scales"));
    const quantised = new Int8Array(section("weights"));
    const weights = new Float32Array(header.rows * T);
    for (let i = 0; i < weights.length; i++) weights[i] = (quantised[i] ?? 0) * (scales[Math.floor(i / T)] ?? 0);
    const clusterIds = new Uint16Array(section("clusterIds"));
    const clusters =
      header.clusterWords.length > 0 && clusterIds.length === header.clusterWords.length * CLUSTER_LEVELS
        ? new WordClusters(header.clusterWords, clusterIds)
        : null;
    return new NerModel(
      { hashes: new Uint32Array(section("hashes")), weights, transitions: new Float32Array(section("transitions")) },
      { gazetteer: new Gazetteer(header.gazetteer), clusters },
      header.meta,
    );
  }
}

function bytes(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}
