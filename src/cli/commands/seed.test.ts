import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const BIN = fileURLToPath(new URL("../../../bin/dossier.js", import.meta.url));
const dossier = (...args: string[]) => run(process.execPath, [BIN, ...args], { timeout: 180_000 });

describe("dossier demo", () => {
  it("prints ISKP's aliases, affiliation, rivalry, founding and claims with source words", async () => {
    const { stdout } = await dossier("demo", "--db", mkdtempSync(join(tmpdir(), "dossier-demo-test-")));
    expect(stdout).toMatch(/^Islamic State - Khorasan Province \(ORG, armed_group\)$/m);
    expect(stdout).toMatch(/aliases: .*ISKP.*the group.*the outfit/);
    expect(stdout).toMatch(/affiliate_of Islamic State\n\s+“ISKP\) — an affiliate of the Islamic State”/);
    expect(stdout).toMatch(/rival_of Taliban\n\s+“ISKP, which is lodged in a power tussle with Taliban”/);
    expect(stdout).toMatch(/founded \[time: 2014\]/);
    expect(stdout).toMatch(/founded_by Islamic State \[time: 2015/);
    expect(stdout).toMatch(/claimed \(indirect\) about Pakistan, United States: “Pakistan is run by the establishment/);
  });
});

describe("dossier eval seed", () => {
  it("meets the end-to-end acceptance figures on the seed", async () => {
    const { stdout } = await dossier("eval", "seed", "--json");
    const score = JSON.parse(stdout);
    expect(score.actorRecall.value).toBeGreaterThanOrEqual(0.85);
    expect(score.actorPrecision.value).toBeGreaterThanOrEqual(0.8);
    expect(score.relationRecall.value).toBeGreaterThanOrEqual(0.6);
    expect(score.claimRecall.value).toBeGreaterThanOrEqual(0.75);
    expect(score.violations).toEqual([]);
  });
});
