import { describe, expect, it } from "vitest";
import type { WordVectors } from "../../ner/glove-vectors.js";
import type { DenseFeatures, Feature } from "./linear.js";
import { Places } from "./places.js";
import { pairFeatures } from "./relations.js";
import { VectorFeatures } from "./vector-features.js";

const tokens = (sentence: string) => sentence.split(" ");

/** Two-dimensional vectors for a handful of words. */
const small: WordVectors = (() => {
  const table = new Map<string, Float32Array>([
    ["in", Float32Array.of(0.5, 0)],
    ["ocala", Float32Array.of(0, 0.5)],
    ["corp", Float32Array.of(0.25, 0.25)],
    ["killed", Float32Array.of(-0.5, 0.5)],
    ["kennedy", Float32Array.of(0.1, 0.2)],
  ]);
  return { dims: 2, size: table.size, digest: "test", vector: (word: string) => table.get(word) };
})();

const block = (features: readonly Feature[], name: string) =>
  features.find((f): f is DenseFeatures => typeof f !== "string" && f.name === name)?.values;

describe("GloVe vector features", () => {
  it("gives each token its scaled vector and its neighbours', lower-casing and leaving out unknown words", () => {
    const vectors = new VectorFeatures({ scale: 2, window: 1, capitalised: false }, small);
    const features = vectors.annotate(tokens("in Ocala Qzxq"));
    expect(Array.from(block(features[1]!, "@v0")!)).toEqual([0, 1]);
    expect(Array.from(block(features[1]!, "@v-1")!)).toEqual([1, 0]);
    expect(block(features[1]!, "@v+1")).toBeUndefined();
    const names = (list: readonly Feature[]) => list.map((f) => (typeof f === "string" ? f : f.name));
    expect(names(features[2]!)).toEqual(["@v-1"]);
    expect(names(features[0]!)).toEqual(["@v0", "@v+1"]);
  });

  it("reads 'Corp.' as 'corp' and adds a capitalised copy on request", () => {
    const vectors = new VectorFeatures({ scale: 1, window: 0, capitalised: true }, small);
    expect(Array.from(vectors.vector("Corp.")!)).toEqual([0.25, 0.25]);
    const [lower, upper] = [vectors.annotate(["ocala"])[0]!, vectors.annotate(["Ocala"])[0]!];
    const names = (list: readonly Feature[]) => list.map((f) => (typeof f === "string" ? f : f.name));
    expect(names(lower)).toEqual(["@v0"]);
    expect(names(upper)).toEqual(["@v0", "@v0|cap"]);
  });

  it("binarises components against the mean positive and negative value of each (Guo et al. 2014)", () => {
    const vocabulary = () => ["in", "ocala", "corp", "killed"];
    const vectors = new VectorFeatures({ scale: 1, window: 0, capitalised: false, binary: true }, small, vocabulary);
    // Component 0: positives 0.5, 0.25 (mean 0.375), negatives -0.5; component 1: positives 0.5, 0.5, 0.25 (mean 0.4167).
    expect(vectors.annotate(["in"])[0]).toEqual(["v0:0+"]);
    expect(vectors.annotate(["killed"])[0]).toEqual(["v0:0-", "v0:1+"]);
    expect(vectors.annotate(["corp"])[0]).toEqual([]);
  });

  it("gives the relation classifier the arguments' and the between words' vectors", () => {
    const vectors = new VectorFeatures({ scale: 1, window: 0, capitalised: false }, small);
    const places = new Places({ places: {}, countries: [] });
    const entities = [
      { type: "Peop" as const, start: 0, end: 1 },
      { type: "Peop" as const, start: 3, end: 4 },
    ];
    const features = pairFeatures(tokens("Oswald killed in Kennedy"), entities, { head: 0, tail: 1, type: "Kill" }, {
      places,
      vector: (word) => vectors.vector(word),
    });
    const dense = features.filter((f): f is DenseFeatures => typeof f !== "string");
    expect(dense.map((f) => f.name)).toEqual(["@Kill|tv", "@Kill|bv>"]);
    expect(Array.from(block(dense, "@Kill|bv>")!)).toEqual([0, 0.25]);
  });

  it("reads the committed vectors: a rare town lies nearer a common town than a verb", () => {
    const vectors = new VectorFeatures({ scale: 1, window: 0, capitalised: false });
    const cosine = (a: string, b: string) => {
      const [x, y] = [vectors.vector(a)!, vectors.vector(b)!];
      let [dot, nx, ny] = [0, 0, 0];
      x.forEach((v, d) => ((dot += v * y[d]!), (nx += v * v), (ny += y[d]! * y[d]!)));
      return dot / Math.sqrt(nx * ny);
    };
    expect(cosine("Ocala", "Gainesville")).toBeGreaterThan(cosine("Ocala", "assassinated"));
    expect(cosine("assassinated", "killed")).toBeGreaterThan(cosine("assassinated", "Gainesville"));
  });
});
