import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildGazetteer } from "./gazetteer.js";

const dataDir = fileURLToPath(new URL("../../../../../shared/data", import.meta.url));

describe("the CoNLL04 tagger's gazetteer", () => {
  const gazetteer = buildGazetteer(dataDir);

  it("knows small towns, countries and demonyms besides CoNLL-2003's names", () => {
    const features = gazetteer.annotate("Argentines in Winterset , Iowa met Peter Blackburn".split(" "));
    expect(features[0]).toContain("DEMONYM:U");
    expect(features[2]).toContain("CITY:U");
    expect(features[2]).not.toContain("BIG_CITY:U");
    expect(features[6]).toEqual(expect.arrayContaining(["PER:B", "PER_FIRST:U"]));
    expect(features[7]).toContain("PER:L");
  });

  it("marks big cities and country names, and stays quiet on lower-case words", () => {
    const features = gazetteer.annotate("in Los Angeles , United States".split(" "));
    expect(features[0]).toEqual([]);
    expect(features[1]).toEqual(expect.arrayContaining(["CITY:B", "BIG_CITY:B"]));
    expect(features[4]).toContain("COUNTRY:B");
  });

  it("gives the list types of a whole phrase, whatever its case, and none for part of one", () => {
    expect(gazetteer.types(["los", "ANGELES"])).toEqual(expect.arrayContaining(["CITY", "BIG_CITY"]));
    expect(gazetteer.types(["United", "States"])).toContain("COUNTRY");
    expect(gazetteer.types(["Los"])).not.toContain("BIG_CITY");
  });
});
