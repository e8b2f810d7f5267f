import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDocuments } from "../ingest/registry.js";
import { analyse } from "./pipeline.js";

const DATA = fileURLToPath(new URL("../../../shared/data/", import.meta.url));
const present = existsSync(DATA) || process.env.CI === "true";

/** Every document of these files goes through the whole pipeline without an error. */
async function analyseAll(files: string[]): Promise<number> {
  let count = 0;
  for (const file of files) {
    for (const document of await readDocuments(file, readFileSync(file), {})) {
      const analysis = analyse(document);
      for (const item of [...analysis.relations, ...analysis.events, ...analysis.claims]) {
        for (const p of item.provenance) expect(document.text.slice(p.start, p.end)).toBe(p.text);
      }
      count += 1;
    }
  }
  return count;
}

describe.skipIf(!present)("public corpora through the pipeline", () => {
  it("analyses every TempEval-3 TimeBank and AQUAINT document", async () => {
    const root = join(DATA, "tempeval3", "TBAQ-cleaned");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".tml")).map((f) => join(root, f));
    expect(await analyseAll(files)).toBe(files.length);
  });

  it("analyses a Reuters-21578 file's thousand stories", async () => {
    expect(await analyseAll([join(DATA, "news", "reuters21578", "reut2-000.sgm")])).toBeGreaterThan(900);
  });
});
