import { describe, expect, it } from "vitest";
import { featureName, modelWeights, type Template } from "./templates.js";

const TEMPLATES: Template<string[]>[] = [
  { name: "bias", values: () => [] },
  { name: "w", values: (v) => [v[0]!] },
  { name: "w+n", values: (v) => [v[0]!, v[1]!] },
  { name: "shapes", values: (v) => [v[0]!, v[1]!, v[2]!] },
];

describe("modelWeights", () => {
  it("finds each weight by its feature's values as the feature's name finds it, values that are '|' included", () => {
    const words = ["said", "|", "||", "a|b", "<p>", "="];
    const sites = words.flatMap((a) => words.flatMap((b) => words.map((c) => [a, b, c])));
    const weights: Record<string, number> = { bias: 0.5 };
    sites.forEach((site, k) => TEMPLATES.slice(1).forEach((t, j) => (weights[featureName(t, site)] = k + j / 10)));
    const model = modelWeights(weights, TEMPLATES);
    for (const site of [...sites, ["unknown", "said", "|"]]) {
      TEMPLATES.forEach((t, k) => expect(model.weight(k, t.values(site))).toBe(weights[featureName(t, site)] ?? 0));
    }
  });

  it("gives 0 for a feature the model does not hold", () => {
    const model = modelWeights({ "w=said": 1 }, TEMPLATES);
    expect(model.weight(0, [])).toBe(0);
    expect(model.weight(1, ["told"])).toBe(0);
    expect(model.weight(2, ["said", "that"])).toBe(0);
  });
});
