import { describe, expect, it } from "vitest";
import { analyseDoc } from "../../pipeline.js";
import { PairReader } from "./features.js";
import { type GoldReading, pipelineBeforeReader, supervise } from "./supervision.js";

const TEXT =
  "The Hill Brigade, a unit of the Northern Front, attacked a depot on Monday. The Northern Front later praised the Hill Brigade. " +
  "The River Alliance met the Northern Front in March. The River Alliance has since accused the Hill Brigade of looting.";

const GOLD: GoldReading = {
  document: { file: "t.txt" },
  actors: [
    { name: "Hill Brigade", aliases: ["the brigade"] },
    { name: "Northern Front", aliases: ["NF"] },
    { name: "River Alliance", aliases: [] },
  ],
  relations: [{ subject: "hill brigade", predicate: "member_of", object: "NF", accept: ["member_of", "affiliate_of", "part_of"], evidence: "a unit of the Northern Front" }],
  events: [{ type: "ACCUSE", source: "River Alliance", target: "Hill Brigade", evidence: "The River Alliance has since accused ... of looting" }],
};

describe("distant supervision of the relation reader", () => {
  const doc = analyseDoc({ id: "t", date: "2024-03-01", text: TEXT, sha256: "" }, pipelineBeforeReader());
  const pairs = doc.sentences.flatMap((_, s) => new PairReader().pairs(doc, s));
  const { examples, placed, items } = supervise(doc, pairs, GOLD);
  const labelOf = (sentence: number, left: string, right: string) => {
    const i = pairs.findIndex((p) => p.sentence === sentence && p.left.text === left && p.right.text === right);
    if (i < 0) throw new Error(`no pair ${left}~${right} in sentence ${sentence}`);
    return examples[i]?.gold;
  };

  it("labels the pair of the evidence's sentence with the gold predicate and those it accepts, by name or alias in any case", () => {
    expect(labelOf(0, "Hill Brigade", "Northern Front")).toEqual(["affiliate_of>", "member_of>"]);
  });

  it("finds evidence quoted in pieces and labels the direction from the gold's source", () => {
    expect(labelOf(3, "River Alliance", "Hill Brigade")).toEqual(["ACCUSE>"]);
    expect([placed, items]).toEqual([2, 2]);
  });

  it("leaves out a pair the gold links elsewhere, and reads other pairs as NONE", () => {
    expect(labelOf(1, "Northern Front", "Hill Brigade")).toBeUndefined();
    expect(labelOf(2, "River Alliance", "Northern Front")).toEqual([]);
  });
});
