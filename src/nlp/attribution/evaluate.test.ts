import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluateDir, rankingFigures } from "./evaluate.js";

// PolNeAR's dev split sits beside the repository (../shared/data), as in CI.
const DEV = fileURLToPath(new URL("../../../../shared/data/polnear/dev", import.meta.url));

describe.runIf(existsSync(DEV) || process.env.CI === "true")("evaluateDir on PolNeAR dev", () => {
  it("keeps content+source F1 above the floor it reached when committed", () => {
    const evaluation = evaluateDir(DEV);
    expect(evaluation.documents).toBe(94);
    expect(evaluation.attribution.gold).toBe(2319);
    expect(evaluation.attribution.f1).toBeGreaterThan(0.69);
    expect(evaluation.content.f1).toBeGreaterThanOrEqual(evaluation.attribution.f1);
  });
});

describe("rankingFigures", () => {
  it("gives average precision, the best cut's F1 and the F1 of the cut at 0", () => {
    const figures = rankingFigures([
      { score: 3, positive: true },
      { score: 2, positive: false },
      { score: 1, positive: true },
      { score: -1, positive: false },
      { score: -2, positive: true },
    ]);
    // Precision at each positive: 1/1, 2/3, 3/5.
    expect(figures.averagePrecision).toBeCloseTo((1 + 2 / 3 + 3 / 5) / 3, 12);
    // The cut after the first: P 1, R 1/3 -> 0.5; after the third: P 2/3, R 2/3 -> 2/3; after all: P 3/5, R 1 -> 0.75.
    expect(figures.bestF1).toBeCloseTo(0.75, 12);
    expect(figures.f1AtZero).toBeCloseTo(2 / 3, 12);
    expect(figures.positives).toBe(3);
  });
});
