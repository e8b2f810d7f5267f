/** Expands `dossier ingest` arguments: directories are searched recursively for files a reader claims by extension. */
import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { READERS } from "./registry.js";

const KNOWN = new Set(READERS.flatMap((reader) => reader.extensions));

/**
 * Files given by name are kept as they are (a reader may still sniff them); directories contribute
 * their files with a known extension, in sorted order, skipping hidden entries (`.git`, `.dossier`).
 * A missing path is kept, so that ingest reports it like any other unreadable file.
 */
export async function expandInputs(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) files.push(...(await filesUnder(path)));
    else files.push(path);
  }
  return files;
}

async function filesUnder(directory: string): Promise<string[]> {
  const entries = (await readdir(directory, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(path)));
    else if (entry.isFile() && KNOWN.has(extname(entry.name).slice(1).toLowerCase())) files.push(path);
  }
  return files;
}
