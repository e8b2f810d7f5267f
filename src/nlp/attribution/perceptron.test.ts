import { describe, expect, it } from "vitest";
import { argmax, score, trainPerceptron, trainRanker } from "./perceptron.js";

describe("trainPerceptron", () => {
  it("learns which feature marks the positive examples", () => {
    const examples = Array.from({ length: 40 }, (_, i) => ({ features: ["bias", i % 2 ? "said" : "bridge", `n${i % 5}`], positive: i % 2 === 1 }));
    const weights = trainPerceptron(examples, 5);
    expect(score(weights, ["bias", "said", "n0"])).toBeGreaterThan(0);
    expect(score(weights, ["bias", "bridge", "n0"])).toBeLessThanOrEqual(0);
  });
});

describe("trainPerceptron with real-valued features", () => {
  it("learns the sign of a real value that marks the positive examples", () => {
    const examples = Array.from({ length: 60 }, (_, i) => {
      const positive = i % 3 === 0;
      const value = (positive ? 1 : -1) * (0.2 + (i % 7) / 10);
      return { features: ["bias"], real: [["x", value] as const, ["noise", ((i * 13) % 5) / 5 - 0.4] as const], positive };
    });
    const weights = trainPerceptron(examples, 5);
    expect(weights.x).toBeGreaterThan(0);
    expect((weights.bias ?? 0) + weights.x! * 0.5).toBeGreaterThan(0);
    expect((weights.bias ?? 0) - weights.x! * 0.5).toBeLessThanOrEqual(0);
  });
});

describe("trainRanker", () => {
  it("learns to pick the candidate with the telling feature, wherever it stands", () => {
    const examples = Array.from({ length: 30 }, (_, i) => {
      const gold = i % 4;
      return { candidates: [0, 1, 2, 3].map((k) => [`length=${k}`, k === gold ? "next=." : "next=the"]), gold };
    });
    const weights = trainRanker(examples, 3);
    const candidates = [["length=0", "next=the"], ["length=1", "next=the"], ["length=2", "next=."], ["length=3", "next=the"]];
    expect(argmax(candidates.map((f) => score(weights, f)))).toBe(2);
  });
});
