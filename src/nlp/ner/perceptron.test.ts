import { describe, expect, it } from "vitest";
import { AveragedPerceptron, type Sentence } from "./perceptron.js";
import { BILOU_TAGS } from "./tags.js";

const O = BILOU_TAGS.indexOf("O");
const PER = BILOU_TAGS.indexOf("U-PER");
const LOC = BILOU_TAGS.indexOf("U-LOC");

/** A sentence whose tokens have only their vectors (no string feature). */
function sentence(vectors: number[][], gold: number[]): Sentence {
  return { rows: new Int32Array(0), offsets: new Uint32Array(vectors.length + 1), gold: Uint8Array.from(gold), vectors: vectors.map((v) => Float32Array.from(v)) };
}

describe("the averaged perceptron with word vectors", () => {
  it("learns tags from the token's own vector and tags a vector it never saw like those near it", () => {
    const perceptron = new AveragedPerceptron(4, { firstRow: 2, window: 0, dims: 2 });
    const train = [sentence([[1, 0], [0, 1]], [PER, O]), sentence([[0, 1], [0.9, 0.2]], [O, PER])];
    for (let epoch = 0; epoch < 5; epoch++) for (const s of train) perceptron.learn(s);
    const { weights, transitions } = perceptron.averaged();
    expect(Array.from(perceptron.decode(sentence([[0.1, 0.8], [0.8, 0.1]], [O, O]), weights, transitions))).toEqual([O, PER]);
  });

  it("reads the neighbours' vectors within the window", () => {
    // The token's own vector is the same for both tags: only the word before it tells them apart.
    const perceptron = new AveragedPerceptron(6, { firstRow: 0, window: 1, dims: 2 });
    const train = [sentence([[1, 0], [0.5, 0.5]], [O, PER]), sentence([[0, 1], [0.5, 0.5]], [O, LOC])];
    for (let epoch = 0; epoch < 10; epoch++) for (const s of train) perceptron.learn(s);
    expect(Array.from(perceptron.decode(train[0]!))).toEqual([O, PER]);
    expect(Array.from(perceptron.decode(train[1]!))).toEqual([O, LOC]);
  });

  it("refuses a vector layout beyond its rows", () => {
    expect(() => new AveragedPerceptron(5, { firstRow: 2, window: 0, dims: 4 })).toThrow(/beyond the row count/);
  });
});
