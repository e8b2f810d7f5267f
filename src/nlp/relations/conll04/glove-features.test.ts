import { describe, expect, it } from "vitest";
import { WordClusters } from "../../ner/clusters.js";
import { GloveFeatures } from "./glove-features.js";
import { Places } from "./places.js";
import { pairFeatures } from "./relations.js";

const tokens = (sentence: string) => sentence.split(" ");

describe("GloVe cluster features", () => {
  // Two towns in one fine cluster (7), "murdered" and "killed" in another (3).
  const small = new GloveFeatures(
    new WordClusters(["miami", "ocala", "killed", "murdered"], Uint16Array.from([7, 2, 1, 7, 2, 1, 3, 4, 5, 3, 4, 5])),
  );

  it("gives a rare town the features of a common one, with its capitalisation", () => {
    const [common, rare] = [small.annotate(tokens("in Miami ."))[1]!, small.annotate(tokens("in Ocala ."))[1]!];
    expect(common).toEqual(expect.arrayContaining(["g0=7", "g1=2", "g2=1", "g0|ss=7|Xx"]));
    expect(rare).toEqual(common);
    expect(small.annotate(tokens("in OCALA ."))[1]).toContain("g0|ss=7|X");
  });

  it("marks unknown words and describes the neighbours and sentence edges", () => {
    const features = small.annotate(tokens("Qzxqvw killed Miami"));
    expect(features[0]).toEqual(expect.arrayContaining(["g=none", "g=none|ss=Xx", "g-1:0=<s>", "g+1:0=3", "g+2:1=2"]));
    expect(features[0]!.some((f) => f.startsWith("g0="))).toBe(false);
    expect(features[2]).toEqual(expect.arrayContaining(["g-1:0=3", "g-2:1=-", "g+1:0=</s>"]));
    // Two words away only the coarser levels count.
    expect(features[2]!.some((f) => f.startsWith("g-2:0="))).toBe(false);
  });

  it("let the relation classifier read a trigger it never saw through its cluster", () => {
    const places = new Places({ places: {}, countries: [] });
    const entities = [
      { type: "Peop" as const, start: 0, end: 1 },
      { type: "Peop" as const, start: 2, end: 3 },
    ];
    const candidate = { head: 0, tail: 1, type: "Kill" as const };
    const glove = (word: string) => small.cluster(word);
    const killed = pairFeatures(tokens("Oswald killed Kennedy"), entities, candidate, { places, glove });
    const murdered = pairFeatures(tokens("Oswald murdered Kennedy"), entities, candidate, { places, glove });
    expect(killed).toContain("Kill|gbc=>4");
    expect(murdered).toContain("Kill|gbc=>4");
    expect(pairFeatures(tokens("Oswald killed Kennedy"), entities, candidate, { places }).some((f) => f.includes("|gbc="))).toBe(false);
  });

  it("group rare and common names of one kind in the committed clusters", () => {
    const glove = new GloveFeatures();
    const fine = (word: string) => glove.cluster(word)?.[0];
    expect(fine("Ocala")).toBeDefined();
    expect(fine("Ocala")).toBe(fine("Gainesville"));
    expect(fine("assassinated")).not.toBe(fine("Ocala"));
  });
});
