import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "../../../test/cli.js";
import { register } from "./extract.js";

const repo = fileURLToPath(new URL("../../../", import.meta.url));

/** A small sample written for this test: gold annotations, plus fields that must survive extraction. */
const sample = [
  {
    tokens: "John Smith was assassinated by Tom Brown in Dallas .".split(" "),
    entities: [
      { type: "Peop", start: 0, end: 2 },
      { type: "Peop", start: 5, end: 7 },
      { type: "Loc", start: 8, end: 9 },
    ],
    relations: [{ type: "Kill", head: 1, tail: 0 }],
    orig_id: 101,
  },
  { tokens: "The weather was mild .".split(" "), entities: [{ type: "Other", start: 1, end: 2 }], relations: [], orig_id: 102 },
];

const run = (...args: string[]): Promise<string> => runInProcess([register], args);

describe("dossier extract --conll04 / eval re", () => {
  let dir: string;
  let gold: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "dossier-re-"));
    gold = join(dir, "gold.json");
    await writeFile(gold, JSON.stringify(sample));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("writes predictions in the input's format and order, ignoring its gold annotations", async () => {
    const out = join(dir, "pred.json");
    await run("extract", "--conll04", gold, "--out", out);
    const predicted = JSON.parse(await readFile(out, "utf8")) as typeof sample;
    expect(predicted.map((s) => s.orig_id)).toEqual([101, 102]);
    expect(predicted.map((s) => Object.keys(s))).toEqual(sample.map((s) => Object.keys(s)));
    expect(predicted[0]!.tokens).toEqual(sample[0]!.tokens);
    // The gold "Other" on "weather" is not copied through.
    expect(predicted[1]!.entities).toEqual([]);
    const [first] = predicted;
    const kill = first!.relations.find((r) => r.type === "Kill")!;
    expect(first!.entities[kill.head]).toEqual({ type: "Peop", start: 5, end: 7 });
    expect(first!.entities[kill.tail]).toEqual({ type: "Peop", start: 0, end: 2 });
  });

  it("eval re scores a prediction file strictly", async () => {
    const pred = join(dir, "half.json");
    // One right entity, one wrong type, no relations.
    const half = [{ ...sample[0], entities: [sample[0]!.entities[0], { type: "Loc", start: 5, end: 7 }], relations: [] }, sample[1]];
    await writeFile(pred, JSON.stringify(half));
    const text = await run("eval", "re", gold, "--pred", pred);
    expect(text).toMatch(/entities\s+P 0\.6667\s+R 0\.5000\s+F1 0\.5714/);
    expect(text).toMatch(/relations\s+P 0\.0000\s+R 0\.0000\s+F1 0\.0000/);
  });

  it("eval re runs the extractor when no prediction is given", async () => {
    const text = await run("eval", "re", gold);
    expect(text).toMatch(/relations\s+P [01]\.\d{4}\s+R 1\.0000/);
  });

  // Through the built CLI (`npm test` builds first), so stdin is a real pipe.
  it("reads stdin for - and names the bad input", () => {
    const cli = [join(repo, "bin/dossier.js")];
    const ok = spawnSync(process.execPath, [...cli, "extract", "--conll04", "-"], { input: JSON.stringify(sample), encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as unknown[]).length).toBe(2);
    const bad = spawnSync(process.execPath, [...cli, "extract", "--conll04", "-"], { input: '[{"tokens": 3}]', encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/<stdin>:sentence 0: tokens must be an array of strings/);
  });
});
