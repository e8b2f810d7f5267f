import { describe, expect, it } from "vitest";
import { formatConll04, parseConll04, relationFor } from "./format.js";

const sample = [
  {
    orig_id: 7,
    tokens: ["Ann", "Lee", "of", "Acme", "Inc.", "lives", "in", "Oslo", "."],
    entities: [
      { type: "Peop", start: 0, end: 2 },
      { type: "Org", start: 3, end: 5 },
      { type: "Loc", start: 7, end: 8 },
    ],
    relations: [
      { type: "Work_For", head: 0, tail: 1 },
      { type: "Live_In", head: 0, tail: 2 },
    ],
    note: "kept",
  },
  { tokens: ["Nothing", "here", "."], entities: [], relations: [], orig_id: 8 },
];

describe("CoNLL04 JSON", () => {
  it("round-trips sentences in order with every field and its key order", () => {
    const text = JSON.stringify(sample);
    const parsed = parseConll04(text, "sample.json");
    expect(JSON.parse(formatConll04(parsed))).toEqual(sample);
    expect(formatConll04(parsed).trim()).toBe(text);
    expect(Object.keys(parsed[0]!)).toEqual(["orig_id", "tokens", "entities", "relations", "note"]);
  });

  it("accepts sentences without gold annotations", () => {
    const [sentence] = parseConll04('[{"tokens":["Hi"]}]', "in.json");
    expect(sentence).toEqual({ tokens: ["Hi"], entities: [], relations: [] });
  });

  it("names the file and the sentence when input is bad", () => {
    expect(() => parseConll04("{", "bad.json")).toThrow(/bad\.json:1: not valid JSON/);
    expect(() => parseConll04('{"tokens":[]}', "bad.json")).toThrow(/expected a JSON array/);
    expect(() => parseConll04('[{"tokens":["a"]},{"tokens":"a b"}]', "bad.json")).toThrow(
      /bad\.json:sentence 1: tokens must be an array of strings/,
    );
    const outside = '[{"tokens":["a"],"entities":[{"type":"Loc","start":0,"end":2}]}]';
    expect(() => parseConll04(outside, "f")).toThrow(/sentence 0 entity 0: entity span \[0, 2\) outside the 1 tokens/);
    const dangling = '[{"tokens":["a"],"entities":[{"type":"Loc","start":0,"end":1}],"relations":[{"type":"Kill","head":0,"tail":3}]}]';
    expect(() => parseConll04(dangling, "f")).toThrow(/relation tail 3 is not an entity index/);
    expect(() => parseConll04('[{"tokens":["a"],"entities":[{"type":"GPE","start":0,"end":1}]}]', "f")).toThrow(
      /unknown entity type "GPE"/,
    );
  });

  it("knows which relation each argument type pair can hold", () => {
    expect(relationFor("Peop", "Peop")).toBe("Kill");
    expect(relationFor("Org", "Loc")).toBe("OrgBased_In");
    expect(relationFor("Loc", "Org")).toBeUndefined();
    expect(relationFor("Other", "Loc")).toBeUndefined();
  });
});
