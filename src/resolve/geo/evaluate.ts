/**
 * Geocoding accuracy on the project's annotated place mentions (eval/geo-places.json): each mention
 * is geocoded with its document's context (the other places the recogniser finds, the dateline,
 * the text) and compared with the annotated place.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { readArticle, sharedDataDir, type NewsArticle, type NewsRef } from "../../eval/news.js";
import { sha256 } from "../../ingest/types.js";
import { analyse } from "../../nlp/pipeline.js";
import { distanceKm, loadGeocoder } from "./geocode.js";
import type { FeatureType, GeoResolution } from "./types.js";

export interface ExpectedPlace {
  name: string;
  countryCode?: string;
  featureType: FeatureType;
  lat: number;
  lon: number;
}

export interface GeoItem {
  ref: NewsRef;
  mention: string;
  start: number;
  end: number;
  expected: ExpectedPlace;
}

export interface GeoItemResult {
  item: GeoItem;
  got?: GeoResolution;
  correct: boolean;
  why: string;
}

export interface GeoEvaluation {
  accuracy: number;
  correct: number;
  total: number;
  results: GeoItemResult[];
  /** Articles the recogniser failed on (their mentions were geocoded with the annotated places only). */
  recogniserErrors: string[];
}

/** How far a resolved point may lie from the annotated one, by kind of place. */
const TOLERANCE_KM: Record<string, number> = { city: 50, admin: 300, region: 1500, country: Infinity };

function family(type: FeatureType): string {
  if (type === "admin1" || type === "admin2") return "admin";
  if (type === "continent" || type === "island") return "region";
  return type;
}

export function defaultGeoSetPath(): string {
  return resolve(new URL(".", import.meta.url).pathname, "../../../eval/geo-places.json");
}

export function loadGeoSet(path = defaultGeoSetPath()): GeoItem[] {
  const parsed = JSON.parse(readFileSync(path, "utf8")) as { items?: GeoItem[] };
  if (!Array.isArray(parsed.items)) throw new Error(`${path}: expected an object with an "items" array`);
  return parsed.items;
}

export function judge(expected: ExpectedPlace, got: GeoResolution | undefined): { correct: boolean; why: string } {
  if (!got) return { correct: false, why: "not found in the gazetteer" };
  if (family(got.featureType) !== family(expected.featureType)) {
    return { correct: false, why: `${got.featureType} ${got.name}, expected ${expected.featureType}` };
  }
  if (expected.countryCode !== got.countryCode) return { correct: false, why: `${got.name} in ${got.countryCode ?? "-"}, expected ${expected.countryCode}` };
  const km = distanceKm(expected, got);
  const tolerance = TOLERANCE_KM[family(expected.featureType)];
  if (km > tolerance) return { correct: false, why: `${got.name} lies ${Math.round(km)} km from ${expected.name}` };
  return { correct: true, why: `${got.name} (${Math.round(km)} km)` };
}

/** The place names the recogniser finds in the article (GPE and LOC actors, with their aliases). */
export function recognisedPlaces(article: NewsArticle): string[] {
  const analysis = analyse({ id: article.id, date: article.date ?? "2000-01-01", text: article.text, sha256: sha256(article.text) });
  return analysis.actors.filter((actor) => actor.type === "GPE" || actor.type === "LOC").flatMap((actor) => [actor.name, ...actor.aliases]);
}

export async function evaluateGeo(items: GeoItem[], dataDir = sharedDataDir()): Promise<GeoEvaluation> {
  const geocoder = await loadGeocoder();
  const articles = new Map<string, { article: NewsArticle; places: string[] }>();
  const results: GeoItemResult[] = [];
  const recogniserErrors: string[] = [];
  for (const item of items) {
    const key = `${item.ref.corpus}:${item.ref.file}:${item.ref.newid ?? ""}`;
    let entry = articles.get(key);
    if (!entry) {
      const article = readArticle(item.ref, dataDir);
      const gold = items.filter((other) => other.ref.file === item.ref.file && other.ref.newid === item.ref.newid).map((other) => other.mention);
      let recognised: string[] = [];
      try {
        recognised = recognisedPlaces(article);
      } catch (error) {
        recogniserErrors.push(`${article.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
      entry = { article, places: [...new Set([...recognised, ...gold])] };
      articles.set(key, entry);
    }
    const { article, places } = entry;
    const span = article.text.slice(item.start, item.end);
    if (span !== item.mention) {
      throw new Error(`${item.ref.file}${item.ref.newid ? `#${item.ref.newid}` : ""}: ${item.start}-${item.end} reads ${JSON.stringify(span)}, not ${JSON.stringify(item.mention)}`);
    }
    const got = geocoder.geocode(item.mention, { otherPlaces: places, dateline: article.dateline, text: article.text });
    results.push({ item, got, ...judge(item.expected, got) });
  }
  const correct = results.filter((r) => r.correct).length;
  return { accuracy: correct / results.length, correct, total: results.length, results, recogniserErrors };
}
