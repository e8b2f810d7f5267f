import { describe, expect, it } from "vitest";
import { mulberry32, shuffled, shuffleInPlace } from "./shuffle.js";

describe("shuffle", () => {
  it("gives a permutation, the same one for the same seed and another for another seed", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const once = shuffled(items, 7);
    expect([...once].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled(items, 7)).toEqual(once);
    expect(shuffled(items, 8)).not.toEqual(once);
    expect(once).not.toEqual(items);
  });

  it("draws from the generator it is given, so one generator carries on across epochs", () => {
    const next = mulberry32(3);
    const first = [...shuffleInPlace([1, 2, 3, 4, 5, 6, 7, 8], next)];
    const second = [...shuffleInPlace([1, 2, 3, 4, 5, 6, 7, 8], next)];
    expect(second).not.toEqual(first);
  });
});
