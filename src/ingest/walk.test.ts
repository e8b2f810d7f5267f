import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expandInputs } from "./walk.js";

describe("expanding ingest arguments", () => {
  it("recurses into directories by known extension, sorted, skipping hidden entries; keeps named files", async () => {
    const root = mkdtempSync(join(tmpdir(), "dossier-walk-"));
    for (const dir of ["b/deep", "a", ".git", "c.d"]) mkdirSync(join(root, dir), { recursive: true });
    const files = ["b/deep/x.PDF", "b/story.html", "a/z.sgm", "a/notes.md", "a/image.png", ".git/config.txt", ".hidden.txt", "c.d/f.jsonl", "top.rss", "named.weird"];
    for (const file of files) writeFileSync(join(root, file), "x");
    const expanded = await expandInputs([root, join(root, "named.weird"), join(root, "missing.txt")]);
    expect(expanded.map((f) => f.slice(root.length + 1))).toEqual([
      "a/z.sgm",
      "b/deep/x.PDF",
      "b/story.html",
      "c.d/f.jsonl",
      "top.rss",
      "named.weird",
      "missing.txt",
    ]);
  });
});
