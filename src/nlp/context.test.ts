import { describe, expect, it } from "vitest";
import type { Claim, Timex } from "../model/index.js";
import { claimantOf, claimSpansMeeting, lastClaimWithin, timeNear } from "./context.js";
import { AnalysedDoc } from "./doc.js";

function claim(speaker: string, ...spans: [number, number][]): Claim {
  return { speaker, about: [], cue: "said", text: "", quote: "indirect", provenance: spans.map(([start, end]) => ({ document: "d", start, end, text: "" })) };
}

function date(start: number, end: number, value: string): Timex {
  return { start, end, text: "", type: "DATE", value };
}

function docWith(claims: Claim[]): AnalysedDoc {
  const doc = new AnalysedDoc({ id: "d", date: "2024-01-01", text: " ".repeat(300), sha256: "" });
  doc.sentences = [
    { start: 0, end: 100, first: 0, last: 0 },
    { start: 100, end: 200, first: 0, last: 0 },
    { start: 200, end: 300, first: 0, last: 0 },
  ];
  doc.claims = claims;
  return doc;
}

describe("claim context", () => {
  it("attributes an item to the first claim holding it, whichever span of it holds it", () => {
    const doc = docWith([claim("e1", [150, 190], [20, 80]), claim("e2", [10, 90])]);
    expect(claimantOf(doc, 30, 40)).toBe("e1");
    expect(claimantOf(doc, 85, 88)).toBe("e2");
    expect(claimantOf(doc, 85, 95)).toBeNull();
    expect(claimantOf(doc, 210, 220)).toBeNull();
  });

  it("sees claims added after it was first asked", () => {
    const doc = docWith([claim("e1", [10, 90])]);
    expect(claimantOf(doc, 120, 130)).toBeNull();
    expect(lastClaimWithin(doc, 100, 200)).toBeUndefined();
    doc.claims.push(claim("e2", [110, 140]), claim("e3", [115, 190]));
    expect(claimantOf(doc, 120, 130)).toBe("e2");
    expect(lastClaimWithin(doc, 100, 200)?.speaker).toBe("e3");
    doc.claims = [claim("e4", [100, 200])];
    expect(claimantOf(doc, 120, 130)).toBe("e4");
  });

  it("finds a sentence's last claim by its first span only, and the spans an item shares characters with", () => {
    const doc = docWith([claim("e1", [110, 120]), claim("e2", [50, 60], [130, 140]), claim("e3", [90, 150])]);
    expect(lastClaimWithin(doc, 100, 200)?.speaker).toBe("e1");
    expect(claimSpansMeeting(doc, 60, 111).map((s) => `${s.claim.speaker}:${s.start}`)).toEqual(["e3:90", "e1:110"]);
    expect(claimSpansMeeting(doc, 140, 145).map((s) => s.claim.speaker)).toEqual(["e3"]);
  });
});

describe("timeNear", () => {
  it("takes the first date of the sentence at or after the item, else its last date, never one of another sentence", () => {
    const doc = docWith([]);
    doc.timexes = [date(120, 130, "2023-05-01"), date(20, 30, "2022-01-01"), date(160, 170, "2023-06-01"), date(140, 150, "PRESENT_REF"), date(190, 210, "2023-07-01")];
    expect(timeNear(doc, 1, 110)).toBe("2023-05-01");
    expect(timeNear(doc, 1, 135)).toBe("2023-06-01");
    expect(timeNear(doc, 1, 180)).toBe("2023-06-01");
    expect(timeNear(doc, 0, 50)).toBe("2022-01-01");
    expect(timeNear(doc, 2, 250)).toBeUndefined();
  });
});
