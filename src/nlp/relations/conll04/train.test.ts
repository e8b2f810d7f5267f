import { describe, expect, it } from "vitest";
import { tuneThresholds } from "./train.js";

describe("threshold tuning", () => {
  it("raises a relation's threshold past its confident false positives and lowers it to reach true ones", () => {
    const scored = [
      { type: "Kill" as const, margin: 5, positive: true },
      { type: "Kill" as const, margin: 3, positive: false },
      { type: "Kill" as const, margin: 2, positive: false },
      { type: "Live_In" as const, margin: -1, positive: true },
      { type: "Live_In" as const, margin: -4, positive: false },
    ];
    const thresholds = tuneThresholds(scored, 2);
    // Best micro F1 is 1.0: keep Kill at 5 only and Live_In at -1 only.
    expect(thresholds.Kill).toBeGreaterThanOrEqual(3);
    expect(thresholds.Kill).toBeLessThan(5);
    expect(thresholds.Live_In).toBeLessThan(-1);
    expect(thresholds.Live_In).toBeGreaterThanOrEqual(-4);
    expect(thresholds.Work_For).toBe(0);
  });
});
