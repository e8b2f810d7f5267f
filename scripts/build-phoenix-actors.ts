/**
 * Builds models/phoenix-actors.json from the PETRARCH2 Phoenix country actor dictionary (MIT licence)
 * in ../shared/data: the persons it knows, each with its names (head line and `+` synonyms) and its
 * date-bounded roles (`[PAKGOV 20080909-20130908]`). Cross-document resolution uses the names to
 * join one person's mentions across documents and shows the roles as the actor's known positions.
 *
 *   npx tsx scripts/build-phoenix-actors.ts [../shared/data/petrarch2/dictionaries]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** [code, from, to]: ISO dates, "" for an open end. */
type Role = [code: string, from: string, to: string];
type Person = [name: string, synonyms: string[], roles: Role[]];

const dir = resolve(process.argv[2] ?? "../shared/data/petrarch2/dictionaries");
const lines = readFileSync(join(dir, "Phoenix.Countries.actors.txt"), "latin1").split(/\r?\n/);

/** "ASIF_ALI_ZARDARI_  # note" → "Asif Ali Zardari". */
function phrase(raw: string): string {
  return raw
    .replace(/#.*$/, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/^\+/, "")
    .replace(/_/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/**
 * PETRARCH dates are YYYYMMDD or YYMMDD; the dictionaries were written around 2012-2015, so a
 * two-digit year up to 30 is 20YY. Returns "" for anything unreadable.
 */
function isoDate(raw: string): string {
  const full = raw.length === 8 ? raw : raw.length === 6 ? `${Number(raw.slice(0, 2)) <= 30 ? "20" : "19"}${raw}` : "";
  return /^\d{8}$/.test(full) ? `${full.slice(0, 4)}-${full.slice(4, 6)}-${full.slice(6, 8)}` : "";
}

/** "PAKGOV 20080909-20130908", "PAKGOV >20130909", "PAKELI <711207", "PAKELI" → a role. */
function role(restriction: string): Role | undefined {
  const m = /^([A-Z]{3}[A-Z]*)\s*(?:(<|>)(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))?\s*$/.exec(restriction.trim());
  if (!m) return undefined;
  const [, code, side, bound, from, to] = m;
  if (side === "<") return [code!, "", isoDate(bound!)];
  if (side === ">") return [code!, isoDate(bound!), ""];
  return [code!, from ? isoDate(from) : "", to ? isoDate(to) : ""];
}

/** Words that make a block an organisation or office rather than a person. */
const NOT_PERSON =
  /\b(intelligence|bureau|ministry|minister|party|army|council|commission|court|bank|agency|front|league|movement|police|force|forces|committee|assembly|parliament|government|university|corporation|company|union|services?|directorate|department|office|authority|organi[sz]ation|association|federation|institute|academy|group|brigades?|navy|guard|congress|senate|cabinet|tribunal|of|the|and)\b/i;

const persons: Person[] = [];
let block: { names: string[]; roles: Role[] } | undefined;
const flush = () => {
  // Country blocks (bare three-letter codes) list places; blocks without a role are not actors.
  if (block && block.roles.some(([code]) => code.length > 3)) {
    const [head, ...synonyms] = block.names;
    if (head && head.includes(" ") && !NOT_PERSON.test(head)) {
      persons.push([head, [...new Set(synonyms.filter((s) => s !== head && !NOT_PERSON.test(s)))], block.roles]);
    }
  }
  block = undefined;
};
for (const line of lines) {
  if (!line.trim() || line.startsWith("#")) continue;
  if (/^\s/.test(line)) {
    for (const m of line.matchAll(/\[([^\]]+)\]/g)) {
      const r = role(m[1]!);
      if (r) block?.roles.push(r);
    }
    continue;
  }
  if (line.startsWith("+")) {
    block?.names.push(phrase(line));
    continue;
  }
  flush();
  block = { names: [phrase(line)], roles: [] };
  for (const m of line.matchAll(/\[([^\]]+)\]/g)) {
    const r = role(m[1]!);
    if (r) block.roles.push(r);
  }
}
flush();

persons.sort((a, b) => a[0].localeCompare(b[0]));
const out = { source: "petrarch2 Phoenix.Countries.actors.txt (MIT)", format: "[name, synonyms, [code, from, to][]]", persons };
writeFileSync(resolve("models/phoenix-actors.json"), JSON.stringify(out) + "\n");
console.log(`models/phoenix-actors.json: ${persons.length} persons, ${persons.reduce((n, p) => n + p[2].length, 0)} roles`);
