import { describe, expect, it } from "vitest";
import type { Conll04Sentence } from "./format.js";
import { scoreConll04 } from "./score.js";

const tokens = ["Tom", "Brown", "shot", "Ann", "Lee", "in", "Paris", "."];
const gold: Conll04Sentence[] = [
  {
    tokens,
    entities: [
      { type: "Peop", start: 0, end: 2 },
      { type: "Peop", start: 3, end: 5 },
      { type: "Loc", start: 6, end: 7 },
    ],
    relations: [
      { type: "Kill", head: 0, tail: 1 },
      { type: "Live_In", head: 1, tail: 2 },
    ],
  },
];

describe("strict CoNLL04 scoring", () => {
  it("gives 1.0 to the gold itself", () => {
    const scores = scoreConll04(gold, gold);
    expect(scores.entities.f1).toBe(1);
    expect(scores.relations.f1).toBe(1);
  });

  it("needs the exact span and type of entities and of both relation arguments", () => {
    const predicted: Conll04Sentence[] = [
      {
        tokens,
        // Right span, wrong type; wrong span; right entity listed in another order.
        entities: [
          { type: "Loc", start: 6, end: 7 },
          { type: "Peop", start: 0, end: 1 },
          { type: "Org", start: 3, end: 5 },
        ],
        relations: [
          // Same indices' semantics differ: (Peop 0-1) is not (Peop 0-2), so no credit.
          { type: "Kill", head: 1, tail: 2 },
          // Right spans, wrong argument type (Org, not Peop): no credit.
          { type: "Live_In", head: 2, tail: 0 },
        ],
      },
    ];
    const scores = scoreConll04(gold, predicted);
    expect(scores.entities).toMatchObject({ correct: 1, predicted: 3, gold: 3 });
    expect(scores.entities.f1).toBeCloseTo(1 / 3);
    expect(scores.relations).toMatchObject({ correct: 0, predicted: 2, gold: 2, f1: 0 });
  });

  it("matches relations by content, not by entity index", () => {
    const reordered: Conll04Sentence[] = [
      {
        tokens,
        entities: [gold[0]!.entities[2]!, gold[0]!.entities[1]!, gold[0]!.entities[0]!],
        relations: [
          { type: "Kill", head: 2, tail: 1 },
          { type: "Kill", head: 1, tail: 2 },
        ],
      },
    ];
    const scores = scoreConll04(gold, reordered);
    expect(scores.entities.f1).toBe(1);
    expect(scores.relations).toMatchObject({ correct: 1, predicted: 2, gold: 2 });
    expect(scores.relations.precision).toBe(0.5);
    expect(scores.byRelation.Kill).toMatchObject({ correct: 1, predicted: 2, gold: 1 });
    expect(scores.byRelation.Live_In).toMatchObject({ correct: 0, predicted: 0, gold: 1 });
  });

  it("refuses predictions that do not line up with the gold sentences", () => {
    expect(() => scoreConll04(gold, [])).toThrow(/0 sentences, gold has 1/);
    expect(() => scoreConll04(gold, [{ ...gold[0]!, tokens: ["x"] }])).toThrow(/sentence 0: tokens/);
  });
});
