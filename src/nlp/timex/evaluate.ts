/** Runs the tagger over a folder of TimeML files and scores it TempEval-3's way. */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Timex } from "../../model/index.js";
import { extractTimexes } from "./index.js";
import { count, emptyCounts, scores, type TimexScores } from "./score.js";
import { parseTimeML } from "./timeml.js";

export interface DocumentResult {
  file: string;
  dct: string;
  text: string;
  gold: Timex[];
  system: Timex[];
}

/** Every .tml file under `dir`, recursively, in a stable order. */
export async function timeMLFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (error) {
    throw new Error(`${dir}: cannot read folder (${error instanceof Error ? error.message : String(error)})`);
  }
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".tml"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

export function evaluateDocument(xml: string, file: string): DocumentResult {
  const document = parseTimeML(xml, file);
  return { file, ...document, system: extractTimexes(document.text, document.dct) };
}

export async function evaluateTimex(dir: string, onDocument?: (result: DocumentResult) => void): Promise<TimexScores & { documents: number }> {
  const files = await timeMLFiles(dir);
  if (files.length === 0) throw new Error(`${dir}: no .tml files found`);
  const counts = emptyCounts();
  for (const file of files) {
    const result = evaluateDocument(await readFile(file, "utf8"), file);
    count(result.gold, result.system, counts);
    onDocument?.(result);
  }
  return { ...scores(counts), documents: files.length };
}
