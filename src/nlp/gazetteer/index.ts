import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { EntityType } from "../../model/index.js";
import { countries } from "./countries.js";
import { COUNTRY_REGIONS, CURATED_ACTORS, EXTRA_COUNTRY_NAMES, EXTRA_PLACES, REGIONS, SHARED_NAMES } from "./curated.js";

export interface GazetteerEntry {
  key: string;
  name: string;
  type: EntityType;
  subtype?: string;
  /** ISO alpha-3 (or PETRARCH) code of the country the entry belongs to. */
  country?: string;
  /** Short all-caps names ("US", "IS") only match in capitals. */
  caseSensitive: boolean;
  /** From PETRARCH's lists, whose names are folded ("ayman al zawahiri"): the document's spelling names the actor. */
  folded?: true;
  /** A short name in mixed case ("JeM", "LeT") matches only as written: "JEM" is another group's acronym. */
  form?: string;
}

/** Last words of newspapers' names ("The Express Tribune"). */
export const MEDIA_HEADS = new Set("times post tribune news press herald gazette daily journal telegraph guardian".split(" "));
/**
 * Heads of organisations' names: they make a capitalised phrase an organisation in the mention finder, and
 * an entry PETRARCH's lists file among persons ("pacific command", "assam rifles") one here.
 */
export const ORG_HEADS = new Set([
  ..."group army front party movement command council brigade brigades organization organisation ministry agency committee union court network corps forces force police rifles guard guards centre center military bank company inc ltd corp university commission assembly parliament government association federation institute foundation league alliance coalition mujahideen battalion regiment division office department service services authority board bureau directorate fund trust society club cartel gang syndicate militia".split(
    " ",
  ),
  ...MEDIA_HEADS,
]);
const PERSON_WORDS = new Set(["secretary", "minister", "president", "prime"]);
/** Words that open organisations' names in Arabic and Urdu, which the persons' lists hold too ("Jabhat al-Nusra", "Harkat-ul-Mujahideen"). */
export const ORG_OPENING_WORDS = new Set("harakat harkat jabhat jaish jaysh liwa liwaa tanzim lashkar tehrik tehreek tahreek hizb hezb kataib saraya jund jamiat".split(" "));
/**
 * Last words of names of land and water, which are regions rather than polities ("Bekaa Valley", "Negev Desert",
 * "Red Sea"); not islands, which the lists hold as polities too ("Cayman Islands", "Rhode Island"), nor hills,
 * which end towns' names ("Beverly Hills").
 */
export const LAND_FEATURES = new Set("valley mountains river sea desert peninsula plateau forest".split(" "));
/** A state's armed services by name: after a country's name or demonym they are its military. */
const SERVICES = /^(?:armed forces|army|navy|air force|military|marines|defen[cs]e forces?)$/;

/** Folds case, dashes, dots and quotes so that "al-Qaeda", "Al Qaeda" and "U.S." meet their entries. */
export function normalise(text: string): string {
  return normaliseLower(text.toLowerCase());
}

/** `normalise` of a text the caller has already lower-cased. */
export function normaliseLower(lower: string): string {
  if (isFolded(lower)) return lower;
  return lower
    .replace(/[’‘`]/g, "'")
    .replace(/[‐‑‒–—―-]/g, " ")
    .replace(/[."“”]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Whether `normalise` leaves a lower-cased text as it is, as most words and names are: printable
 * ASCII without dashes, dots, double quotes or backticks, spaces single and inside.
 */
function isFolded(lower: string): boolean {
  const n = lower.length;
  for (let i = 0; i < n; i++) {
    const c = lower.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === n - 1 || lower.charCodeAt(i - 1) === 32) return false;
    } else if (c < 33 || c > 126 || c === 34 || c === 45 || c === 46 || c === 96) {
      return false;
    }
  }
  return true;
}

export function slug(text: string): string {
  return normalise(text).replace(/'/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

const MODEL = fileURLToPath(new URL("../../../models/gazetteer.json", import.meta.url));

export class Gazetteer {
  private readonly names = new Map<string, GazetteerEntry>();
  /** Every name's normalised form, sorted, to tell whether a longer name may still start with a prefix. */
  private sortedNames?: string[];
  /** Answers of `startsName`, which news asks again and again ("The", "Reuters", "U.S."); emptied when full. */
  private readonly startsNameCache = new Map<string, boolean>();
  private readonly demonyms = new Map<string, GazetteerEntry>();
  /** Each capital's country, by the capital's normalised name. */
  private readonly capitals = new Map<string, GazetteerEntry>();
  readonly roles: Set<string>;
  maxWords = 1;

  constructor(data: { entries: [string, string, string, string][]; roles: string[] }) {
    this.roles = new Set(data.roles);
    for (const region of REGIONS) {
      this.add(region, { key: `loc:${slug(region)}`, name: region, type: "LOC", subtype: "region", caseSensitive: false });
    }
    for (const c of countries) {
      const entry: GazetteerEntry = { key: `gpe:${c.cca3.toLowerCase()}`, name: c.name.common, type: "GPE", subtype: "country", country: c.cca3, caseSensitive: false };
      const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 3), ...(EXTRA_COUNTRY_NAMES[c.cca3] ?? [])];
      for (const name of names) this.add(name, { ...entry, caseSensitive: isShortCaps(name) });
      // "Indian" is India, not the British Indian Ocean Territory: a sovereign state's demonym wins over a territory's.
      for (const demonym of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
        if (demonym && (c.independent || !this.demonyms.has(normalise(demonym)))) this.demonyms.set(normalise(demonym), entry);
      }
      // "Washington D.C." is written "Washington".
      for (const capital of c.capital ?? []) for (const form of [capital, capital.replace(/,? D\.C\.$/, "")]) this.capitals.set(normalise(form), entry);
      const places = [...(c.capital ?? []), ...(EXTRA_PLACES[c.cca3] ?? [])];
      for (const place of places) this.add(place, { key: `gpe:${slug(place)}`, name: place, type: "GPE", subtype: "city", country: c.cca3, caseSensitive: false });
    }
    for (const [cca3, shared] of Object.entries(SHARED_NAMES)) {
      const c = countries.find((country) => country.cca3 === cca3)!;
      const entry: GazetteerEntry = { key: `gpe:${cca3.toLowerCase()}`, name: c.name.common, type: "GPE", subtype: "country", country: cca3, caseSensitive: false };
      for (const name of shared) {
        if (this.demonyms.has(normalise(name))) this.demonyms.set(normalise(name), entry);
        else this.add(name, entry);
      }
    }
    for (const [cca3, regions] of Object.entries(COUNTRY_REGIONS)) {
      for (const [name, ...aliases] of regions) {
        const entry: GazetteerEntry = { key: `loc:${slug(name!)}`, name: name!, type: "LOC", subtype: "region", country: cca3, caseSensitive: false };
        for (const form of [name!, ...aliases]) this.add(form, entry);
      }
    }
    for (const actor of CURATED_ACTORS) {
      for (const name of actor.names) {
        const mixed = isMixedShort(name);
        this.add(name, { key: actor.key, name: actor.name, type: actor.type, subtype: actor.subtype, caseSensitive: isShortCaps(name) || mixed, ...(mixed ? { form: name } : {}) });
      }
    }
    // The PETRARCH lists come last and never replace a country, region, demonym or curated actor.
    for (const [surface, type, subtype, country] of data.entries) {
      if (this.names.has(normalise(surface)) || this.demonyms.has(normalise(surface))) continue;
      // "Borno State" is the place already listed as "Borno".
      const place = /^(.+) (?:state|province|region|governorate|district)$/.exec(normalise(surface))?.[1];
      const known = place === undefined ? undefined : this.names.get(place);
      if (known && known.type === type) {
        this.add(surface, known);
        continue;
      }
      const words = normalise(surface).split(" ");
      // "al-Qaeda in Iraq": a listed armed group's branch in a place.
      const branch = type === "PER" && words.indexOf("in") > 0 && this.names.get(words.slice(0, words.indexOf("in")).join(" "))?.subtype === "armed_group";
      const organisation = type === "PER" && ((words.some((w) => ORG_HEADS.has(w)) && !words.some((w) => PERSON_WORDS.has(w))) || ORG_OPENING_WORDS.has(words[0]!) || branch);
      const key = `${organisation ? "org" : type.toLowerCase()}:${slug(surface)}`;
      // PETRARCH files "U.S. Army" among persons, without a subtype, and valleys and deserts among cities.
      const military = organisation && this.nationalForce(surface) ? "military" : undefined;
      const feature = type === "GPE" && words.length > 1 && LAND_FEATURES.has(words[words.length - 1]!);
      this.add(surface, {
        key,
        name: titleCase(surface),
        type: organisation ? "ORG" : feature ? "LOC" : (type as EntityType),
        subtype: feature ? "region" : branch ? "armed_group" : subtype || military,
        country: country || undefined,
        caseSensitive: false,
        folded: true,
      });
    }
  }

  private add(surface: string, entry: GazetteerEntry): void {
    const norm = normalise(surface);
    if (!norm) return;
    this.names.set(norm, entry);
    this.maxWords = Math.max(this.maxWords, norm.split(" ").length);
  }

  /** The entry for a surface form, honouring case-sensitive short names. */
  lookup(surface: string): GazetteerEntry | undefined {
    return this.lookupNormalised(normalise(surface), surface);
  }

  /** `lookup` for a surface whose normalised form `norm` the caller already has. */
  lookupNormalised(norm: string, surface: string): GazetteerEntry | undefined {
    const entry = this.names.get(norm);
    if (!entry) return undefined;
    const letters = entry.caseSensitive ? surface.replace(/[.\s-]/g, "") : "";
    if (entry.caseSensitive && letters !== (entry.form ?? letters.toUpperCase())) return undefined;
    return entry;
  }

  /** `lookup` for the surface text.slice(start, end) whose normalised form `norm` the caller already has; sliced only to check case. */
  lookupSpan(norm: string, text: string, start: number, end: number): GazetteerEntry | undefined {
    const entry = this.names.get(norm);
    return entry && (!entry.caseSensitive || this.lookupNormalised(norm, text.slice(start, end))) ? entry : undefined;
  }

  /**
   * Whether some name's normalised form starts with `prefix` (a normalised surface); a surface
   * whose form starts no name cannot grow into one by adding words after it.
   */
  startsName(prefix: string): boolean {
    let answer = this.startsNameCache.get(prefix);
    if (answer === undefined) {
      if (this.startsNameCache.size >= 100_000) this.startsNameCache.clear();
      answer = this.searchNames(prefix);
      this.startsNameCache.set(prefix, answer);
    }
    return answer;
  }

  private searchNames(prefix: string): boolean {
    const sorted = (this.sortedNames ??= [...this.names.keys()].sort());
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo]!.startsWith(prefix);
  }

  /** The country a capitalised demonym ("Pakistani", "Afghan") refers to, by its normalised form. */
  demonymNormalised(norm: string): GazetteerEntry | undefined {
    return this.demonyms.get(norm);
  }

  /** The country whose capital the entry is, if it is one ("Tehran" → Iran). */
  countryOfCapital(entry: GazetteerEntry): GazetteerEntry | undefined {
    const country = entry.subtype === "city" ? this.capitals.get(normalise(entry.name)) : undefined;
    return country?.country === entry.country ? country : undefined;
  }

  /**
   * Whether a name is a state's armed service: a country's name or demonym and then the service
   * ("Sudanese Armed Forces", "Kenya Defence Forces", "US Army"), or the service of a country
   * ("Armed Forces of the Philippines"). Any other word in it makes an armed group's name of it
   * ("Sudan Liberation Army", "Free Syrian Army", "Irish Republican Army", "Arakan Army").
   */
  nationalForce(name: string): boolean {
    const words = normalise(name).split(" ");
    const country = (from: number, to: number) => {
      const owner = words.slice(from, to).join(" ");
      return (this.demonyms.get(owner) ?? this.names.get(owner))?.subtype === "country";
    };
    for (let k = 1; k < words.length; k++) {
      if (SERVICES.test(words.slice(k).join(" ")) && country(0, k)) return true;
      if (words[k] === "of" && SERVICES.test(words.slice(0, k).join(" "))) return country(words[k + 1] === "the" ? k + 2 : k + 1, words.length);
    }
    return false;
  }

  isRole(phrase: string): boolean {
    return this.roles.has(normalise(phrase));
  }
}

/** A short name mixing cases with two capitals or more ("JeM", "LeT"). */
function isMixedShort(name: string): boolean {
  return /^(?=.*\p{Ll})(?=(?:.*\p{Lu}){2})\p{L}{2,4}$/u.test(name);
}

function isShortCaps(name: string): boolean {
  const letters = name.replace(/[.\s-]/g, "");
  return letters.length <= 4 && letters === letters.toUpperCase();
}

function titleCase(surface: string): string {
  return surface.replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase()).replace(/\bAl\b/g, "al");
}

let cached: Gazetteer | undefined;

export function gazetteer(): Gazetteer {
  cached ??= new Gazetteer(JSON.parse(readFileSync(MODEL, "utf8")));
  return cached;
}
