import { describe, expect, it } from "vitest";
import { gloveVectors } from "../ner/glove-vectors.js";
import { vectorFeatures, vectorScore, type VectorConfig } from "./vectors.js";

const config: VectorConfig = { scale: 0.5, cue: ["w", "x", "m"], filter: [] };
const words = { w: "said", x: "qqzzxxq", m: ["the", "spokesman", "qqzzxxq", "told"] };

describe("word vector features", () => {
  it("give each slot's components times the scale, skip words GloVe lacks and average a slot of several words", () => {
    const features = vectorFeatures(config, config.cue, words);
    const dims = gloveVectors().dims;
    expect(features).toHaveLength(2 * dims);
    expect(features[0]![0]).toBe("vw=0");
    expect(features[0]![1]).toBeCloseTo(gloveVectors().vector("said")![0]! * 0.5, 6);
    const mean = (["the", "spokesman", "told"].map((w) => gloveVectors().vector(w)![3]!).reduce((a, b) => a + b) / 3) * 0.5;
    expect(features.find(([name]) => name === "vm=3")![1]).toBeCloseTo(mean, 6);
  });

  it("score as the sum of weight times value over the features", () => {
    const features = vectorFeatures(config, config.cue, words);
    const weights: Record<string, number> = {};
    features.forEach(([name], k) => (weights[name] = ((k * 7) % 11) / 10 - 0.5));
    const expected = features.reduce((total, [name, value]) => total + weights[name]! * value, 0);
    expect(vectorScore(weights, config, config.cue, words)).toBeCloseTo(expected, 9);
  });
});
