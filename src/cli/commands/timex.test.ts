import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(fileURLToPath(import.meta.url), "../../../..");

/** Runs the real CLI entry point in a child process, feeding `input` on stdin. */
function dossier(args: string[], input = ""): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), ...args], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe("dossier timex", () => {
  it("reads text on stdin and writes one JSON object per line with exact offsets", async () => {
    const text = "ISKP emerged in 2014.\nIn January 2015 — in recent days — the current army chief spoke of 75 years.\n";
    const { code, stdout, stderr } = await dossier(["timex", "--dct", "2023-02-16"], text);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => [l.text, l.type, l.value])).toEqual([
      ["2014", "DATE", "2014"], ["January 2015", "DATE", "2015-01"], ["recent days", "DATE", "PAST_REF"],
      ["current", "DATE", "PRESENT_REF"], ["75 years", "DURATION", "P75Y"],
    ]);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(["start", "end", "text", "type", "value"]);
      expect(text.slice(l.start as number, l.end as number)).toBe(l.text);
    }
  });

  it("rejects a malformed --dct with a clear error and exit code 1", async () => {
    const { code, stdout, stderr } = await dossier(["timex", "--dct", "16.02.2023"], "today");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^dossier: --dct must be YYYY-MM-DD/);
  });
});

describe("dossier eval timex", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "dossier-eval-timex-"));
    await writeFile(join(dir, "a.tml"), `<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Stocks fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P5Y">five years</TIMEX3> of gains.</TEXT></TimeML>`);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("prints strict and relaxed span scores, value and type figures", async () => {
    const { code, stdout } = await dossier(["eval", "timex", dir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/documents 1, gold 2, system 2, relaxed matches 2/);
    expect(stdout).toMatch(/strict span\s+P 100\.0\s+R 100\.0\s+F1 100\.0/);
    expect(stdout).toMatch(/relaxed span\s+P 100\.0/);
    expect(stdout).toMatch(/value\s+P 100\.0\s+R 100\.0\s+F1 100\.0\s+accuracy 100\.0/);
    expect(stdout).toMatch(/type\s+P 100\.0/);
  });
});
