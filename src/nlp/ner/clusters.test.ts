import { describe, expect, it } from "vitest";
import { WordClusters } from "./clusters.js";

describe("WordClusters.lookup", () => {
  const clusters = new WordClusters(["Iraq", "bank", "NATO"], new Uint16Array([1, 2, 3, 4, 5, 6, 7, 8, 9]));

  it("tries the exact form, then lower case, then title case", () => {
    expect(clusters.lookup("Iraq")).toBe(0);
    expect(clusters.lookup("BANK")).toBe(1);
    expect(clusters.lookup("Bank")).toBe(1);
    // A lower-case word still finds its title-case entry: training relies on it, so the
    // committed model is only reproduced when tagging does the same.
    expect(clusters.lookup("iraq")).toBe(0);
    expect(clusters.lookup("IRAQ")).toBe(0);
  });

  it("finds nothing for unknown words", () => {
    expect(clusters.lookup("nato")).toBe(-1);
    expect(clusters.lookup("unknown")).toBe(-1);
  });
});
