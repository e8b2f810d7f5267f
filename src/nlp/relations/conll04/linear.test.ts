import { describe, expect, it } from "vitest";
import { AveragedPerceptron, LinearModel, type Feature } from "./linear.js";

/** Trains a two-class perceptron on (features, class) pairs for a few passes. */
function train(examples: [Feature[], number][], epochs = 5): LinearModel {
  const perceptron = new AveragedPerceptron(2);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const [features, gold] of examples) {
      const scores = perceptron.scores(features);
      const guess = scores[1]! > scores[0]! ? 1 : 0;
      if (guess !== gold) {
        perceptron.update(features, gold, 1);
        perceptron.update(features, guess, -1);
      }
      perceptron.tick();
    }
  }
  return perceptron.averaged();
}

describe("linear models with real-valued feature blocks", () => {
  // Class 1 when the vector points along the first axis, class 0 along the second: only the values tell.
  const point = (x: number, y: number): Feature[] => ["bias", { name: "@v", values: Float32Array.of(x, y) }];
  const examples: [Feature[], number][] = [
    [point(0.9, 0.1), 1],
    [point(0.1, 0.8), 0],
    [point(0.7, 0.2), 1],
    [point(0.2, 0.9), 0],
  ];

  it("learns from the values, and scores unseen values by them", () => {
    const model = train(examples);
    const margin = (features: Feature[]) => {
      const scores = model.scores(features);
      return scores[1]! - scores[0]!;
    };
    expect(margin(point(0.8, 0.05))).toBeGreaterThan(0);
    expect(margin(point(0.05, 0.6))).toBeLessThan(0);
    // Scores are linear in the values.
    const base = margin(["bias"]);
    expect(margin(point(0.4, 0)) - base).toBeCloseTo(2 * (margin(point(0.2, 0)) - base), 4);
  });

  it("serialises a block per dimension and reads it back to the same scores", () => {
    const model = train(examples);
    const data = model.serialise();
    expect(Object.keys(data)).toEqual(expect.arrayContaining(["bias", "@v#0", "@v#1"]));
    const back = LinearModel.deserialise(2, data);
    for (const features of [point(0.3, 0.6), point(1, 0)]) {
      const [a, b] = [model.scores(features), back.scores(features)];
      expect(b[1]! - b[0]!).toBeCloseTo(a[1]! - a[0]!, 2);
    }
  });

  it("averages blocks of several models like string features", () => {
    const [a, b] = [train(examples, 3), train([...examples].reverse(), 3)];
    const mean = LinearModel.average([a, b]);
    const features = point(0.6, 0.3);
    const expected = (a.scores(features)[1]! + b.scores(features)[1]!) / 2;
    expect(mean.scores(features)[1]).toBeCloseTo(expected, 4);
  });
});
