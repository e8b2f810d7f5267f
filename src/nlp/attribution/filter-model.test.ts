import { describe, expect, it } from "vitest";
import { attributionFeatures, contentShape, filterScore, filterVectorFeatures } from "./filter-model.js";
import { score } from "./perceptron.js";
import type { Attribution } from "./types.js";

describe("contentShape", () => {
  it("tells a clause from the bare object of a verb not of speech", () => {
    expect(contentShape("that he would win")).toBe("that");
    expect(contentShape("to reduce emissions")).toBe("to");
    expect(contentShape("“We will win,”")).toBe("quote");
    expect(contentShape("he would prevent more from leaving")).toBe("finite");
    expect(contentShape("the plan wasn’t ready")).toBe("finite");
    expect(contentShape("Clinton helped Machado")).toBe("finite");
    expect(contentShape("his plan")).toBe("phrase");
    expect(contentShape("the comments Friday during a brief appearance")).toBe("phrase");
    expect(contentShape("enough")).toBe("word");
  });
});

describe("filterScore with word vectors", () => {
  it("adds the vector features' weight times value, as training sums them", () => {
    const attribution: Attribution = {
      source: { start: 0, end: 13, text: "The spokesman" },
      cue: { start: 14, end: 18, text: "said" },
      content: { start: 19, end: 45, text: "the talks had failed again" },
      quote: "indirect",
    };
    const vectors = { scale: 0.5, cue: [], filter: ["h", "f", "s", "c"] };
    const real = filterVectorFeatures(attribution, vectors) ?? [];
    expect(real).toHaveLength(4 * 50);
    const weights: Record<string, number> = { "head=said": 1.5, bias: -0.5 };
    real.forEach(([name], k) => (weights[name] = ((k % 9) - 4) / 10));
    const expected = score(weights, attributionFeatures(attribution, 2)) + real.reduce((total, [name, value]) => total + weights[name]! * value, 0);
    expect(filterScore(weights, attribution, 2, vectors)).toBeCloseTo(expected, 9);
  });
});
