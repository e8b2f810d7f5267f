/** Hostile input against the store: mutated files through the whole ingest path never damage what is stored. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JSONL, mutate, mutation, SEEDS } from "../../test/fuzz-inputs.js";
import { openStore } from "../graph/open.js";
import { ingestFiles } from "./run.js";

describe("fuzzing the ingest path", () => {
  it("ingesting mutated files stores valid ones, refuses the rest whole, and leaves what was stored intact", { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "dossier-fuzz-"));
    const good = join(dir, "good.jsonl");
    writeFileSync(good, JSONL);
    const store = await openStore("memory://");
    try {
      await ingestFiles(store, [good], {});
      const before = await store.exportGraph();
      // PDFs are left out only for time: their reader is fuzzed on its own in fuzz.test.ts.
      const files = fc
        .sample(fc.tuple(fc.constantFrom(...SEEDS.filter(([name]) => name !== "PDF")), fc.array(mutation, { minLength: 1, maxLength: 4 })), { numRuns: 12, seed: 7 })
        .map(([[, file, seed], mutations], i) => {
          const path = join(dir, `${i}-${file}`);
          writeFileSync(path, mutate(seed, mutations));
          return path;
        });
      const outcomes = await ingestFiles(store, files, { date: "2024-01-01" });
      expect(outcomes).toHaveLength(files.length);
      for (const outcome of outcomes) if (outcome.error) expect(outcome.inserted).toBe(0);
      expect(outcomes.some((outcome) => outcome.error)).toBe(true);
      expect(outcomes.some((outcome) => outcome.inserted > 0)).toBe(true);

      const after = await store.exportGraph();
      const inserted = outcomes.reduce((sum, outcome) => sum + outcome.inserted, 0);
      expect(after.documents).toHaveLength(before.documents.length + inserted);
      expect(after.documents.slice(0, before.documents.length)).toEqual(before.documents);
      const ids = new Set(after.documents.map((document) => document.id));
      for (const item of [...after.relations, ...after.events, ...after.claims]) {
        for (const provenance of item.provenance) expect(ids.has(provenance.document)).toBe(true);
      }
      expect(await store.orphanRows()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
