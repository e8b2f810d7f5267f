import { describe, expect, it } from "vitest";
import { WordClusters } from "./clusters.js";
import { FeatureExtractor } from "./features.js";
import { Gazetteer, kindBit } from "./gazetteer.js";

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
});
