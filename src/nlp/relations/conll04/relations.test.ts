import { describe, expect, it } from "vitest";
import { Places } from "./places.js";
import { pairFeatures } from "./relations.js";

const places = new Places({ places: {}, countries: [] });
const tokens = (sentence: string) => sentence.split(" ");

describe("relation features", () => {
  it("count the entities of each argument's type, up to three", () => {
    const words = tokens("Ula Brenk met Tam Orvo and Pia Lusk in Varnholm .");
    const person = (start: number) => ({ type: "Peop" as const, start, end: start + 2 });
    const entities = [person(0), person(3), person(6), { type: "Loc" as const, start: 9, end: 10 }];
    const features = pairFeatures(words, entities, { head: 1, tail: 3, type: "Live_In" }, { places });
    expect(features).toEqual(expect.arrayContaining(["Live_In|nh=3", "Live_In|nt=1", "Live_In|nhnt=3,1"]));
    const alone = pairFeatures(words, [person(0), entities[3]!], { head: 0, tail: 1, type: "Live_In" }, { places });
    expect(alone).toContain("Live_In|nhnt=1,1");
  });
});
