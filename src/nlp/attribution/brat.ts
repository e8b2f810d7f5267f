/** Reads attributions from brat standoff (.ann) as PolNeAR writes them, and pairs .ann files with their texts. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";

/** Character fragments [start, end) of one annotated span (brat allows discontinuous spans). */
export type Fragments = { start: number; end: number }[];

/** The fragments' words on one line, " | " between fragments, "∅" for none: for error listings. */
export function showFragments(text: string, fragments: Fragments | undefined): string {
  return (fragments ?? []).map((x) => text.slice(x.start, x.end).replace(/\s+/g, " ")).join(" | ") || "∅";
}

export interface GoldAttribution {
  id: string;
  source?: Fragments;
  cue?: Fragments;
  content?: Fragments;
}

interface TextBound {
  type: string;
  fragments: Fragments;
}

/** PolNeAR's event roles; a digit suffix (`Content2`) adds fragments to the same role. */
const ROLES = { Source: "source", Cue: "cue", Content: "content" } as const;

function parseFragments(field: string, where: string): Fragments {
  return field.split(";").map((part) => {
    const match = /^(\d+) (\d+)$/.exec(part.trim());
    if (!match) throw new Error(`${where}: bad span "${part}" (expected "start end")`);
    const start = Number(match[1]);
    const end = Number(match[2]);
    if (end < start) throw new Error(`${where}: span end ${end} before start ${start}`);
    return { start, end };
  });
}

/**
 * Parses the T (text-bound) and E (event) lines of a .ann file. An attribution is an E line whose
 * arguments name its Source, Cue and Content T lines. Lines that continue a T line's text across a
 * line break, notes (#), relations and attributes are skipped: offsets, not the copied text, count.
 */
export function parseAnn(content: string, file = "<ann>"): GoldAttribution[] {
  const bounds = new Map<string, TextBound>();
  const events: { id: string; args: string[]; line: number }[] = [];
  content.split(/\r?\n/).forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    const fields = line.split("\t");
    const id = fields[0] ?? "";
    if (/^T\d+$/.test(id)) {
      const header = fields[1];
      const space = header?.indexOf(" ") ?? -1;
      if (!header || space < 0) throw new Error(`${where}: T line without "Type start end"`);
      bounds.set(id, { type: header.slice(0, space), fragments: parseFragments(header.slice(space + 1), where) });
    } else if (/^E\d+$/.test(id)) {
      events.push({ id, args: (fields[1] ?? "").trim().split(/\s+/).filter(Boolean), line: index + 1 });
    }
  });
  return events.map(({ id, args, line }) => {
    const gold: GoldAttribution = { id };
    for (const arg of args) {
      const [rawRole, ref] = arg.split(":");
      const role = ROLES[(rawRole ?? "").replace(/\d+$/, "") as keyof typeof ROLES];
      if (!role || !ref) continue;
      const bound = bounds.get(ref);
      if (!bound) throw new Error(`${file}:${line}: ${id} refers to missing ${ref}`);
      gold[role] = [...(gold[role] ?? []), ...bound.fragments].sort((a, b) => a.start - b.start);
    }
    return gold;
  });
}

export interface BratDocument {
  name: string;
  textFile: string;
  annFile: string;
  text: string;
  attributions: GoldAttribution[];
}

/**
 * Lists the (.txt, .ann) pairs of a directory: either side by side (`x.txt` + `x.ann`), or PolNeAR's
 * layout (`text/x.txt` + `attributions/x_<annotator>.ann`, one .ann per annotator of the article).
 */
export function listBratPairs(dir: string): { textFile: string; annFile: string }[] {
  if (!existsSync(dir)) throw new Error(`${dir}: no such directory`);
  const polnear = existsSync(join(dir, "text")) && existsSync(join(dir, "attributions"));
  const textDir = polnear ? join(dir, "text") : dir;
  const annDir = polnear ? join(dir, "attributions") : dir;
  const texts = new Set(readdirSync(textDir).filter((f) => f.endsWith(".txt")));
  const pairs: { textFile: string; annFile: string }[] = [];
  for (const ann of readdirSync(annDir).filter((f) => f.endsWith(".ann")).sort()) {
    const stem = ann.slice(0, -".ann".length);
    const candidates = [`${stem}.txt`, `${stem.replace(/_[0-9a-f]{4}$/, "")}.txt`];
    const text = candidates.find((name) => texts.has(name));
    if (!text) throw new Error(`${join(annDir, ann)}: no matching .txt in ${textDir}`);
    pairs.push({ textFile: join(textDir, text), annFile: join(annDir, ann) });
  }
  if (pairs.length === 0) throw new Error(`${dir}: no .ann files found`);
  return pairs;
}

export function readBratDocument(textFile: string, annFile: string): BratDocument {
  const text = readFileSync(textFile, "utf8");
  const attributions = parseAnn(readFileSync(annFile, "utf8"), annFile);
  for (const gold of attributions) {
    for (const fragment of [...(gold.source ?? []), ...(gold.cue ?? []), ...(gold.content ?? [])]) {
      if (fragment.end > text.length) throw new Error(`${annFile}: ${gold.id} span ${fragment.start}-${fragment.end} beyond the end of ${textFile}`);
    }
  }
  return { name: basename(annFile, ".ann"), textFile, annFile, text, attributions };
}

export function readBratDir(dir: string): BratDocument[] {
  return listBratPairs(dir).map(({ textFile, annFile }) => readBratDocument(textFile, annFile));
}
