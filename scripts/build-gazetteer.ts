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

/**
 * A country's organisation by its role code and name: [SDNMIL] its military, [SYRREB] rebels
 * fighting it ("Free Syrian Army"; a rebels' party is none), [SYROPP] an opposition of no one
 * kind, any other role its government.
 */
function orgSubtype(code: string, name: string): string {
  const role = code.slice(3, 6);
  if (role === "REB") return /\bparty\b/.test(name) ? "" : "armed_group";
  return role === "MIL" ? "military" : role === "OPP" ? "" : "government";
}

/**
 * Country blocks: the lines after `PAKISTAN_ [PAK]` name the country, its variants and its cities.
 * Other blocks are a head line, `+` synonyms and bracketed codes: bare country codes ([IRQ]) mark a
 * place, codes with a role ([PAKGOV], [PAKELI]) a person, or an organisation when its name says so.
 */
function countries(): void {
  let country = "";
  let countryName = "";
  let block: { names: string[]; codes: string[] } | undefined;
  const flush = () => {
    if (!block || block.codes.length === 0) return;
    const [head] = block.names;
    const place = block.codes.every((c) => /^[A-Z]{3}(OCC)?$/.test(c));
    const org = ORG_WORDS.test(head!);
    const code = block.codes[0]!.slice(0, 3);
    for (const name of block.names) {
      const words = name.split(" ").length;
      if (place) add(name, "GPE", "region", code);
      else if (org && (ORG_WORDS.test(name) || words === 1)) add(name, "ORG", orgSubtype(block.codes[0]!, name), code);
      else if (!org && words >= 2) add(name, "PER", "", code);
    }
  };
  for (const line of read("Phoenix.Countries.actors.txt")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const head = /^([A-Z][A-Z_'.-]*?)_?\s+\[([A-Z]{3})\]\s*$/.exec(line);
    if (head) {
      flush();
      block = undefined;
      country = head[2]!;
      countryName = surface(head[1]!);
      continue;
    }
    if (line.startsWith("+") && !block) {
      const name = surface(line);
      if (!name.includes(" ") && similar(name, countryName)) continue; // spelling variant or demonym
      if (!name.includes(countryName)) add(name, "GPE", "city", country);
      continue;
    }
    if (line.startsWith("+")) {
      block.names.push(surface(line));
      continue;
    }
    if (line.startsWith("\t") || line.startsWith(" ")) {
      for (const m of line.matchAll(/\[([A-Z]{3}[A-Z]*)/g)) block?.codes.push(m[1]!);
      continue;
    }
    flush();
    block = { names: [surface(line)], codes: [...line.matchAll(/\[([A-Z]{3}[A-Z]*)/g)].map((m) => m[1]!) };
  }
  flush();
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
