import { describe, expect, it } from "vitest";
import { evaluateEvents, loadEventSet } from "./evaluate.js";

describe("event-resolution evaluation on the project's clusters of news reports", () => {
  it("holds at least 10 happenings reported several times and clusters them with B-cubed F1 of at least 0.85", async () => {
    const items = loadEventSet();
    const reported = new Map<string, number>();
    for (const item of items) reported.set(item.happening, (reported.get(item.happening) ?? 0) + 1);
    expect([...reported.values()].filter((n) => n > 1).length).toBeGreaterThanOrEqual(10);
    const result = await evaluateEvents(items);
    expect(result.f1).toBeGreaterThanOrEqual(0.85);
    // Every merge carries its rule and score.
    for (const link of result.links) {
      expect(link.rule).toMatch(/^same-type\+/);
      expect(link.score).toBeGreaterThan(0);
    }
  });
});
