import { describe, expect, it } from "vitest";
import { gloveVectors, meanVector, parseVectorFile, vectorFile } from "./glove-vectors.js";

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((x, i) => {
    dot += x * b[i]!;
    na += x * x;
    nb += b[i]! ** 2;
  });
  return dot / Math.sqrt(na * nb);
}

describe("GloVe vectors", () => {
  it("reads back what vectorFile writes, scaled per dimension", () => {
    const vectors = parseVectorFile(vectorFile(["über", "said"], Int8Array.from([127, -2, 0, 64]), [0.5, 0.01]), "test");
    expect(vectors.dims).toBe(2);
    expect(Array.from(vectors.vector("über")!)).toEqual([63.5, -0.02].map(Math.fround));
    expect(Array.from(vectors.vector("said")!)).toEqual([0, 0.64].map(Math.fround));
    expect(vectors.vector("Said")).toBeUndefined();
  });

  it("names the file when its vectors are cut short", () => {
    const data = vectorFile(["a", "b"], Int8Array.from([1, 2, 3, 4]), [1, 1]);
    expect(() => parseVectorFile(data.subarray(0, data.length - 1), "cut.bin")).toThrow(/cut\.bin: expected 4 vector bytes, found 3/);
  });

  it("averages the vectors given, skipping missing ones", () => {
    expect(Array.from(meanVector([Float32Array.from([1, 2]), undefined, [3, -4]])!)).toEqual([2, -1]);
    expect(meanVector([undefined])).toBeUndefined();
  });

  it("puts speech verbs nearer each other than a town", () => {
    const glove = gloveVectors();
    expect(glove.size).toBe(50_000);
    const [said, told, ocala] = ["said", "told", "ocala"].map((word) => glove.vector(word)!);
    expect(cosine(said!, told!)).toBeGreaterThan(0.7);
    expect(cosine(said!, ocala!)).toBeLessThan(0.3);
  });
});
