import { describe, expect, it } from "vitest";
import { TagSet, tokenFeatures, trainTagger, viterbi } from "./tagger.js";

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
