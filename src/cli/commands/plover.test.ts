import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(fileURLToPath(import.meta.url), "../../../..");
const dir = mkdtempSync(join(tmpdir(), "plover-gsr-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dossier = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), ...args], { cwd: ROOT, encoding: "utf8" });

describe("dossier eval plover", () => {
  const file = join(dir, "gsr.json");
  writeFileSync(
    file,
    JSON.stringify([
      { id: "r0", event: "DISAPPROVE", date: "2003-04-05", text: "Hamas berated Egypt on Tuesday.", source: [{ actorText: "Hamas" }], target: [{ actorText: "Egypt" }] },
      { id: "r1", event: "FIGHT", date: "2003-04-05", text: "The weather was mild in spring.", source: [{ actorText: "Chile" }], target: [{ actorText: "Peru" }] },
    ]),
  );

  it("prints recall by type, source and target, and lists misses with --errors", () => {
    const all = dossier("eval", "plover", file, "--errors");
    expect(all.status).toBe(0);
    expect(all.stdout).toContain("sentences 2  type R 0.500  +source R 0.500  +target R 0.500  events per sentence 0.500");
    expect(all.stdout).toContain("r1\tASSAULT\tmissed type");
    expect(all.stdout).not.toContain("r0\t");
  }, 60_000);

  it("scores one half and refuses an unknown split", () => {
    expect(dossier("eval", "plover", file, "--split", "odd").stdout).toContain("sentences 1  type R 0.000");
    expect(dossier("eval", "plover", file, "--split", "third").status).not.toBe(0);
  }, 60_000);
});
