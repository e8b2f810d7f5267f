import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedLikeAnalysis } from "../../../test/fixtures/analysis.js";
import { openStore } from "../../graph/open.js";
import type { GraphExport } from "../../model/index.js";
import { register } from "./export.js";

async function run(...args: string[]): Promise<void> {
  const program = new Command().exitOverride();
  register(program);
  await program.parseAsync(["node", "dossier", ...args]);
}

describe("dossier export", () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "dossier-export-"));
    db = join(dir, "db");
    const store = await openStore(db);
    await store.saveAnalysis(seedLikeAnalysis());
    await store.close();
  }, 300_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("--format json writes the GraphExport with exactly its five top-level keys", async () => {
    const out = join(dir, "graph.json");
    await run("export", "--format", "json", "--db", db, "--out", out);
    const graph = JSON.parse(await readFile(out, "utf8")) as GraphExport;
    expect(Object.keys(graph)).toEqual(["documents", "actors", "relations", "events", "claims"]);
    const iskp = graph.actors.find((a) => a.name === "Islamic State - Khorasan Province")!;
    expect(graph.relations.find((r) => r.predicate === "rival_of")).toMatchObject({ subject: iskp.id, attributed_to: null });
    expect(graph.claims.every((c) => graph.actors.some((a) => a.id === c.speaker))).toBe(true);
  });

  it("--format csv needs a directory and writes one file per table", async () => {
    await expect(run("export", "--format", "csv", "--db", db)).rejects.toThrow(/--out DIR/);
    const out = join(dir, "csv");
    await run("export", "--format", "csv", "--db", db, "--out", out);
    expect((await readdir(out)).sort()).toEqual(["actors.csv", "claims.csv", "documents.csv", "events.csv", "provenance.csv", "relations.csv"]);
    expect(await readFile(join(out, "relations.csv"), "utf8")).toMatch(/rival_of/);
  });

  it("refuses an unknown format", async () => {
    await expect(run("export", "--format", "xml", "--db", db)).rejects.toThrow(/--format must be one of json, stix, graphml, csv/);
  });
});
