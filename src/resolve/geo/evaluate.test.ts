import { describe, expect, it } from "vitest";
import { readArticle } from "../../eval/news.js";
import { evaluateGeo, judge, loadGeoSet } from "./evaluate.js";

describe("geocoding evaluation on the project's annotated news places", () => {
  it("reads Reuters articles by file and NEWID and BBC articles by path, with dates and datelines", () => {
    const reuters = readArticle({ corpus: "reuters", file: "reut2-009.sgm", newid: 9179 });
    expect(reuters.date).toBe("1987-03-25");
    expect(reuters.dateline).toMatch(/^ISLAMABAD/);
    expect(reuters.text).toContain("North Waziristan");
    expect(reuters.text).not.toMatch(/&#3;|&lt;/);
    const bbc = readArticle({ corpus: "bbc", file: "politics/058.txt" });
    expect(bbc.date).toBeUndefined();
    expect(bbc.title.length).toBeGreaterThan(0);
    expect(() => readArticle({ corpus: "reuters", file: "reut2-009.sgm", newid: 1 })).toThrow(/no article with NEWID 1/);
  });

  it("judges by kind of place, country and distance", () => {
    const expected = { name: "Portland", countryCode: "US", featureType: "city" as const, lat: 45.52, lon: -122.68 };
    const maine = { name: "Portland", countryCode: "US", featureType: "city" as const, lat: 43.66, lon: -70.26, score: 1, reason: "", candidates: [] };
    expect(judge(expected, maine).correct).toBe(false);
    expect(judge(expected, { ...maine, lat: 45.5, lon: -122.7 }).correct).toBe(true);
    expect(judge(expected, undefined).why).toMatch(/not found/);
  });

  it("holds at least 30 mentions and geocodes at least 90% of them correctly", async () => {
    const items = loadGeoSet();
    expect(items.length).toBeGreaterThanOrEqual(30);
    const result = await evaluateGeo(items);
    expect(result.accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
