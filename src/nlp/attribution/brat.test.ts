import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAnn, readBratDir } from "./brat.js";

const TEXT = "“We will win,” he said. “Nobody can stop us.” Police said the claim was false.";
const ANN = [
  "T1\tContent 0 14;24 45\t“We will win,” “Nobody can stop us.”",
  "T2\tSource 15 17\the",
  "T3\tCue 18 22\tsaid",
  "T4\tAttribution 18 22\tsaid",
  "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
  "T5\tCue 53 57\tsaid",
  "T6\tContent 58 77\tthe claim was false",
  "T7\tAttribution-no-source 53 57\tsaid",
  "E2\tAttribution-no-source:T7 Cue:T5 Content:T6",
  "#1\tAnnotatorNotes T6\ta note",
  "",
].join("\n");

describe("parseAnn", () => {
  it("reads discontinuous spans and links roles through E lines", () => {
    const [first, second] = parseAnn(ANN);
    expect(first).toEqual({ id: "E1", source: [{ start: 15, end: 17 }], cue: [{ start: 18, end: 22 }], content: [{ start: 0, end: 14 }, { start: 24, end: 45 }] });
    expect(first!.content!.map((f) => TEXT.slice(f.start, f.end))).toEqual(["“We will win,”", "“Nobody can stop us.”"]);
    expect(second).toEqual({ id: "E2", cue: [{ start: 53, end: 57 }], content: [{ start: 58, end: 77 }] });
  });

  it("names the file and line of a bad span", () => {
    expect(() => parseAnn("T1\tCue 5 x\tsaid\n", "a.ann")).toThrow("a.ann:1");
    expect(() => parseAnn("E1\tAttribution:T9 Cue:T9\n", "b.ann")).toThrow("b.ann:1: E1 refers to missing T9");
  });

  it("pairs .ann with .txt both side by side and in PolNeAR's layout", () => {
    const flat = mkdtempSync(join(tmpdir(), "brat-"));
    writeFileSync(join(flat, "doc.txt"), TEXT);
    writeFileSync(join(flat, "doc.ann"), ANN);
    expect(readBratDir(flat).map((d) => d.attributions.length)).toEqual([2]);
    const polnear = mkdtempSync(join(tmpdir(), "polnear-"));
    mkdirSync(join(polnear, "text"));
    mkdirSync(join(polnear, "attributions"));
    writeFileSync(join(polnear, "text", "doc.txt"), TEXT);
    writeFileSync(join(polnear, "attributions", "doc_ab12.ann"), ANN);
    const [doc] = readBratDir(polnear);
    expect(doc?.name).toBe("doc_ab12");
    expect(doc?.text).toBe(TEXT);
  });
});
