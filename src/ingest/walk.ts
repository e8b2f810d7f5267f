/** Expands `dossier ingest` arguments: directories are searched recursively for files a reader claims by extension. */
import { readdir, realpath, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { READERS } from "./registry.js";

const KNOWN = new Set(READERS.flatMap((reader) => reader.extensions));

/**
 * Files given by name are kept as they are (a reader may still sniff them); directories contribute
 * their files with a known extension, in sorted order, skipping hidden entries (`.git`, `.dossier`).
 * A missing path is kept, so that ingest reports it like any other unreadable file. Nothing at all to
 * read (folders of .docx files, say) is an error rather than a silent "0 files".
 */
export async function expandInputs(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) files.push(...(await filesUnder(path, seen)));
    else files.push(path);
  }
  if (files.length === 0) {
    throw new Error(`no files to ingest in ${paths.join(", ")}: none has a known extension (${[...KNOWN].map((e) => `.${e}`).join(", ")})`);
  }
  return files;
}

/**
 * Symbolic links are followed (folders of links to files are common), each real directory once, so
 * a link loop ends. A directory that cannot be listed is kept as an input, so ingest reports it as a
 * failed file and goes on with the others.
 */
async function filesUnder(directory: string, seen: Set<string>): Promise<string[]> {
  const real = await realpath(directory).catch(() => directory);
  if (seen.has(real)) return [];
  seen.add(real);
  const entries = await readdir(directory, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return [directory];
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(directory, entry.name);
    const target = entry.isSymbolicLink() ? await stat(path).catch(() => undefined) : entry;
    if (target?.isDirectory()) files.push(...(await filesUnder(path, seen)));
    else if (target?.isFile() && KNOWN.has(extname(entry.name).slice(1).toLowerCase())) files.push(path);
  }
  return files;
}
