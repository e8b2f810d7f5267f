import { describe, expect, it } from "vitest";
import { actorMatches, gsrRecords, scoreRecord, summarise } from "./plover.js";

const raw = [
  { id: "a", text: "Rebels attacked the army base.", event: "FIGHT", date: "2001-02-03", source: [{ actorText: "Rebels" }], target: [{ actorText: "army" }] },
  { id: "skip", event: "AGREE" },
  { id: "b", text: "Police opened an inquiry.", event: "INVESTIGATE", source: [{ actorText: "Police" }] },
  { id: "c", text: "Ministers demanded talks.", event: "DEMAND", source: [{ actorText: "Ministers" }], target: "" },
];

describe("PLOVER gold-standard records", () => {
  it("splits by index among records with text, maps GSR type names and leaves INVESTIGATE out", () => {
    const all = gsrRecords(raw);
    expect(all.map((r) => [r.id, r.index, r.type])).toEqual([
      ["a", 0, "ASSAULT"],
      ["c", 2, "REQUEST"],
    ]);
    expect(gsrRecords(raw, "odd")).toEqual([]);
    expect(gsrRecords(raw, "even").map((r) => r.id)).toEqual(["a", "c"]);
    expect(all[0]!.date).toBe("2001-02-03");
    expect(all[1]!.date).toBe("2000-01-01");
    expect(all[1]!.targets).toEqual([]);
  });

  it("matches an actor by any shared word of its names, and any actor when the gold gives none", () => {
    expect(actorMatches(["Armed Forces of Mali", "FAMa"], ["Malian army", "forces"])).toBe(true);
    expect(actorMatches(["Hamas"], ["Israeli army"])).toBe(false);
    expect(actorMatches([], [])).toBe(true);
  });

  it("scores type, then source, then target, and counts predictions per type", () => {
    const [record] = gsrRecords(raw);
    const wrongTarget = scoreRecord(record!, [{ type: "ASSAULT", source: ["rebels"], target: ["police"] }]);
    expect([wrongTarget.type, wrongTarget.source, wrongTarget.target]).toEqual([true, true, false]);
    const full = scoreRecord(record!, [
      { type: "ACCUSE", source: ["rebels"], target: ["army"] },
      { type: "ASSAULT", source: ["the rebels"], target: ["national army"] },
    ]);
    expect([full.type, full.source, full.target]).toEqual([true, true, true]);
    const result = summarise([wrongTarget, full]);
    expect(result.typeRecall).toBe(1);
    expect(result.targetRecall).toBe(0.5);
    expect(result.eventsPerSentence).toBe(1.5);
    expect(result.perType.get("ASSAULT")).toEqual({ gold: 2, type: 2, target: 1, predicted: 2 });
    expect(result.perType.get("ACCUSE")).toEqual({ gold: 0, type: 0, target: 0, predicted: 1 });
  });
});
