import { describe, expect, it } from "vitest";
import { WordClusters } from "./clusters.js";
import { FeatureExtractor, vectorFeatureHashes } from "./features.js";
import { Gazetteer, kindBit } from "./gazetteer.js";
import { ScaledVectors, type WordVectors } from "./glove-vectors.js";

const DOC = [
  ["Mr.", "Smith", "flew", "to", "New", "York", "on", "Monday", "."],
  ["NEW", "YORK", "BEAT", "smith", "'S", "TEAM"],
  ["Smith"],
];

function extractor(): FeatureExtractor {
  const gazetteer = new Gazetteer([["new york", kindBit("city")], ["smith", kindBit("last_name")]]);
  const clusters = new WordClusters(["Smith", "York", "Monday"], Uint16Array.from([1, 2, 3, 1, 2, 3, 4, 5, 6]));
  return new FeatureExtractor({ gazetteer, clusters });
}

const sorted = (values: Iterable<number>): number[] => [...values].sort((a, b) => a - b);

describe("NER features", () => {
  it("contextual features plus the cached word features of the ±2 window equal the full set", () => {
    const features = extractor();
    const full = features.extract(DOC);
    const contextual = features.extract(DOC, true);
    let token = 0;
    for (const sentence of DOC) {
      sentence.forEach((_, i) => {
        const expected = sorted(full.features.subarray(full.offsets[token], full.offsets[token + 1]));
        const parts = [...contextual.features.subarray(contextual.offsets[token], contextual.offsets[token + 1])];
        for (let offset = -2; offset <= 2; offset++) {
          const word = sentence[i + offset];
          if (word !== undefined) features.wordFeatures(word, offset, parts);
        }
        expect(sorted(parts)).toEqual(expected);
        token++;
      });
    }
  });

  it("gives a word document features from its other occurrences", () => {
    const features = extractor();
    const alone = features.extract([["Smith"]]);
    const inDocument = features.extract(DOC);
    const last = inDocument.offsets.length - 2;
    const count = (result: { offsets: Uint32Array }, token: number): number => (result.offsets[token + 1] ?? 0) - (result.offsets[token] ?? 0);
    expect(count(inDocument, last)).toBeGreaterThan(count(alone, 0));
  });

  it("gives the scaled vectors of the words up to the window away as real-valued features, in lower case", () => {
    const table = new Map([["smith", Float32Array.of(0.5, -0.25)], ["york", Float32Array.of(0, 1)]]);
    const small: WordVectors = { dims: 2, size: table.size, digest: "test", vector: (word) => table.get(word) };
    const gazetteer = new Gazetteer([]);
    const features = new FeatureExtractor({ gazetteer, clusters: null, vectors: { table: new ScaledVectors(2, small), window: 1 } });
    const [smith, york, flew] = ["SMITH", "York", "flew"].map((word) => {
      features.begin([[word]]);
      return features.words[0]!;
    });
    const pushed = (offset: number, word = smith!): [number, number][] => {
      const out: [number, number][] = [];
      features.infoVector(word, offset, { pushValue: (hash, value) => out.push([hash, value]) });
      return out;
    };
    const hashes = vectorFeatureHashes(1, 2);
    expect(new Set(hashes).size).toBe(6);
    expect(pushed(-1)).toEqual([[hashes[0], 1], [hashes[1], -0.5]]);
    expect(pushed(0)).toEqual([[hashes[2], 1], [hashes[3], -0.5]]);
    expect(pushed(1, york)).toEqual([[hashes[4], 0], [hashes[5], 2]]);
    expect(pushed(2)).toEqual([]);
    expect(pushed(0, flew)).toEqual([]);
    const without = new FeatureExtractor({ gazetteer, clusters: null });
    without.begin([["Smith"]]);
    const out: number[] = [];
    without.infoVector(without.words[0]!, 0, { pushValue: (hash) => out.push(hash) });
    expect(out).toEqual([]);
  });
});
