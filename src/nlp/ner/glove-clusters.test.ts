import { describe, expect, it } from "vitest";
import { gloveClusters } from "./glove-clusters.js";

describe("GloVe clusters", () => {
  const clusters = gloveClusters();
  const ids = (word: string) => {
    const row = clusters.lookup(word);
    return row < 0 ? undefined : [0, 1, 2].map((level) => clusters.ids[row * 3 + level]);
  };

  it("know rare words in any case and group them with their kind", () => {
    expect(clusters.words.length).toBeGreaterThan(100_000);
    expect(ids("Ocala")).toEqual(ids("tallahassee"));
    expect(ids("slain")?.[0]).toBe(ids("killed")?.[0]);
    expect(ids("Monday")?.[2]).toBe(ids("Tuesday")?.[2]);
    expect(ids("Monday")?.[2]).not.toBe(ids("France")?.[2]);
    expect(ids("qzxqvwzz")).toBeUndefined();
  });

  it("name the missing file and how to build it", () => {
    expect(() => gloveClusters("/nonexistent/glove.tsv.gz")).toThrow(/glove\.tsv\.gz: GloVe clusters missing.*build-glove-clusters/);
  });
});
