/**
 * Crash safety for real: `kill -9` the CLI in the middle of ingesting thousands of documents,
 * run the same command again, and every document must be stored exactly once.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { freshPostgresDatabase, postgresUrl } from "../../test/stores.js";
import { openStore } from "../graph/open.js";
import { sha256 } from "./types.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = join(ROOT, "bin/dossier.js");
const COUNT = 2000;
const work = mkdtempSync(join(tmpdir(), "dossier-crash-"));
const places = ["Kabul", "Goma", "Lagos", "Dhaka", "Kyiv", "Mosul", "Idlib", "Sanaa"];
const texts = Array.from(
  { length: COUNT },
  // Short on purpose: the test is about storage, so each document costs little analysis.
  (_, i) => `Report ${i} from ${places[i % places.length]}: ${i} families left.`,
);
const input = join(work, "many.jsonl");
writeFileSync(input, texts.map((text, i) => JSON.stringify({ date: `2024-02-${String(1 + (i % 28)).padStart(2, "0")}`, text })).join("\n"));

/** Runs `dossier ingest`; with `killAfter`, sends SIGKILL once that many documents are reported stored. */
function ingest(db: string, killAfter?: number): Promise<{ signal: NodeJS.Signals | null; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, "ingest", input, "--db", db], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (killAfter !== undefined && new RegExp(`ingest: ${killAfter}/`).test(stderr)) {
        // A little later, so the kill lands at an arbitrary point of a document's transaction.
        setTimeout(() => child.kill("SIGKILL"), Math.floor(Math.random() * 400));
      }
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
}

async function expectEachDocumentOnce(db: string): Promise<void> {
  const store = await openStore(db);
  try {
    const { documents } = await store.exportGraph();
    expect(documents).toHaveLength(COUNT);
    expect(new Set(documents.map((d) => d.sha256))).toEqual(new Set(texts.map(sha256)));
    // Nothing of a batch the kill cut short is left behind without its document.
    expect(await store.orphanRows()).toEqual([]);
  } finally {
    await store.close();
  }
}

const stores = [
  { name: "pglite", available: true, db: async () => join(work, "store") },
  { name: "postgres", available: postgresUrl() !== undefined, db: () => freshPostgresDatabase("crash") },
];

describe.skipIf(!existsSync(join(ROOT, "dist/cli/main.js")))("kill -9 during dossier ingest", () => {
  it.each(stores)("$name: re-running the command stores every document exactly once", { timeout: 900_000 }, async ({ available, db: makeDb }) => {
    if (!available) return;
    const db = await makeDb();
    const killed = await ingest(db, 500);
    expect(killed.signal).toBe("SIGKILL");
    expect(killed.stdout).not.toMatch(/summary/);

    const rerun = await ingest(db);
    expect(rerun.code).toBe(0);
    const summary = /summary: (\d+) inserted, (\d+) duplicate, 0 failed/.exec(rerun.stdout);
    expect(summary).not.toBeNull();
    const [inserted, duplicate] = [Number(summary?.[1]), Number(summary?.[2])];
    expect(inserted + duplicate).toBe(COUNT);
    expect(duplicate).toBeGreaterThanOrEqual(500);
    expect(inserted).toBeGreaterThan(0);
    await expectEachDocumentOnce(db);
  });
});
