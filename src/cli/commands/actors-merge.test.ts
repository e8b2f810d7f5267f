/** `dossier actor` explains merges and `dossier actors unmerge|merge` undoes and redoes them: the built CLI on two small reports. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_BUILT, runDossier } from "../../../test/cli.js";

const work = mkdtempSync(join(tmpdir(), "dossier-merge-cli-"));

const dossier = (...args: string[]) => runDossier(args, { cwd: work, timeout: 170_000 });

describe.skipIf(!CLI_BUILT)("actor merges through the CLI", () => {
  it("shows why General Munir and Asim Munir are one actor, unmerges and merges them again", { timeout: 600_000 }, async () => {
    const db = join(work, "store");
    writeFileSync(join(work, "a.txt"), "Pakistan's army chief General Munir warned the Taliban on Monday.\n");
    writeFileSync(join(work, "b.txt"), "Asim Munir met Shehbaz Sharif in Islamabad.\n");
    expect((await dossier("ingest", "--date", "2023-03-01", join(work, "a.txt"), join(work, "b.txt"), "--db", db)).stdout).toMatch(/summary: 2 inserted/);

    const shown = await dossier("actor", "General Munir", "--db", db);
    expect(shown.stdout).toMatch(/^Asim Munir \(PER\)\nid: per:munir\n/);
    expect(shown.stdout).toMatch(/^merged from: Asim Munir \(doc-[0-9a-f]{16}, 2023-03-01\) into per:munir: person-name-parts 0\.90 on "asim munir"/m);

    const undone = await dossier("actors", "unmerge", "General Munir", "--from", "Asim Munir", "--db", db);
    expect(undone.stderr).toBe("");
    expect(undone.stdout).toMatch(/^undone: Asim Munir .* person-name-parts .*\nper:munir split: its rows now belong to per:asim-munir\n$/);
    const persons = await dossier("actors", "--type", "PER", "--db", db);
    expect(persons.stdout).toMatch(/^per:asim-munir\s+PER\s+Asim Munir\n/m);
    expect(persons.stdout).toMatch(/^per:munir\s+PER\s+Munir  \(General Munir\)\n/m);

    const again = await dossier("actors", "merge", "per:munir", "per:asim-munir", "--db", db);
    expect(again.stdout).toMatch(/^merged: Asim Munir \(actor per:asim-munir\) into per:munir: manual 1\.00/);
    const bad = await dossier("actors", "unmerge", "per:munir", "--from", "nowhere", "--db", db);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^dossier: no merge into per:munir comes from "nowhere"; its merges: /);
  });
});
