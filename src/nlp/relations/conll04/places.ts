import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Which country a place name belongs to, from PETRARCH's Phoenix country dictionary: each block headed
 * by a country code (`JAPAN_ [JPN]`) lists the country's names and main places (`+TOKYO_`). Located_In
 * pairs such as "Yerevan ... Armenia" need this knowledge; the words around them rarely say it.
 */
export interface PlacesData {
  /** Lower-cased place name → country code. */
  places: Record<string, string>;
  /** Lower-cased names that head a block: the countries themselves. */
  countries: string[];
}

export class Places {
  private readonly places: Map<string, string>;
  private readonly countries: Set<string>;

  constructor(readonly data: PlacesData) {
    this.places = new Map(Object.entries(data.places));
    this.countries = new Set(data.countries);
  }

  country(name: string): string | undefined {
    return this.places.get(name.toLowerCase().replace(/\.$/, ""));
  }

  isCountry(name: string): boolean {
    return this.countries.has(name.toLowerCase().replace(/\.$/, ""));
  }
}

export interface PetrarchBlock {
  /** The header's name and its `+` synonyms, as tokens. */
  names: string[][];
  /** The country code, for a country block: the last plain three-letter code (`[ARM >911221]`). */
  country?: string;
  /** A leader's entry (`# CountryInfo.txt`). */
  person: boolean;
}

/** PETRARCH phrases are upper case with `_` for spaces. */
const phraseTokens = (line: string) =>
  line
    .replace(/#.*|\[.*/g, "")
    .replace(/^\+/, "")
    .trim()
    .split(/[_\s]+/)
    .filter(Boolean);

/**
 * Splits the Phoenix country dictionary into blocks: a header line, its `+` synonyms, and indented
 * code lines (a country's code may sit on the header or, date-bounded, on the lines below it).
 */
export function petrarchBlocks(text: string): PetrarchBlock[] {
  const blocks: PetrarchBlock[] = [];
  let block: PetrarchBlock | undefined;
  for (const line of text.split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    if (!/^[\s+]/.test(line)) {
      block = { names: [], person: line.includes("# CountryInfo") };
      blocks.push(block);
    }
    if (!block) continue;
    for (const match of line.matchAll(/\[([A-Z]{3})(?:\]|\s)/g)) block.country = match[1];
    if (!/^\s/.test(line)) {
      const tokens = phraseTokens(line);
      if (tokens.length) block.names.push(tokens);
    }
  }
  return blocks;
}

/** AP-style US state abbreviations ("Aiken , S.C."): news writes them, PETRARCH lists only full names. */
const US_STATE_ABBREVIATIONS = `ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev
n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn tex vt va wash w.va wis wyo d.c`.split(/\s+/);

export function readPlaces(dataDir: string): Places {
  const text = readFileSync(join(dataDir, "petrarch2", "dictionaries", "Phoenix.Countries.actors.txt"), "utf8");
  const places: Record<string, string> = {};
  const countries: string[] = [];
  for (const { names, country, person } of petrarchBlocks(text)) {
    if (!country || person) continue;
    countries.push(names[0]!.join(" ").toLowerCase());
    for (const name of names) {
      const key = name.join(" ").toLowerCase();
      // The first block naming a place wins; later mentions are mostly historical regimes.
      if (!(key in places)) places[key] = country;
    }
  }
  for (const abbreviation of US_STATE_ABBREVIATIONS) places[abbreviation] ??= "USA";
  return new Places({ places, countries });
}
