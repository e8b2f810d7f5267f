/**
 * Reads news articles from `../shared/data/news` by reference, so evaluation sets in the repo hold
 * only references (file + article id + spans), never the copyrighted text itself.
 */
import { isUtf8 } from "node:buffer";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface NewsRef {
  corpus: "reuters" | "bbc";
  /** Reuters: "reut2-005.sgm"; BBC: "politics/001.txt". */
  file: string;
  /** Reuters NEWID; absent for BBC (one article per file). */
  newid?: number;
}

export interface NewsArticle {
  ref: NewsRef;
  id: string;
  /** ISO date; BBC articles carry none. */
  date?: string;
  title: string;
  /** Reuters' dateline ("TOKYO, March 3 -"), when present. */
  dateline?: string;
  /** The body text; evaluation offsets index into it. */
  text: string;
}

/** `../shared/data` beside the repository (the layout CI uses), found from this file or the working directory. */
export function sharedDataDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, "../../../shared/data"), resolve(process.cwd(), "../shared/data")];
  const found = candidates.find((dir) => existsSync(join(dir, "news")));
  if (!found) throw new Error(`shared data not found (looked in ${candidates.join(", ")}): the news evaluation needs ../shared/data/news`);
  return found;
}

const MONTHS: Record<string, string> = {
  JAN: "01", FEB: "02", MAR: "03", APR: "04", MAY: "05", JUN: "06", JUL: "07", AUG: "08", SEP: "09", OCT: "10", NOV: "11", DEC: "12",
};

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function unescapeSgml(text: string): string {
  return text.replace(/&(#\d+|\w+);/g, (whole, name: string) =>
    name.startsWith("#") ? (name === "#3" ? "" : String.fromCharCode(Number(name.slice(1)))) : (ENTITIES[name] ?? whole),
  );
}

function tag(block: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(block);
  return match ? unescapeSgml(match[1]) : undefined;
}

const reutersFiles = new Map<string, Map<number, string>>();

function reutersBlocks(dataDir: string, file: string): Map<number, string> {
  let blocks = reutersFiles.get(file);
  if (!blocks) {
    if (!/^reut2-\d{3}\.sgm$/.test(file)) throw new Error(`not a Reuters-21578 file name: ${file}`);
    const path = join(dataDir, "news", "reuters21578", file);
    const sgml = readFileSync(path, "latin1");
    blocks = new Map();
    for (const match of sgml.matchAll(/<REUTERS[^>]*NEWID="(\d+)"[^>]*>([\s\S]*?)<\/REUTERS>/g)) blocks.set(Number(match[1]), match[2]);
    reutersFiles.set(file, blocks);
  }
  return blocks;
}

export function readArticle(ref: NewsRef, dataDir = sharedDataDir()): NewsArticle {
  if (ref.corpus === "reuters") {
    if (ref.newid === undefined) throw new Error(`Reuters reference to ${ref.file} has no NEWID`);
    const block = reutersBlocks(dataDir, ref.file).get(ref.newid);
    if (!block) throw new Error(`${ref.file}: no article with NEWID ${ref.newid}`);
    const date = /(\d{1,2})-([A-Z]{3})-(\d{4})/.exec(tag(block, "DATE") ?? "");
    return {
      ref,
      id: `reuters-${ref.newid}`,
      date: date ? `${date[3]}-${MONTHS[date[2]]}-${date[1].padStart(2, "0")}` : undefined,
      title: (tag(block, "TITLE") ?? "").trim(),
      dateline: tag(block, "DATELINE")?.trim(),
      text: (tag(block, "BODY") ?? "").replace(/\s*Reuter\s*$/, ""),
    };
  }
  if (!/^[a-z]+\/\d{3}\.txt$/.test(ref.file)) throw new Error(`not a BBC file name: ${ref.file}`);
  const raw = readFileSync(join(dataDir, "news", "bbc", ref.file));
  // One BBC file is Latin-1; the rest are UTF-8.
  const content = isUtf8(raw) ? raw.toString("utf8") : raw.toString("latin1");
  const newline = content.indexOf("\n");
  return { ref, id: `bbc-${ref.file.replace(/\W+/g, "-")}`, title: content.slice(0, newline).trim(), text: content.slice(newline + 1).trim() };
}
