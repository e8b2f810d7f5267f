import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));

function dossier(args: string[], input?: string): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { cwd: root, input, encoding: "utf8" });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

const SAMPLE = [
  "-DOCSTART- -X- -X- O",
  "",
  "Prime NNP B-NP O",
  "Minister NNP I-NP O",
  "Tony NNP I-NP B-PER",
  "Blair NNP I-NP I-PER",
  "visited VBD B-VP O",
  "Paris NNP B-NP B-LOC",
  ". . O O",
  "",
  "Shares NNS B-NP O",
  "of IN B-PP O",
  "Microsoft NNP B-NP B-ORG",
  "rose VBD B-VP O",
  ". . O O",
  "",
].join("\n");

describe("dossier tag --conll / eval ner", () => {
  it("appends one IOB2 tag per token line and passes other lines through in order", () => {
    const input = SAMPLE.split("\n").map((line) => line.split(" ")[0] ?? "").join("\n");
    const result = dossier(["tag", "--conll"], input);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const lines = result.stdout.split("\n");
    const inputLines = input.split("\n");
    expect(lines.length).toBe(inputLines.length);
    expect(lines[0]).toBe("-DOCSTART-");
    expect(lines[1]).toBe("");
    expect(lines.slice(2, 9)).toEqual(["Prime O", "Minister O", "Tony B-PER", "Blair I-PER", "visited O", "Paris B-LOC", ". O"]);
    expect(lines[9]).toBe("");
    expect(lines.slice(10, 14)).toEqual(["Shares O", "of O", "Microsoft B-ORG", "rose O"]);
  });

  it("prints conlleval-style scores", () => {
    const file = join(mkdtempSync(join(tmpdir(), "dossier-ner-")), "gold.txt");
    writeFileSync(file, SAMPLE);
    const result = dossier(["eval", "ner", file]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^processed 12 tokens with 3 phrases; found: \d+ phrases; correct: \d+\./);
    expect(result.stdout).toMatch(/FB1: +\d+\.\d\d/);
    expect(result.stdout).toMatch(/^ +PER: precision: /m);
  });

  it("names the file when it is missing", () => {
    const result = dossier(["eval", "ner", "/nonexistent/gold.txt"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("/nonexistent/gold.txt");
  });
});
