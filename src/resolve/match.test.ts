import { describe, expect, it } from "vitest";
import { actorSlugId, chooseMatch, isGenericAlias, isGlobalAlias, matchKeys, normaliseAlias } from "./match.js";

describe("alias normalisation", () => {
  it("ignores case, dashes, dots, curly quotes, possessives and a leading 'the'", () => {
    expect(normaliseAlias("The ISKP")).toBe("iskp");
    expect(normaliseAlias("al-Qaeda")).toBe(normaliseAlias("al Qaeda"));
    expect(normaliseAlias("Islamic State \u2014 Khorasan Province")).toBe("islamic state khorasan province");
    expect(normaliseAlias("U.S.")).toBe("us");
    expect(normaliseAlias("Pakistan\u2019s")).toBe("pakistan");
  });
});

describe("generic aliases", () => {
  it("treats pronouns and lower-case descriptions as generic, names and acronyms not", () => {
    for (const alias of ["the group", "the outfit", "the terror outfit", "they", "It", "them", "militants"]) {
      expect(isGenericAlias(alias), alias).toBe(true);
    }
    for (const alias of ["ISKP", "US", "al Qaeda", "The ISKP", "Khorasan province", "the Taliban", "M23"]) {
      expect(isGenericAlias(alias), alias).toBe(false);
    }
  });

  it("keeps a person's lone name part out of cross-document matching", () => {
    expect(isGlobalAlias({ name: "Imran Khan", type: "PER" }, "Khan")).toBe(false);
    expect(isGlobalAlias({ name: "Imran Khan", type: "PER" }, "Imran Khan")).toBe(true);
    expect(isGlobalAlias({ name: "Madonna", type: "PER" }, "Madonna")).toBe(true);
    expect(isGlobalAlias({ name: "Hamas", type: "ORG" }, "Hamas")).toBe(true);
    expect(matchKeys({ name: "Imran Khan", type: "PER", aliases: ["Khan", "he", "the former prime minister"] })).toEqual(["imran khan"]);
  });
});

describe("choosing a stored actor", () => {
  const iskp = { actorId: "org:iskp", name: "Islamic State - Khorasan Province", type: "ORG" as const };
  it("matches on a shared key of a compatible type only", () => {
    expect(chooseMatch({ name: "ISKP", type: "ORG", aliases: [] }, [{ ...iskp, norm: "iskp" }])).toBe("org:iskp");
    expect(chooseMatch({ name: "ISKP", type: "PER", aliases: [] }, [{ ...iskp, norm: "iskp" }])).toBeUndefined();
    expect(chooseMatch({ name: "Hamas", type: "ORG", aliases: ["the group"] }, [{ ...iskp, norm: "group" }])).toBeUndefined();
    expect(chooseMatch({ name: "Pakistan", type: "LOC", aliases: [] }, [{ actorId: "gpe:pakistan", name: "Pakistan", type: "GPE", norm: "pakistan" }])).toBe(
      "gpe:pakistan",
    );
  });

  it("never takes a country for a city or a city for a country on a shared alias", () => {
    const city = { actorId: "gpe:capital-city", name: "Capital City", type: "GPE" as const, subtype: "city", norm: "capital city" };
    expect(chooseMatch({ name: "Freedonia", type: "GPE", subtype: "country", aliases: ["Capital City"] }, [city])).toBeUndefined();
    const country = { actorId: "gpe:freedonia", name: "Freedonia", type: "GPE" as const, subtype: "country", norm: "capital city" };
    expect(chooseMatch({ name: "Capital City", type: "GPE", subtype: "city", aliases: [] }, [country])).toBeUndefined();
    // An actor whose subtype is unknown on either side may still match.
    expect(chooseMatch({ name: "Capital City", type: "GPE", aliases: [] }, [country])).toBe("gpe:freedonia");
    expect(chooseMatch({ name: "Capital City", type: "GPE", subtype: "city", aliases: [] }, [city])).toBe("gpe:capital-city");
  });

  it("prefers more shared keys, then a match on the stored name", () => {
    const candidates = [
      { actorId: "org:a", name: "Alpha Front", type: "ORG" as const, norm: "af" },
      { actorId: "org:b", name: "AF", type: "ORG" as const, norm: "af" },
    ];
    expect(chooseMatch({ name: "AF", type: "ORG", aliases: [] }, candidates)).toBe("org:b");
    expect(chooseMatch({ name: "Alpha Front", type: "ORG", aliases: ["AF"] }, [...candidates, { ...candidates[0]!, norm: "alpha front" }])).toBe("org:a");
  });
});

describe("actor ids", () => {
  it("are readable slugs prefixed by type", () => {
    expect(actorSlugId({ name: "Islamic State - Khorasan Province", type: "ORG" })).toBe("org:islamic-state-khorasan-province");
    expect(actorSlugId({ name: "Khorasan Ghag", type: "WORK" })).toBe("work:khorasan-ghag");
    expect(actorSlugId({ name: "São Tomé", type: "GPE" })).toBe("gpe:sao-tome");
    expect(actorSlugId({ name: "!!!", type: "PER" })).toBe("per:unnamed");
  });
});
