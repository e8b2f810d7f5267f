import { describe, expect, it } from "vitest";
import { Gazetteer } from "./gazetteer.js";
import { NerFeatures } from "./ner-features.js";
import { Places } from "./places.js";
import { pairFeatures } from "./relations.js";

const tokens = (sentence: string) => sentence.split(" ");

describe("features from the CoNLL-2003 recogniser", () => {
  const ner = new NerFeatures();

  it("gives each token its BILOU label", () => {
    expect(ner.labels(tokens("John Smith flew to Paris ."))).toEqual(["B-PER", "L-PER", "O", "O", "U-LOC", "O"]);
  });

  it("annotates tokens with labels and clusters, and shares clusters between related words", () => {
    const features = ner.annotate(tokens("John Smith flew to Paris ."));
    expect(features[4]).toEqual(expect.arrayContaining(["ner=U-LOC", "ner-1=O", "ner+1=O"]));
    expect(features[4]!.some((f) => f.startsWith("c0="))).toBe(true);
    expect(ner.cluster("Paris")).toHaveLength(3);
    expect(ner.cluster("Qzxqvw")).toBeUndefined();
    // Coarse clusters group words by use: two weekdays share one, a weekday and a country do not.
    expect(ner.cluster("Monday")?.[2]).toBe(ner.cluster("Tuesday")?.[2]);
    expect(ner.cluster("Monday")?.[2]).not.toBe(ner.cluster("France")?.[2]);
  });
});

describe("relation features", () => {
  const places = new Places({ places: {}, countries: [] });
  const words = tokens("Derwinski , a Republican from Chicago who served 24 years in Congress .");
  const entities = [
    { type: "Peop" as const, start: 0, end: 1 },
    { type: "Loc" as const, start: 5, end: 6 },
    { type: "Org" as const, start: 11, end: 12 },
  ];
  const candidate = { head: 0, tail: 2, type: "Work_For" as const };

  it("fold the words between the arguments into a skeleton of function words and entity types", () => {
    expect(pairFeatures(words, entities, candidate, { places })).toContain("Work_For|skel=>, a w from LOC who w+ in");
  });

  it("read word clusters only when they are given", () => {
    const cluster = (word: string) => (word === "served" ? ["1", "2", "3"] : undefined);
    const withClusters = pairFeatures(words, entities, candidate, { places, cluster });
    expect(withClusters).toContain("Work_For|bc=>2");
    expect(pairFeatures(words, entities, candidate, { places }).some((f) => f.includes("|bc="))).toBe(false);
  });

  it("say what the name lists call each argument, leaving out CoNLL04's own training names", () => {
    const gazetteer = new Gazetteer({ phrases: { chicago: ["CITY", "C4Loc"], derwinski: ["PER_LAST"] }, maxLength: 1 });
    const features = pairFeatures(words, entities, { head: 0, tail: 1, type: "Live_In" }, { places, gazetteer });
    expect(features).toEqual(expect.arrayContaining(["Live_In|hg=PER_LAST", "Live_In|tg=CITY"]));
    expect(features.some((f) => f.includes("C4"))).toBe(false);
  });
});
