import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../test/stores.js";
import type { Store } from "../graph/store.js";
import { ingestFiles } from "./run.js";
import { sha256 } from "./types.js";

const dir = mkdtempSync(join(tmpdir(), "dossier-ingest-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const seed = file("reports.txt", "date 2024-01-02\nThe Ministry of Defence said troops left Kabul.\n\n  date 2024-01-03 Rebels attacked a convoy near Goma.\n");
const jsonl = file(
  "wire.jsonl",
  '{"id":"w1","date":"2024-01-04","text":"Hamas said it would keep fighting.","title":"Wire 1"}\n{"date":"2024-01-05","text":"Protesters marched in Dhaka."}\n',
);
const csv = file("feed.csv", "date,text,source\n2024-01-06,Officials in Lagos denied the report.,Feed\n");
const badJsonl = file("bad.jsonl", '{"date":"2024-02-01","text":"Valid one."}\n{"date":"2024-02-02","text":"Valid two."}\n{"date": nope}\n');
// Two files using one id: each reads fine, and the second fails only when stored.
const first = file("first.jsonl", '{"id":"r1","date":"2024-02-04","text":"First text of r1."}\n');
const reused = file("reused.jsonl", '{"date":"2024-02-04","text":"Before the clash."}\n{"id":"r1","date":"2024-02-04","text":"Second text of r1."}\n{"date":"2024-02-04","text":"After the clash."}\n');
const clash = file("clash.jsonl", '{"date":"2024-02-03","text":"Fresh text, fine."}\n{"id":"w1","date":"2024-02-03","text":"Not the text of w1."}\n');

describe.each(backends)("ingesting files into $name", (backend) => {
  let store: Store;
  beforeAll(async () => {
    if (backend.available) store = await backend.open();
  });
  afterAll(async () => {
    await store?.close();
  });

  it.skipIf(!backend.available)("stores every record of good files, one document each", async () => {
    const outcomes = await ingestFiles(store, [seed, jsonl, csv], {});
    expect(outcomes.map((o) => [o.file, o.inserted, o.duplicate, o.error])).toEqual([
      [seed, 2, 0, undefined],
      [jsonl, 2, 0, undefined],
      [csv, 1, 0, undefined],
    ]);
    expect((await store.exportGraph()).documents.map((d) => d.date)).toEqual(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-06"]);
    expect(await store.document("w1")).toMatchObject({ title: "Wire 1", text: "Hamas said it would keep fighting." });
  });

  it.skipIf(!backend.available)("re-ingesting the same files stores nothing new", async () => {
    const before = await store.exportGraph();
    const outcomes = await ingestFiles(store, [csv, seed, jsonl], {});
    expect(outcomes.map((o) => [o.inserted, o.duplicate])).toEqual([
      [0, 1],
      [0, 2],
      [0, 2],
    ]);
    expect(await store.exportGraph()).toEqual(before);
  });

  it.skipIf(!backend.available)("fails a file with a bad record before storing any of it, and goes on with the others", async () => {
    const before = await store.exportGraph();
    const other = file(`other-${backend.name}.txt`, "An unrelated note from Kyiv.");
    const reported: string[] = [];
    const outcomes = await ingestFiles(store, [badJsonl, clash, other], { date: "2024-03-01" }, { file: (o) => o.error && reported.push(o.error) });
    expect(outcomes.map((o) => [o.file, o.inserted, o.error])).toEqual([
      [badJsonl, 0, expect.stringMatching(/bad\.jsonl:3: invalid JSON/)],
      [clash, 0, expect.stringMatching(/clash\.jsonl: id "w1" already names a different stored document/)],
      [other, 1, undefined],
    ]);
    expect(reported).toHaveLength(2);
    for (const text of ["Valid one.", "Valid two.", "Fresh text, fine."]) expect(await store.hasDocument(sha256(text))).toBe(false);
    const after = await store.exportGraph();
    expect(after.documents.slice(0, before.documents.length)).toEqual(before.documents);
    expect(after.documents).toHaveLength(before.documents.length + 1);
  });

  it.skipIf(!backend.available)("stores a file's documents up to one that fails in the store, then goes on with the next file", async () => {
    const later = file(`later-${backend.name}.txt`, "A later note from Dhaka.");
    const outcomes = await ingestFiles(store, [first, reused, later], { date: "2024-03-02" });
    expect(outcomes.map((o) => [o.file, o.inserted, o.error])).toEqual([
      [first, 1, undefined],
      [reused, 1, expect.stringMatching(/reused\.jsonl: document r1: document id "r1" is already used by a different text/)],
      [later, 1, undefined],
    ]);
    expect(await store.document("r1")).toMatchObject({ text: "First text of r1." });
    for (const [text, stored] of [["Before the clash.", true], ["After the clash.", false], ["A later note from Dhaka.", true]] as const) {
      expect(await store.hasDocument(sha256(text))).toBe(stored);
    }
  });
});
