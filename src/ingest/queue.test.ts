/** The pg-boss path for real: `dossier ingest --queue` enqueues, two `dossier worker` processes drain the queue in parallel. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_BUILT, runDossier } from "../../test/cli.js";
import { freshPostgresDatabase, postgresUrl } from "../../test/stores.js";
import { openStore } from "../graph/open.js";
import { sha256 } from "./types.js";

const work = mkdtempSync(join(tmpdir(), "dossier-queue-"));
const COUNT = 120;
const texts = Array.from({ length: COUNT }, (_, i) => `Dispatch ${i}: the army said ${i} fighters of the Islamic State surrendered near Mosul.`);
const input = join(work, "dispatches.jsonl");
writeFileSync(input, texts.map((text) => JSON.stringify({ date: "2024-04-01", text })).join("\n"));

const dossier = (...args: string[]) => runDossier(args, { timeout: 300_000 });

describe.skipIf(!CLI_BUILT)("ingest through the pg-boss queue", () => {
  it.skipIf(!postgresUrl())("enqueues, then two workers store every document exactly once", { timeout: 600_000 }, async () => {
    const db = await freshPostgresDatabase("queue");
    const enqueue = await dossier("ingest", "--queue", input, "--db", db);
    expect(enqueue.stdout).toBe(`summary: ${COUNT} queued, 0 duplicate, 0 failed (1 files)\n`);

    const workers = await Promise.all([1, 2].map(() => dossier("worker", "--exit-when-empty", "--batch", "5", "--db", db)));
    const totals = workers.map((w) => {
      expect(w.code).toBe(0);
      const match = /^summary: (\d+) inserted, (\d+) duplicate, 0 failed$/m.exec(w.stdout);
      expect(match, w.stdout + w.stderr).not.toBeNull();
      return Number(match?.[1]);
    });
    expect(totals[0]! + totals[1]!).toBe(COUNT);
    // Both took part (jobs are fetched in batches of 5, so one worker cannot take them all at once).
    expect(Math.min(...totals)).toBeGreaterThan(0);

    const store = await openStore(db);
    try {
      const { documents } = await store.exportGraph();
      expect(documents.map((d) => d.sha256).sort()).toEqual(texts.map(sha256).sort());
      expect(await store.orphanRows()).toEqual([]);
    } finally {
      await store.close();
    }
    // Everything is stored now: nothing new to enqueue.
    expect((await dossier("ingest", "--queue", input, "--db", db)).stdout).toBe(`summary: 0 queued, ${COUNT} duplicate, 0 failed (1 files)\n`);
  });

  it("refuses --queue on an embedded store", { timeout: 120_000 }, async () => {
    const run = await dossier("ingest", "--queue", input, "--db", join(work, "embedded"));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^dossier: the queue needs a PostgreSQL store: pass --db postgres:\/\//);
  });
});
