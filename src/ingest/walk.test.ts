import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
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

  it("follows symbolic links to files and folders, each folder once, so a link loop ends", async () => {
    const root = mkdtempSync(join(tmpdir(), "dossier-walk-"));
    const data = mkdtempSync(join(tmpdir(), "dossier-walk-data-"));
    writeFileSync(join(data, "real.jsonl"), "x");
    mkdirSync(join(root, "sub"));
    symlinkSync(join(data, "real.jsonl"), join(root, "linked.jsonl"));
    symlinkSync(data, join(root, "sub", "data"));
    symlinkSync(root, join(root, "sub", "loop"));
    symlinkSync(join(root, "gone.txt"), join(root, "dangling.txt"));
    const expanded = await expandInputs([root]);
    expect(expanded.map((f) => f.slice(root.length + 1))).toEqual(["linked.jsonl", "sub/data/real.jsonl"]);
  });

  it("refuses folders holding no file a reader claims, instead of ingesting '0 files' silently", async () => {
    const root = mkdtempSync(join(tmpdir(), "dossier-walk-"));
    writeFileSync(join(root, "report.docx"), "x");
    await expect(expandInputs([root])).rejects.toThrow(/^no files to ingest in .*dossier-walk-.*: none has a known extension \(\.txt, /);
  });

  // root lists every directory whatever its mode.
  it.skipIf(process.getuid?.() === 0)("keeps a directory it cannot list as an input, so ingest reports it and goes on", async () => {
    const root = mkdtempSync(join(tmpdir(), "dossier-walk-"));
    mkdirSync(join(root, "locked"));
    writeFileSync(join(root, "locked", "a.txt"), "x");
    writeFileSync(join(root, "z.txt"), "x");
    chmodSync(join(root, "locked"), 0);
    try {
      expect((await expandInputs([root])).map((f) => f.slice(root.length + 1))).toEqual(["locked", "z.txt"]);
    } finally {
      chmodSync(join(root, "locked"), 0o755);
    }
  });
});
