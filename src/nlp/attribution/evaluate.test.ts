import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluateDir } from "./evaluate.js";

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
