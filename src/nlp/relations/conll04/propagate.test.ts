import { describe, expect, it } from "vitest";
import type { Conll04Entity, Conll04Relation } from "./format.js";
import { learnRules, propagate } from "./propagate.js";

const tokens = (sentence: string) => sentence.split(" ");

// "Ann Lee of Miami , Fla. , works for the National Union ( NU ) ."
const sentence = {
  tokens: tokens("Ann Lee of Miami , Fla. , works for the National Union ( NU ) ."),
  entities: [
    { type: "Peop", start: 0, end: 2 },
    { type: "Loc", start: 3, end: 4 },
    { type: "Loc", start: 5, end: 6 },
    { type: "Org", start: 10, end: 12 },
    { type: "Org", start: 13, end: 14 },
  ] as Conll04Entity[],
};

describe("relation propagation", () => {
  it("moves a relation to the next place of a comma chain and to a parenthesised alias", () => {
    const relations: Conll04Relation[] = [
      { type: "Live_In", head: 0, tail: 1 },
      { type: "Work_For", head: 0, tail: 3 },
    ];
    const rules = [
      { type: "Live_In", kind: "place-chain" },
      { type: "Work_For", kind: "tail-alias" },
    ] as const;
    expect(propagate(sentence, relations, rules)).toEqual([
      ...relations,
      { type: "Live_In", head: 0, tail: 2 },
      { type: "Work_For", head: 0, tail: 4 },
    ]);
    // Without rules, or with a rule for another relation type, nothing is added.
    expect(propagate(sentence, relations, [])).toEqual(relations);
    expect(propagate(sentence, relations, [{ type: "Located_In", kind: "place-chain" }])).toEqual(relations);
  });

  it("keeps only rules that held often enough in training", () => {
    const held = { ...sentence, relations: [{ type: "Live_In", head: 0, tail: 1 }, { type: "Live_In", head: 0, tail: 2 }] as Conll04Relation[] };
    const broken = { ...sentence, relations: [{ type: "Live_In", head: 0, tail: 1 }] as Conll04Relation[] };
    // Each held sentence gives two cases (Miami → Fla. and Fla. → Miami), both true.
    expect(learnRules(Array(3).fill(held))).toEqual([{ type: "Live_In", kind: "place-chain" }]);
    // Once in each broken sentence it fails: 6 of 8 cases hold (0.75) with 3 held, 4 of 6 with 2.
    expect(learnRules([...Array(3).fill(held), ...Array(2).fill(broken)])).toEqual([{ type: "Live_In", kind: "place-chain" }]);
    expect(learnRules([...Array(2).fill(held), ...Array(2).fill(broken)])).toEqual([]);
  });
});
