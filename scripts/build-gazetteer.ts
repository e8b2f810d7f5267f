/**
 * Builds models/gazetteer.json from the PETRARCH2 Phoenix dictionaries (MIT licence) in ../shared/data:
 * known persons, organisations, armed groups, cities and role nouns. Countries and demonyms come
 * from the `world-countries` package at run time, so they are not repeated here.
 *
 *   npx tsx scripts/build-gazetteer.ts [../shared/data/petrarch2/dictionaries]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

type Row = [surface: string, type: string, subtype: string, country: string];

const dir = resolve(process.argv[2] ?? "../shared/data/petrarch2/dictionaries");
const read = (file: string) => readFileSync(join(dir, file), "latin1").split(/\r?\n/);

/** "IMRAN_KHAN_ # note" → "imran khan" (the surface as it would be matched, lower case). */
function surface(raw: string): string {
  return raw
    .replace(/#.*$/, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/^\+/, "")
    .trim()
    .replace(/_+$/, "")
    .replace(/_/g, " ")
    .replace(/\s+/g, " ")
    .toLowerCase()
    .trim();
}

function similar(a: string, b: string): boolean {
  if (a.startsWith(b.slice(0, 4)) || b.startsWith(a.slice(0, 4))) return true;
  const grams = (s: string) => new Set(Array.from({ length: s.length - 1 }, (_, i) => s.slice(i, i + 2)));
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return (2 * shared) / (ga.size + gb.size) > 0.55;
}

const rows = new Map<string, Row>();
function add(name: string, type: string, subtype: string, country = ""): void {
  if (name.length < 3 || /[^a-z0-9 .'&-]/.test(name)) return;
  if (!rows.has(name)) rows.set(name, [name, type, subtype, country]);
}

const ORG_WORDS =
  /\b(intelligence|bureau|ministry|party|army|council|commission|court|bank|agency|front|league|movement|police|force|forces|committee|assembly|parliament|government|university|corporation|company|union|services?|directorate|department|office|authority|organi[sz]ation|association|federation|institute|academy|group|brigades?|navy|guard|congress|senate|cabinet|tribunal)\b/;

/** Country blocks: the lines after `PAKISTAN_ [PAK]` name the country, its variants and its cities. */
function countries(): void {
  let country = "";
  let countryName = "";
  let pending: string[] = [];
  let inBlock = false;
  for (const line of read("Phoenix.Countries.actors.txt")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const head = /^([A-Z][A-Z_'.-]*?)_?\s+\[([A-Z]{3})\]\s*$/.exec(line);
    if (head) {
      country = head[2]!;
      countryName = surface(head[1]!);
      inBlock = true;
      pending = [];
      continue;
    }
    if (line.startsWith("+") && inBlock) {
      const name = surface(line);
      if (!name.includes(" ") && similar(name, countryName)) continue; // spelling variant or demonym
      if (!name.includes(countryName)) add(name, "GPE", "city", country);
      continue;
    }
    if (line.startsWith("+")) {
      pending.push(surface(line));
      continue;
    }
    if (line.startsWith("\t") || line.startsWith(" ")) {
      const code = /\[([A-Z]{3})([A-Z]*)/.exec(line);
      if (code && pending.length) {
        const isOrg = ORG_WORDS.test(pending[0]!);
        for (const name of pending) {
          if (isOrg) add(name, "ORG", code[2]?.startsWith("MIL") ? "military" : "government", code[1]!);
          else if (name.split(" ").length >= 2) add(name, "PER", "", code[1]!);
        }
      }
      pending = [];
      continue;
    }
    inBlock = false;
    pending = [surface(line)];
  }
}

/** Organisation files: a head line, `+` synonyms, then a code in brackets on the line or the next. */
function organisations(file: string, subtypeOf: (code: string) => string): void {
  let names: string[] = [];
  const flush = (code: string) => {
    const subtype = subtypeOf(code);
    if (subtype) for (const name of names) add(name, "ORG", subtype, code.slice(0, 3));
    names = [];
  };
  for (const line of read(file)) {
    if (!line.trim() || line.startsWith("#")) continue;
    const code = /\[([A-Z-]{3,})/.exec(line)?.[1];
    if (line.startsWith("+")) names.push(surface(line));
    else if (!line.startsWith("\t") && !line.startsWith(" ")) names = [surface(line)];
    if (code) flush(code);
  }
}

/** Role nouns (president, army chief, ...) from the agents file, for titles before names. */
function roles(): string[] {
  const out = new Set<string>();
  for (const line of read("Phoenix.agents.txt")) {
    const m = /^([A-Z][A-Z_ -]+?)_?\s+\[~(GOV|MIL|ELI|COP|JUD|LEG|SPY|REB|OPP|PTY|IGO|REL|MED)/.exec(line);
    if (m) out.add(surface(m[1]!));
  }
  return [...out].filter((r) => r.length > 2 && !/[^a-z -]/.test(r)).sort();
}

countries();
organisations("Phoenix.MilNonState.actors.txt", () => "armed_group");
organisations("Phoenix.International.actors.txt", (code) =>
  code.startsWith("IGO") ? "international_org" : code.startsWith("NGO") ? "ngo" : code.startsWith("MNC") ? "company" : "",
);

const out = { source: "petrarch2 Phoenix dictionaries (MIT)", entries: [...rows.values()].sort(), roles: roles() };
writeFileSync(resolve("models/gazetteer.json"), JSON.stringify(out) + "\n");
console.log(`models/gazetteer.json: ${out.entries.length} names, ${out.roles.length} roles`);
