import { describe, expect, it } from "vitest";
import { extractFigures, parseNumber, sentenceAround } from "./figures.js";
import { comparePair, resolveEvents, vetoKey, type EventMention } from "./resolve.js";
import { bcubed } from "./score.js";
import { eventDays, timeRange } from "./time.js";

const basra = { name: "Basra", lat: 30.5, lon: 47.8, countryCode: "IQ" };
const kabul = { name: "Kabul", lat: 34.5, lon: 69.2, countryCode: "AF" };
const mention = (id: string, extra: Partial<EventMention> = {}): EventMention => ({
  id,
  document: `doc-${id}`,
  type: "ASSAULT",
  source: "iran",
  target: "iraq",
  time: "1987-03-11",
  ...extra,
});

describe("event resolution", () => {
  it("merges two reports of one attack and explains the merge", () => {
    const { clusterOf, links } = resolveEvents([mention("a", { place: basra }), mention("b", { place: basra, published: "1987-03-12" })]);
    expect(clusterOf.get("b")).toBe("a");
    expect(links).toHaveLength(1);
    expect(links[0].rule).toBe("same-type+same-actors+same-day+within-100km");
    expect(links[0].score).toBe(1);
    expect(links[0].explanation).toMatch(/Basra/);
  });

  it("keeps apart different types, actors, times and places", () => {
    const base = mention("a", { place: basra });
    expect(comparePair(base, mention("b", { type: "ACCUSE", place: basra }))).toBeUndefined();
    expect(comparePair(base, mention("c", { source: "chad", target: "libya" }))).toBeUndefined();
    expect(comparePair(base, mention("d", { time: "1987-03-20" }))).toBeUndefined();
    expect(comparePair(base, mention("e", { place: kabul }))).toBeUndefined();
    expect(comparePair(base, mention("f", { target: "kuwait" }))).toBeUndefined();
  });

  it("uses the event date, not the publication date, and falls back to a window before publication", () => {
    // Published a week apart, but both describe the attack of March 11.
    const late = mention("b", { published: "1987-03-18" });
    expect(comparePair(mention("a", { published: "1987-03-11" }), late)).toBeDefined();
    // Undated reports published the day after a dated one still fit; a month later they do not.
    expect(comparePair(mention("a"), mention("c", { time: undefined, published: "1987-03-12" }))).toBeDefined();
    expect(comparePair(mention("a"), mention("d", { time: undefined, published: "1987-04-12" }))).toBeUndefined();
    expect(eventDays(undefined, "1987-03-12")!.basis).toBe("publication");
    expect(timeRange("1987-W11")!.to - timeRange("1987-W11")!.from).toBe(6);
    expect(timeRange("PAST_REF")).toBeUndefined();
  });

  it("accepts reports from the two sides naming each other as attacker", () => {
    const pair = comparePair(mention("a"), mention("b", { source: "iraq", target: "iran" }));
    expect(pair?.rule).toContain("swapped-actors");
  });

  it("never re-merges a pair an analyst split", () => {
    const vetoes = new Set([vetoKey("a", "b")]);
    const { clusterOf } = resolveEvents([mention("a"), mention("b")], { vetoes });
    expect(clusterOf.get("b")).toBe("b");
  });

  it("does not chain a cluster across incompatible members", () => {
    const { clusterOf } = resolveEvents([
      mention("a", { time: "1987-03-10" }),
      mention("b", { time: "1987-03-12" }),
      mention("c", { time: "1987-03-14" }),
    ]);
    expect(clusterOf.get("b")).toBe("a");
    expect(clusterOf.get("c")).toBe("c");
  });
});

describe("figures", () => {
  it("reads casualty figures with their qualifiers, per report", () => {
    expect(extractFigures("An air raid killed almost 150 people.")).toMatchObject([{ kind: "killed", value: 150, qualifier: "almost" }]);
    expect(extractFigures("Three people were killed and 30 injured.").map((f) => [f.kind, f.value])).toEqual([["killed", 3], ["wounded", 30]]);
    expect(extractFigures("Iran claims 3,000 Iraqi casualties.")[0]).toMatchObject({ kind: "casualties", value: 3000 });
    expect(extractFigures("The meeting in 1987 went well.")).toEqual([]);
    expect(parseNumber("twenty-five")).toBe(25);
    expect(parseNumber("1.5 million")).toBe(1_500_000);
  });
});

describe("B-cubed", () => {
  it("is perfect for identical clusterings and penalises lumping and splitting", () => {
    const gold = new Map([["a", "1"], ["b", "1"], ["c", "2"]]);
    expect(bcubed(gold, new Map([["a", "x"], ["b", "x"], ["c", "y"]])).f1).toBe(1);
    const lumped = bcubed(gold, new Map([["a", "x"], ["b", "x"], ["c", "x"]]));
    expect(lumped.recall).toBe(1);
    expect(lumped.precision).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3) / 3);
    const split = bcubed(gold, new Map());
    expect(split.precision).toBe(1);
    expect(split.recall).toBeCloseTo((0.5 + 0.5 + 1) / 3);
  });
});

describe("figures within one report", () => {
  it("keeps apart two happenings one report gives different tolls for, but not two reports that disagree", () => {
    const text = "Rebels killed 18 soldiers on Mindanao. On Tuesday, 19 soldiers were killed in Quezon.";
    const first = sentenceAround(text, text.indexOf("killed"), text.indexOf("killed") + 6);
    const second = sentenceAround(text, text.lastIndexOf("killed"), text.lastIndexOf("killed") + 6);
    expect(first.text).toBe("Rebels killed 18 soldiers on Mindanao.");
    expect(second.start).toBe(text.indexOf("On Tuesday"));
    const a = mention("a", { time: undefined, published: "1987-03-20", figures: extractFigures(first.text, first.start) });
    const b = mention("b", { time: "1987-03-17", figures: extractFigures(second.text, second.start) });
    expect(comparePair(a, { ...b, document: a.document })).toBeUndefined();
    expect(comparePair(a, b)).toBeDefined();
  });
});
