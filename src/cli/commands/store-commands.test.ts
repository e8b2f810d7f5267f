/** The store commands end to end: the built CLI (`npm test` builds first) on the seed record. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_BUILT, ROOT, runDossier } from "../../../test/cli.js";
import { freshPostgresDatabase, postgresUrl } from "../../../test/stores.js";

const SEED = resolve(ROOT, "../shared/seeds/000_c9f1e4863a1e1bca.txt");
const work = mkdtempSync(join(tmpdir(), "dossier-cli-"));

const dossier = (...args: string[]) => runDossier(args, { cwd: work, timeout: 170_000 });

describe.skipIf(!CLI_BUILT)("store commands on the seed", () => {
  const db = join(work, "store");

  it("ingests the seed once, then reports it as a duplicate", { timeout: 240_000 }, async () => {
    const first = await dossier("ingest", SEED, "--db", db);
    expect(first.stderr).not.toMatch(/dossier:/);
    expect(first.stdout).toBe("summary: 1 inserted, 0 duplicate, 0 failed (1 files)\n");
    expect(first.code).toBe(0);
    const again = await dossier("ingest", SEED, "--db", db);
    expect(again.stdout).toBe("summary: 0 inserted, 1 duplicate, 0 failed (1 files)\n");
  });

  it("fails a bad file with its name and line, exit code 1, and still ingests the others", { timeout: 120_000 }, async () => {
    const bad = join(work, "bad.csv");
    writeFileSync(bad, "date,text\n2024-01-01,fine\n,no date here\n");
    const note = join(work, "note.txt");
    writeFileSync(note, "A short note about Kabul.");
    const run = await dossier("ingest", bad, note, "--date", "2024-05-05", "--db", db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`dossier: ${bad}:3: missing field "date"`);
    expect(run.stdout).toBe("summary: 1 inserted, 0 duplicate, 1 failed (2 files)\n");
  });

  it("prints the ISKP dossier with aliases and quoted source words", { timeout: 120_000 }, async () => {
    const run = await dossier("actor", "ISKP", "--db", db);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^Islamic State - Khorasan Province \(ORG/);
    expect(lines[1]).toBe("id: org:islamic-state-khorasan-province");
    expect(lines[2]).toMatch(/^aliases: .*ISKP/);
    expect(run.stdout).toMatch(/^relations \(\d+\):$/m);
    expect(run.stdout).toMatch(/^claims by it \(\d+\):$/m);
    // Every item line is followed by its source words, quoted, with document and span.
    expect(run.stdout).toMatch(/^ {2}2023-02-16 {2}.+\n {14}\u201c.+\u201d \(doc-[0-9a-f]{16}, \d+-\d+\)$/m);
    const missing = await dossier("actor", "Nobody Known", "--db", db);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^dossier: no actor named "Nobody Known"/);
  });

  it("lists actors, claims and search hits", { timeout: 120_000 }, async () => {
    const actors = await dossier("actors", "--type", "ORG", "--q", "khorasan", "--db", db);
    expect(actors.stdout).toMatch(/^org:islamic-state-khorasan-province +ORG\/?\S* +Islamic State - Khorasan Province/m);
    const search = await dossier("search", "pawns", "--db", db);
    expect(search.stdout).toMatch(/^2023-02-16 {2}doc-[0-9a-f]{16}\n {4}.*«pawns»/);
    const claims = await dossier("claims", "--speaker", "ISKP", "--db", db);
    expect(claims.code).toBe(0);
    expect(claims.stdout === "no claims\n" || /^2023-02-16 {2}Islamic State - Khorasan Province /.test(claims.stdout)).toBe(true);
  });

  it.skipIf(!postgresUrl())("runs the same commands against PostgreSQL with --db postgres://", { timeout: 120_000 }, async () => {
    const url = await freshPostgresDatabase("cli");
    expect((await dossier("ingest", SEED, "--db", url)).stdout).toBe("summary: 1 inserted, 0 duplicate, 0 failed (1 files)\n");
    expect((await dossier("ingest", SEED, "--db", url)).stdout).toBe("summary: 0 inserted, 1 duplicate, 0 failed (1 files)\n");
    const pgActors = await dossier("actors", "--db", url);
    const liteActors = await dossier("actors", "--db", db);
    // Same schema and queries: the seed's actors come out identically (the PGlite store also holds the note).
    const iskp = (out: string) => out.split("\n").find((line) => line.startsWith("org:islamic-state-khorasan-province"));
    expect(iskp(pgActors.stdout)).toBeDefined();
    expect(iskp(pgActors.stdout)).toBe(iskp(liteActors.stdout));
  });
});
