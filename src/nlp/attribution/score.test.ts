import { describe, expect, it } from "vitest";
import type { GoldAttribution } from "./brat.js";
import { overlapRatio, prf, scoreDocument } from "./score.js";
import type { Attribution } from "./types.js";

const TEXT = "Officials said the attack killed five. The group said it was revenge.";
const at = (start: number, end: number) => ({ start, end, text: TEXT.slice(start, end) });
const GOLD: GoldAttribution[] = [
  { id: "E1", source: [{ start: 0, end: 9 }], cue: [{ start: 10, end: 14 }], content: [{ start: 15, end: 37 }] },
  { id: "E2", source: [{ start: 39, end: 48 }], cue: [{ start: 49, end: 53 }], content: [{ start: 54, end: 68 }] },
];

describe("overlapRatio", () => {
  it("divides the shared characters by the longer span", () => {
    expect(overlapRatio([{ start: 0, end: 10 }], [{ start: 5, end: 10 }])).toBe(0.5);
    expect(overlapRatio([{ start: 0, end: 4 }, { start: 6, end: 10 }], [{ start: 0, end: 10 }])).toBe(0.8);
    expect(overlapRatio([{ start: 0, end: 4 }], [{ start: 4, end: 8 }])).toBe(0);
  });
});

describe("scoreDocument", () => {
  it("needs half the content and an overlapping source", () => {
    const predictions: Attribution[] = [
      // Right content (the attack killed five), right source.
      { source: at(0, 9), cue: at(10, 14), content: at(15, 33), quote: "indirect" },
      // Content matches E2 but the source is wrong.
      { source: at(54, 56), cue: at(49, 53), content: at(54, 68), quote: "indirect" },
      // Nested: not scored (PolNeAR never annotates it).
      { cue: at(49, 53), content: at(54, 68), quote: "indirect", nestedIn: 0 },
    ];
    const scores = scoreDocument(predictions, GOLD);
    expect(scores.attribution).toEqual({ truePositives: 1, predicted: 2, gold: 2 });
    expect(scores.content).toEqual({ truePositives: 2, predicted: 2, gold: 2 });
    expect(scores.cue).toEqual({ truePositives: 2, predicted: 2, gold: 2 });
    const figures = prf(scores.attribution);
    expect(figures.precision).toBe(0.5);
    expect(figures.f1).toBe(0.5);
  });

  it("rejects content that covers less than half of the longer span, and matches one to one", () => {
    const short = { source: at(0, 9), cue: at(10, 14), content: at(15, 21), quote: "indirect" as const };
    expect(scoreDocument([short], GOLD).content.truePositives).toBe(0);
    const twice = { source: at(0, 9), cue: at(10, 14), content: at(15, 37), quote: "indirect" as const };
    expect(scoreDocument([twice, twice], GOLD).attribution.truePositives).toBe(1);
  });
});
