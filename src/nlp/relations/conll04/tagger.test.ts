import { describe, expect, it } from "vitest";
import { TagSet, decode, kBest, pathScore, tokenFeatures, trainTagger, viterbi, type ScoreTables } from "./tagger.js";

const tags = new TagSet(["PER", "LOC"]);

describe("BILOU tag set", () => {
  it("converts spans to tags and back", () => {
    const spans = [
      { type: "PER", start: 0, end: 3 },
      { type: "LOC", start: 4, end: 5 },
    ];
    const seq = tags.fromSpans(6, spans);
    expect(seq.map((t) => tags.tags[t])).toEqual(["B-PER", "I-PER", "L-PER", "O", "U-LOC", "O"]);
    expect(tags.toSpans(seq)).toEqual(spans);
  });

  it("forbids sequences that are not spans", () => {
    const index = (tag: string) => tags.tags.indexOf(tag);
    expect(tags.allowed[index("B-PER")]![index("L-PER")]).toBe(true);
    expect(tags.allowed[index("B-PER")]![index("L-LOC")]).toBe(false);
    expect(tags.allowed[index("O")]![index("I-PER")]).toBe(false);
    expect(tags.allowed[tags.start]![index("L-PER")]).toBe(false);
  });
});

describe("structured perceptron tagger", () => {
  it("learns names after 'Mr.' and places after 'in' from a few sentences", () => {
    const sentences = [
      ["Mr.", "Abel", "Kane", "arrived", "in", "Rome", "."],
      ["Mr.", "Bo", "Dunn", "stayed", "in", "Lyon", "."],
      ["Mr.", "Cy", "Ford", "lives", "in", "Turin", "."],
    ];
    const spans = [
      { type: "PER", start: 1, end: 3 },
      { type: "LOC", start: 5, end: 6 },
    ];
    const model = trainTagger(tags, sentences.map((s) => ({ features: tokenFeatures(s), spans })), 5);
    const test = ["Mr.", "Dan", "Gale", "arrived", "in", "Oslo", "."];
    expect(tags.toSpans(viterbi(tags, model, tokenFeatures(test)))).toEqual(spans);
  });
});

describe("n-best tagging", () => {
  // Scores that make every tag plausible somewhere, so many valid sequences compete.
  const tables: ScoreTables = {
    observations: [0.3, 1.7, 0.9].map((x, i) => Float64Array.from(tags.tags, (_, t) => Math.sin(7 * t + 3 * i + x))),
    transitions: Array.from({ length: tags.start + 1 }, (_, prev) =>
      Float64Array.from(tags.tags, (_, t) => Math.cos(prev * 5 + t)),
    ),
  };

  it("lists valid taggings best first, starting with Viterbi's, each scored as its path", () => {
    const list = kBest(tags, tables, 6);
    expect(list).toHaveLength(6);
    expect(list[0]!.path).toEqual(decode(tags, tables));
    for (const { path, score } of list) {
      expect(score).toBeCloseTo(pathScore(tags, tables, path), 9);
      expect(tags.fromSpans(path.length, tags.toSpans(path))).toEqual(path);
    }
    for (let i = 1; i < list.length; i++) expect(list[i]!.score).toBeLessThanOrEqual(list[i - 1]!.score);
    expect(new Set(list.map(({ path }) => path.join())).size).toBe(list.length);
  });

  it("finds every valid tagging when k is large enough", () => {
    // Length 3 over O and U/B-I-L of two types: count the valid sequences by brute force.
    const n = tags.tags.length;
    let valid = 0;
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++)
        for (let c = 0; c < n; c++) {
          const path = [a, b, c];
          if (tags.fromSpans(3, tags.toSpans(path)).join() === path.join()) valid += 1;
        }
    expect(kBest(tags, tables, 1000)).toHaveLength(valid);
  });
});
