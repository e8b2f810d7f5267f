import { describe, expect, it } from "vitest";
import { blankDatelines, datelines } from "./dateline.js";

describe("wire datelines", () => {
  it("finds a dateline in capitals, with region, date and agency, at the start of a line", () => {
    const text = "KASRA, Zandia, March 5 (Reuters) - The front said it would fight on.\nDORAN (AP) — Troops moved in.\nBREL -- Talks ended.";
    expect(datelines(text).map(({ start, end }) => text.slice(start, end))).toEqual(["KASRA, Zandia, March 5 (Reuters) - ", "DORAN (AP) — ", "BREL -- "]);
  });

  it("takes a place written in lower case only with its agency, and no dash inside a sentence", () => {
    expect(datelines("Kasra, March 5 (AFP) - Troops moved in.")).toHaveLength(1);
    expect(datelines("KASRA, 3 Nov (PTI) - Troops moved in.")).toEqual([{ start: 0, end: 21 }]);
    expect(datelines("Kasra - the capital - fell.")).toEqual([]);
    expect(datelines("The front said KASRA - the capital - would fall.")).toEqual([]);
  });

  it("blanks datelines with spaces, keeping every offset", () => {
    const text = "KASRA, March 5 - Troops moved in.";
    const blanked = blankDatelines(text);
    expect(blanked).toHaveLength(text.length);
    expect(blanked.trimStart()).toBe("Troops moved in.");
  });
});
