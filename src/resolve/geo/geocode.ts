import { loadGazetteer, normalisePlaceName, type Gazetteer } from "./gazetteer.js";
import type { GeoCandidate, GeoContext, GeoResolution, Place } from "./types.js";

/** Words that name a kind of area after a place name ("Idlib province", "Bajaur district"). */
const AREA_WORD = /\s+(province|state|region|district|governorate|county|agency|oblast|city)$/i;
const DATE_PART = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|^\d/i;
const CAPITALISED = "[A-Z][\\p{L}.'’-]*";

interface Bonus {
  points: number;
  why: string;
}

/**
 * Resolves place names to gazetteer entries. Scores each candidate by a prior (countries and regions
 * over subdivisions over cities; bigger and capital cities first) plus evidence from the document:
 * qualifiers in the text ("Khar, Pakistan", "Pakistan's Khyber Pakhtunkhwa"), the dateline's country,
 * and the document's other places (same country, contained cities, nearby points).
 */
export class Geocoder {
  private readonly priorCache = new Map<string, GeoCandidate | undefined>();

  constructor(private readonly gazetteer: Gazetteer) {}

  /** Every entry the name may denote, deduplicated (a country listed under several spellings once). */
  candidates(name: string): Place[] {
    const trimmed = name.trim();
    let places = this.gazetteer.lookup(trimmed);
    if (places.length === 0 && AREA_WORD.test(trimmed)) places = this.gazetteer.lookup(trimmed.replace(AREA_WORD, ""));
    const seen = new Set<string>();
    return places.filter((place) => {
      const key =
        place.featureType === "country"
          ? `country:${place.countryCode}`
          : place.adminCode && place.featureType !== "city"
            ? `sub:${place.adminCode}`
            : `${place.featureType}:${place.countryCode}:${place.lat.toFixed(2)}:${place.lon.toFixed(2)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** The reading of `name` with no document evidence. */
  prior(name: string): GeoCandidate | undefined {
    const key = normalisePlaceName(name);
    if (!this.priorCache.has(key)) {
      const best = this.candidates(name)
        .map((place) => ({ ...place, score: prior(place).points }))
        .sort((a, b) => b.score - a.score)[0];
      this.priorCache.set(key, best);
    }
    return this.priorCache.get(key);
  }

  geocode(name: string, context: GeoContext = { otherPlaces: [] }): GeoResolution | undefined {
    const { base, qualifiers } = splitQualifier(name);
    // Most names a document gives are no place at all: no need to read the text for evidence then.
    const places = this.candidates(base);
    if (places.length === 0) return undefined;
    const text = context.text ?? "";
    const key = normalisePlaceName(base);
    const others = [...context.otherPlaces, ...textContained(base, text)]
      .filter((other) => normalisePlaceName(other) !== key)
      .map((other) => ({ name: other, place: this.prior(other) }))
      .filter((other): other is { name: string; place: GeoCandidate } => other.place !== undefined);
    const dateline = context.dateline ? this.datelinePlace(context.dateline) : undefined;
    return this.resolve(places, [...qualifiers, ...textQualifiers(base, text)], others, dateline, areaWord(name, text));
  }

  /** Scores `places`, the candidates of one name, by the evidence given. */
  private resolve(
    places: Place[],
    qualifiers: string[],
    others: { name: string; place: Place }[],
    dateline?: { name: string; place: Place },
    area?: string,
  ): GeoResolution | undefined {
    if (places.length === 0) return undefined;
    const scored = places.map((place) => {
      const bonuses: Bonus[] = [prior(place, places)];
      if (area && (place.featureType === "admin1" || place.featureType === "admin2")) {
        bonuses.push({ points: 12, why: `the text calls it a ${area}` });
      }
      for (const qualifier of qualifiers) {
        const readings = this.candidates(qualifier);
        if (readings.some((q) => contains(q, place))) {
          bonuses.push({ points: 8, why: `the text qualifies it by ${qualifier}` });
        } else if (readings.some((q) => q.approximate && q.countryCode === place.countryCode)) {
          // A subdivision we only know by its country still says which country.
          bonuses.push({ points: 5, why: `the text qualifies it by ${qualifier}, in ${place.countryCode}` });
        }
      }
      if (dateline) bonuses.push(...datelineBonuses(place, dateline));
      bonuses.push(...contextBonuses(place, others));
      const score = bonuses.reduce((sum, bonus) => sum + bonus.points, 0);
      return { place, bonuses, score };
    });
    scored.sort((a, b) => b.score - a.score);

    const [best, ...rest] = scored;
    const runnerUp = rest[0];
    const reason = [
      ...best.bonuses.map((bonus) => bonus.why),
      runnerUp
        ? `chosen over ${describe(runnerUp.place)} (${runnerUp.score.toFixed(1)} vs ${best.score.toFixed(1)})`
        : "the only entry with this name",
    ].join("; ");
    return {
      name: best.place.name,
      lat: best.place.lat,
      lon: best.place.lon,
      countryCode: best.place.countryCode,
      featureType: best.place.featureType,
      adminCode: best.place.adminCode,
      score: round(best.score),
      ...(best.place.approximate ? { approximate: true } : {}),
      reason,
      candidates: rest.slice(0, 5).map(({ place, score }) => ({ ...place, score: round(score) })),
    };
  }

  /** Resolves every place of one document, each against all the others. */
  geocodeAll(names: string[], context: Omit<GeoContext, "otherPlaces"> = {}): Map<string, GeoResolution | undefined> {
    const unique = [...new Set(names)];
    return new Map(unique.map((name) => [name, this.geocode(name, { ...context, otherPlaces: unique })]));
  }

  /** "ISLAMABAD, March 3 -" → Islamabad; "BIRMINGHAM, MICH., March 12" → Birmingham in Michigan. */
  private datelinePlace(dateline: string): { name: string; place: Place } | undefined {
    const parts = dateline
      .split(/\s[-–—]\s|\(/)[0]
      .split(",")
      .map((part) => part.trim().replace(/\b\p{L}+/gu, (word) => word[0] + word.slice(1).toLowerCase()))
      .filter(Boolean);
    const firstDate = parts.findIndex((part, i) => i > 0 && DATE_PART.test(part));
    const [name, ...qualifiers] = firstDate < 0 ? parts : parts.slice(0, firstDate);
    if (!name) return undefined;
    const resolved = this.resolve(this.candidates(name), qualifiers, []);
    return resolved ? { name, place: { ...resolved, population: 0, source: "dateline" } } : undefined;
  }
}

let shared: Promise<Geocoder> | undefined;

/** The process-wide geocoder, loading the gazetteer on first use. */
export function loadGeocoder(): Promise<Geocoder> {
  shared ??= loadGazetteer().then((gazetteer) => new Geocoder(gazetteer));
  return shared;
}

export async function geocode(name: string, context: GeoContext): Promise<GeoResolution | undefined> {
  return (await loadGeocoder()).geocode(name, context);
}

function prior(place: Place, namesakes: Place[] = [place]): Bonus {
  switch (place.featureType) {
    case "country":
      return { points: 12, why: "country name" };
    case "continent":
    case "region":
    case "island":
      return { points: 9, why: `${place.featureType} name` };
    case "admin1":
      return { points: 5, why: `first-level subdivision ${place.adminCode ?? ""} of ${place.countryCode}`.replace("  ", " ") };
    case "admin2":
      return { points: 3, why: `second-level subdivision of ${place.countryCode}` };
    case "city": {
      const capital = place.featureCode === "PPLC" ? 2.5 : place.featureCode === "PPLA" ? 1 : 0;
      const towns = namesakes.filter((p) => p.featureType === "city");
      const largest = towns.every((p) => p.population <= place.population);
      const why = [
        `city of ${place.population.toLocaleString("en-US")} people in ${place.countryCode}`,
        capital === 2.5 ? "national capital" : capital === 1 ? "provincial capital" : "",
        largest && towns.length > 1 ? `largest of ${towns.length} towns so named` : "",
      ]
        .filter(Boolean)
        .join(", ");
      return { points: 2 + Math.log10(place.population + 1) + capital, why };
    }
  }
}

function datelineBonuses(place: Place, dateline: { name: string; place: Place }): Bonus[] {
  const at = dateline.place;
  if (place.featureType === at.featureType && distanceKm(place, at) < 10) {
    return [{ points: 6, why: `the dateline names it (${dateline.name})` }];
  }
  const bonuses: Bonus[] = [];
  if (place.countryCode && at.countryCode === place.countryCode) {
    bonuses.push({ points: 4, why: `the dateline ${dateline.name} is in ${place.countryCode}` });
    if (place.featureType === "city" && at.featureType === "city" && place.adminCode === at.adminCode) {
      bonuses.push({ points: 2, why: `in the same province or state as the dateline` });
    }
    if (place.featureType !== "city" && contains(place, at)) bonuses.push({ points: 4, why: `it contains the dateline place` });
  }
  return bonuses;
}

function contextBonuses(place: Place, others: { name: string; place: Place }[]): Bonus[] {
  const bonuses: Bonus[] = [];
  const sameCountry = others.filter((o) => place.countryCode && o.place.countryCode === place.countryCode);
  if (sameCountry.length > 0) {
    bonuses.push({
      points: Math.min(8, 2.5 * sameCountry.length),
      why: `the document also names ${list(sameCountry.map((o) => o.name))} in ${place.countryCode}`,
    });
  }
  const containers = others.filter((o) => o.place.featureType !== "country" && contains(o.place, place));
  if (containers.length > 0) {
    bonuses.push({ points: 4, why: `it lies in ${list(containers.map((o) => o.name))}, also named` });
  }
  const inside = others.filter((o) => place.featureType !== "city" && contains(place, o.place));
  if (inside.length > 0 && place.featureType !== "country") {
    bonuses.push({ points: 6, why: `it contains ${list(inside.map((o) => o.name))}, also named` });
  }
  const near = others.filter((o) => o.place.featureType === "city" && distanceKm(place, o.place) < 300 && o.place !== place);
  if (near.length > 0) bonuses.push({ points: 1, why: `near ${list(near.map((o) => o.name))}` });
  return bonuses;
}

/** Whether `inner` lies within `outer` (a country, subdivision or region). */
export function contains(outer: Place, inner: Place): boolean {
  if (outer === inner || !outer.countryCode || outer.countryCode !== inner.countryCode) return false;
  switch (outer.featureType) {
    case "country":
      return inner.featureType !== "country";
    case "admin1":
    case "admin2":
    case "region":
    case "island":
      if (inner.featureType === "country" || inner.featureType === "continent") return false;
      if (inner.featureType === "city" && outer.geonamesAdmin) return inner.adminCode === outer.geonamesAdmin;
      return !outer.approximate && distanceKm(outer, inner) < 250;
    default:
      return false;
  }
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** "Quezon province", in the name or in the text, asks for the province rather than Quezon City. */
function areaWord(name: string, text: string): string | undefined {
  const inName = AREA_WORD.exec(name.trim());
  if (inName && inName[1].toLowerCase() !== "city") return inName[1].toLowerCase();
  if (!text) return undefined;
  const pattern = new RegExp(`\\b${escapeRegExp(name.trim())}\\s+(province|state|governorate|district|county|region|oblast)\\b`, "i");
  return pattern.exec(text)?.[1].toLowerCase();
}

/** "Khar, Pakistan" → base Khar, qualifier Pakistan. */
function splitQualifier(name: string): { base: string; qualifiers: string[] } {
  const comma = name.indexOf(",");
  if (comma < 0) return { base: name, qualifiers: [] };
  return { base: name.slice(0, comma).trim(), qualifiers: [name.slice(comma + 1).trim()].filter(Boolean) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Places the text attaches to the name: "Khar, Pakistan" and "Pakistan's Khar" both give Pakistan. */
function textQualifiers(name: string, text: string): string[] {
  // The patterns are tried only where they can match: "Name," or "...'s Name" (scanning the whole text is slow).
  const possessive = (at: number) => at >= 2 && text[at - 1] === "s" && (text[at - 2] === "'" || text[at - 2] === "’");
  if (!text || (!text.includes(`${name},`) && !precededBy(text, name, possessive))) return [];
  const found = new Set<string>();
  const escaped = escapeRegExp(name);
  const after = new RegExp(`\\b${escaped},\\s*(${CAPITALISED}(?:\\s${CAPITALISED}){0,2})`, "gu");
  const before = new RegExp(`(${CAPITALISED}(?:\\s${CAPITALISED}){0,2})['’]s\\s+${escaped}\\b`, "gu");
  for (const match of text.matchAll(after)) prefixes(match[1]).forEach((q) => found.add(q));
  for (const match of text.matchAll(before)) suffixes(match[1]).forEach((q) => found.add(q));
  return [...found];
}

/** Places the text puts inside the name: "Atlanta, Georgia" names Atlanta as inside Georgia. */
function textContained(name: string, text: string): string[] {
  if (!text || !precededBy(text, name, (at) => text[at - 1] === ",")) return [];
  const pattern = new RegExp(`(${CAPITALISED}(?:\\s${CAPITALISED}){0,2}),\\s*${escapeRegExp(name)}\\b`, "gu");
  return [...text.matchAll(pattern)].flatMap((match) => suffixes(match[1]));
}

/** Whether `test` holds just before some occurrence of `name` in `text`, whitespace before it skipped. */
function precededBy(text: string, name: string, test: (at: number) => boolean): boolean {
  if (!name) return true;
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    let at = i;
    while (at > 0 && /\s/u.test(text[at - 1]!)) at--;
    if (test(at)) return true;
  }
  return false;
}

/** "New York City" → ["New York City", "New York", "New"]: the qualifier may be followed by other capitals. */
function prefixes(phrase: string): string[] {
  const words = phrase.split(/\s+/);
  return words.map((_, i) => words.slice(0, words.length - i).join(" "));
}

function suffixes(phrase: string): string[] {
  const words = phrase.split(/\s+/);
  return words.map((_, i) => words.slice(i).join(" "));
}

function describe(place: Place): string {
  return `${place.name} (${place.featureType}${place.countryCode ? `, ${place.countryCode}` : ""})`;
}

function list(names: string[]): string {
  const unique = [...new Set(names)];
  return unique.length > 3 ? `${unique.slice(0, 3).join(", ")} and ${unique.length - 3} more` : unique.join(", ");
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
