import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateTimex } from "./evaluate.js";
import { count, scores } from "./score.js";
import { parseTimeML } from "./timeml.js";

/** A tiny hand-made TimeML document: the DCT sits outside TEXT; entities and nested tags must not shift offsets. */
const TINY_TML = `<?xml version="1.0" ?>
<TimeML>
<DOCID>TINY1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-02-16" temporalFunction="false" functionInDocument="CREATION_TIME">February 16, 2023</TIMEX3></DCT>
<TEXT>
Q&amp;A: the group, founded in <TIMEX3 tid="t1" type="DATE" value="2018">2018</TIMEX3>, <EVENT eid="e1" class="OCCURRENCE">struck</EVENT> <TIMEX3 tid="t2" type="DATE" value="2023-02-14">Tuesday</TIMEX3> after <TIMEX3 tid="t3" type="DURATION" value="P3M">three months</TIMEX3> of calm, and it marches <TIMEX3 tid="t4" type="SET" value="P1W">every week</TIMEX3>. <TIMEX3 tid="t5" type="DATE" value="2022-Q4">The last quarter</TIMEX3> was quiet.
</TEXT>
</TimeML>
`;

describe("TimeML reading", () => {
  it("takes the DCT, the TEXT's plain text and gold spans aligned to it, without the DCT TIMEX", () => {
    const doc = parseTimeML(TINY_TML, "tiny.tml");
    expect(doc.dct).toBe("2023-02-16");
    expect(doc.text.startsWith("\nQ&A: the group")).toBe(true);
    expect(doc.gold.map((g) => [doc.text.slice(g.start, g.end), g.type, g.value])).toEqual([
      ["2018", "DATE", "2018"], ["Tuesday", "DATE", "2023-02-14"], ["three months", "DURATION", "P3M"],
      ["every week", "SET", "P1W"], ["The last quarter", "DATE", "2022-Q4"],
    ]);
  });

  it("names the file when the XML is broken or has no TEXT", () => {
    expect(() => parseTimeML("<TimeML><TEXT>unclosed", "bad.tml")).toThrow(/bad\.tml/);
    expect(() => parseTimeML("<TimeML><DCT/></TimeML>", "empty.tml")).toThrow(/empty\.tml: no <TEXT>/);
  });
});

describe("TempEval-3 scoring", () => {
  const span = (start: number, end: number, value: string) => ({ start, end, text: "", type: "DATE" as const, value });

  it("counts strict, relaxed and value matches one-to-one", () => {
    const gold = [span(0, 10, "2018"), span(20, 30, "P3M"), span(40, 50, "PAST_REF")];
    const system = [span(0, 10, "2018"), span(22, 35, "P2M"), span(60, 70, "2020"), span(25, 28, "P3M")];
    const s = scores(count(gold, system));
    expect(s.counts).toMatchObject({ gold: 3, system: 4, strict: 1, relaxed: 2, value: 1 });
    expect(s.strict.precision).toBeCloseTo(1 / 4);
    expect(s.relaxed.recall).toBeCloseTo(2 / 3);
    expect(s.value.accuracy).toBeCloseTo(1 / 2);
    expect(s.value.f1).toBeCloseTo((2 * (1 / 4) * (1 / 3)) / (1 / 4 + 1 / 3));
    // TempEval-3's script reports value F1 as value accuracy times relaxed F1: the same figure.
    expect(s.value.f1).toBeCloseTo(s.value.accuracy * s.relaxed.f1);
  });

  describe("over a folder", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "dossier-timex-"));
      await mkdir(join(dir, "sub"));
      await writeFile(join(dir, "sub", "tiny.tml"), TINY_TML);
      await writeFile(join(dir, "notes.txt"), "not TimeML");
    });
    afterAll(async () => rm(dir, { recursive: true, force: true }));

    it("finds .tml files recursively and scores the tagger on them", async () => {
      const result = await evaluateTimex(dir);
      expect(result.documents).toBe(1);
      expect(result.counts.gold).toBe(5);
      expect(result.relaxed.f1).toBe(1);
      expect(result.value.accuracy).toBe(1);
    });

    it("fails clearly on a folder without TimeML", async () => {
      await expect(evaluateTimex(join(dir, "missing"))).rejects.toThrow(/missing: cannot read folder/);
    });
  });
});

const TBAQ = resolve(fileURLToPath(import.meta.url), "../../../../../shared/data/tempeval3/TBAQ-cleaned/AQUAINT");

describe.skipIf(!existsSync(TBAQ))("on the shared AQUAINT TimeML", () => {
  it("keeps relaxed span F1 and value F1 at the level the README reports", async () => {
    const result = await evaluateTimex(TBAQ);
    expect(result.relaxed.f1).toBeGreaterThan(0.9);
    expect(result.value.f1).toBeGreaterThan(0.77);
  });
});
