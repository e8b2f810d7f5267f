import type { FeatureType } from "./types.js";

/**
 * Places the npm gazetteers lack or name differently, with hand-set centroids (degrees, rounded).
 * - Continents and political regions analysts write about ("South Asia", "the Middle East").
 * - English names of subdivisions the ISO list spells in local transliteration
 *   ("Khyber Pakhtunkhwa" for ISO "Khaībar Pakhtūnkhwā"); `code` ties them to the ISO entry.
 * - Conflict-zone places below the gazetteer's population floor (Khar in Bajaur, the Waziristans).
 * - Historical states that 1980s news names (Soviet Union, West Germany).
 * - Islands, which the city lists lack (Mindanao, Kharg Island).
 */
export interface RegionEntry {
  name: string;
  aliases?: string[];
  lat: number;
  lon: number;
  featureType: FeatureType;
  /** ISO 3166-1 alpha-2 country the place lies in; omitted for places spanning countries. */
  countryCode?: string;
  /** ISO 3166-2 code when the entry is an English name for a subdivision. */
  code?: string;
  population?: number;
  note?: string;
}

const ISLANDS: RegionEntry[] = (
  [
    ["Mindanao", 7.5, 125, "PH"], ["Luzon", 16, 121, "PH"], ["Jolo", 6.05, 121, "PH"], ["Basilan", 6.55, 122, "PH"],
    ["Java", -7.5, 110, "ID"], ["Sumatra", 0, 102, "ID"], ["Sulawesi", -2, 121, "ID"], ["Bali", -8.4, 115.2, "ID"],
    ["Borneo", 1, 114], ["New Guinea", -5.5, 141], ["Sicily", 37.5, 14.1, "IT"], ["Sardinia", 40, 9, "IT"],
    ["Corsica", 42.1, 9.1, "FR"], ["Crete", 35.2, 24.9, "GR"], ["Lesbos", 39.2, 26.3, "GR"], ["Lampedusa", 35.5, 12.6, "IT"],
    ["Kharg Island", 29.25, 50.31, "IR", ["Kharg"]], ["Abu Musa", 25.87, 55.03, "IR", ["Bu Musa"]], ["Greater Tunb", 26.26, 55.3, "IR"],
    ["Socotra", 12.5, 53.9, "YE"], ["Zanzibar", -6.1, 39.3, "TZ"], ["Hokkaido", 43.2, 142.8, "JP"], ["Honshu", 36, 138, "JP"],
    ["Kyushu", 33, 131, "JP"], ["Okinawa", 26.5, 128, "JP"], ["Hainan", 19.2, 109.7, "CN"], ["Tasmania", -42, 146.6, "AU"],
    ["Sakhalin", 50.7, 142.9, "RU"], ["Kuril Islands", 46.5, 151.5, "RU", ["Kurils"]], ["Spratly Islands", 10, 114.3, undefined, ["Spratlys"]],
    ["Paracel Islands", 16.5, 112, undefined, ["Paracels"]], ["Diego Garcia", -7.3, 72.4, "IO"],
  ] as [string, number, number, string?, string[]?][]
).map(([name, lat, lon, countryCode, aliases]) => ({ name, lat, lon, countryCode, aliases, featureType: "island" }));

export const REGIONS: RegionEntry[] = [
  ...ISLANDS,
  { name: "Africa", lat: 2, lon: 21, featureType: "continent" },
  { name: "Asia", lat: 34, lon: 100, featureType: "continent" },
  { name: "Europe", lat: 54, lon: 15, featureType: "continent" },
  { name: "North America", lat: 45, lon: -100, featureType: "continent" },
  { name: "South America", lat: -15, lon: -60, featureType: "continent" },
  { name: "Oceania", lat: -22, lon: 140, featureType: "continent" },
  { name: "Antarctica", lat: -80, lon: 0, featureType: "continent" },
  { name: "Middle East", aliases: ["Mideast", "Near East"], lat: 29, lon: 42, featureType: "region" },
  { name: "South Asia", aliases: ["Southern Asia", "Indian subcontinent", "Subcontinent"], lat: 22, lon: 78, featureType: "region" },
  { name: "Central Asia", lat: 45, lon: 65, featureType: "region" },
  { name: "Southeast Asia", aliases: ["South East Asia", "South-East Asia"], lat: 10, lon: 110, featureType: "region" },
  { name: "East Asia", aliases: ["Far East"], lat: 35, lon: 115, featureType: "region" },
  { name: "Western Europe", lat: 48, lon: 5, featureType: "region" },
  { name: "Eastern Europe", lat: 52, lon: 25, featureType: "region" },
  { name: "Western Asia", aliases: ["West Asia"], lat: 33, lon: 45, featureType: "region" },
  { name: "North Africa", aliases: ["Northern Africa"], lat: 27, lon: 14, featureType: "region" },
  { name: "West Africa", aliases: ["Western Africa"], lat: 12, lon: -3, featureType: "region" },
  { name: "East Africa", aliases: ["Eastern Africa"], lat: 0, lon: 37, featureType: "region" },
  { name: "Central Africa", lat: 2, lon: 20, featureType: "region" },
  { name: "Southern Africa", lat: -25, lon: 25, featureType: "region" },
  { name: "Sub-Saharan Africa", aliases: ["Subsaharan Africa"], lat: 0, lon: 20, featureType: "region" },
  { name: "Central Europe", lat: 50, lon: 15, featureType: "region" },
  { name: "Central America", lat: 14, lon: -87, featureType: "region" },
  { name: "Arabian Peninsula", aliases: ["Arabia"], lat: 23, lon: 47, featureType: "region" },
  { name: "Scandinavia", lat: 63, lon: 14, featureType: "region" },
  { name: "Arctic", lat: 80, lon: 0, featureType: "region" },
  { name: "Pacific", aliases: ["Pacific Ocean"], lat: 0, lon: -160, featureType: "region" },
  { name: "Atlantic", aliases: ["Atlantic Ocean"], lat: 20, lon: -40, featureType: "region" },
  { name: "Latin America", lat: -5, lon: -65, featureType: "region" },
  { name: "Caribbean", lat: 17, lon: -70, featureType: "region" },
  { name: "Persian Gulf", aliases: ["Gulf", "Arabian Gulf", "The Gulf"], lat: 27, lon: 51, featureType: "region" },
  { name: "Levant", lat: 33.5, lon: 36, featureType: "region" },
  { name: "Caucasus", lat: 42.5, lon: 45, featureType: "region" },
  { name: "North Caucasus", aliases: ["Northern Caucasus"], lat: 43.5, lon: 45, featureType: "region", countryCode: "RU" },
  { name: "Balkans", lat: 43, lon: 21, featureType: "region" },
  { name: "Sahel", lat: 15, lon: 5, featureType: "region" },
  { name: "Horn of Africa", lat: 8, lon: 45, featureType: "region" },
  { name: "Maghreb", lat: 31, lon: 3, featureType: "region" },
  { name: "Kashmir", lat: 34.5, lon: 75.5, featureType: "region" },
  { name: "Kurdistan", lat: 36.5, lon: 44, featureType: "region" },
  { name: "Khorasan", aliases: ["Khurasan"], lat: 35, lon: 62, featureType: "region", note: "historical region spanning Afghanistan, Iran and Central Asia" },
  { name: "Sinai", aliases: ["Sinai Peninsula"], lat: 29.5, lon: 33.8, featureType: "region", countryCode: "EG" },
  { name: "West Bank", lat: 31.9, lon: 35.2, featureType: "region", countryCode: "PS" },
  { name: "Gaza Strip", lat: 31.4, lon: 34.4, featureType: "region", countryCode: "PS" },
  { name: "Crimea", lat: 45.3, lon: 34.4, featureType: "region", countryCode: "UA" },
  { name: "Donbas", aliases: ["Donbass"], lat: 48, lon: 38, featureType: "region", countryCode: "UA" },
  { name: "Strait of Hormuz", aliases: ["Hormuz", "Straits of Hormuz"], lat: 26.6, lon: 56.3, featureType: "region" },
  { name: "Gulf of Oman", lat: 24.5, lon: 58.5, featureType: "region" },
  { name: "Waziristan", lat: 32.6, lon: 69.8, featureType: "region", countryCode: "PK" },
  { name: "North Waziristan", lat: 32.95, lon: 70.1, featureType: "admin2", countryCode: "PK" },
  { name: "South Waziristan", lat: 32.3, lon: 69.6, featureType: "admin2", countryCode: "PK" },
  { name: "Bajaur", aliases: ["Bajaur Agency", "Bajaur District"], lat: 34.75, lon: 71.5, featureType: "admin2", countryCode: "PK" },
  { name: "Khar", lat: 34.72, lon: 71.52, featureType: "city", countryCode: "PK", population: 10000, note: "headquarters of Bajaur district" },
  { name: "Khar", lat: 19.07, lon: 72.84, featureType: "city", countryCode: "IN", population: 5000, note: "suburb of Mumbai" },
  { name: "Federally Administered Tribal Areas", aliases: ["FATA", "tribal areas"], lat: 33, lon: 70.5, featureType: "admin1", countryCode: "PK", code: "PK-TA" },
  { name: "Khyber Pakhtunkhwa", aliases: ["North-West Frontier Province", "NWFP", "KPK"], lat: 34.5, lon: 72, featureType: "admin1", countryCode: "PK", code: "PK-KP" },
  { name: "Balochistan", aliases: ["Baluchistan"], lat: 28.5, lon: 65.5, featureType: "admin1", countryCode: "PK", code: "PK-BA" },
  { name: "Punjab", lat: 31, lon: 72.5, featureType: "admin1", countryCode: "PK", code: "PK-PB" },
  { name: "Punjab", lat: 30.9, lon: 75.5, featureType: "admin1", countryCode: "IN", code: "IN-PB" },
  { name: "Gilgit-Baltistan", lat: 35.8, lon: 74.8, featureType: "admin1", countryCode: "PK", code: "PK-GB" },
  { name: "Azad Kashmir", aliases: ["Azad Jammu and Kashmir"], lat: 33.9, lon: 73.8, featureType: "admin1", countryCode: "PK", code: "PK-JK" },
  { name: "Nangarhar", lat: 34.3, lon: 70.5, featureType: "admin1", countryCode: "AF", code: "AF-NAN" },
  { name: "Kunar", lat: 34.85, lon: 71.1, featureType: "admin1", countryCode: "AF", code: "AF-KNR" },
  { name: "Helmand", lat: 31, lon: 64, featureType: "admin1", countryCode: "AF", code: "AF-HEL" },
  { name: "Nuristan", lat: 35.3, lon: 70.9, featureType: "admin1", countryCode: "AF", code: "AF-NUR" },
  { name: "Anbar", aliases: ["Al Anbar"], lat: 33.4, lon: 42, featureType: "admin1", countryCode: "IQ", code: "IQ-AN" },
  { name: "Nineveh", aliases: ["Ninawa", "Nineveh Province"], lat: 36.2, lon: 42.6, featureType: "admin1", countryCode: "IQ", code: "IQ-NI" },
  { name: "Salahuddin", aliases: ["Salah al-Din", "Saladin"], lat: 34.5, lon: 43.5, featureType: "admin1", countryCode: "IQ", code: "IQ-SD" },
  { name: "Diyala", lat: 33.9, lon: 45, featureType: "admin1", countryCode: "IQ", code: "IQ-DI" },
  { name: "Iraqi Kurdistan", aliases: ["Kurdistan Region"], lat: 36.4, lon: 44.4, featureType: "admin1", countryCode: "IQ", code: "IQ-KR" },
  { name: "Idlib", aliases: ["Idlib province"], lat: 35.8, lon: 36.6, featureType: "admin1", countryCode: "SY", code: "SY-ID" },
  { name: "Raqqa", aliases: ["Raqqa province", "Ar Raqqah"], lat: 35.9, lon: 38.9, featureType: "admin1", countryCode: "SY", code: "SY-RA" },
  { name: "Deir ez-Zor", aliases: ["Deir el-Zour", "Deir al-Zor", "Deir Ezzor"], lat: 35.3, lon: 40.1, featureType: "admin1", countryCode: "SY", code: "SY-DY" },
  { name: "Chechnya", aliases: ["Chechen Republic"], lat: 43.4, lon: 45.7, featureType: "admin1", countryCode: "RU", code: "RU-CE" },
  { name: "Dagestan", aliases: ["Daghestan"], lat: 42.8, lon: 47, featureType: "admin1", countryCode: "RU", code: "RU-DA" },
  { name: "Soviet Union", aliases: ["USSR", "U.S.S.R."], lat: 60, lon: 90, featureType: "country", countryCode: "SU", note: "historical state (ISO 3166-3 SUHH)" },
  { name: "West Germany", lat: 51, lon: 9, featureType: "country", countryCode: "DE", note: "historical state, now Germany" },
  { name: "East Germany", lat: 52.5, lon: 13, featureType: "country", countryCode: "DE", note: "historical state, now Germany" },
  { name: "Britain", aliases: ["Great Britain"], lat: 54, lon: -2, featureType: "country", countryCode: "GB" },
  { name: "America", lat: 38, lon: -97, featureType: "country", countryCode: "US" },
];

/** The abbreviations news agencies write after US towns ("Portland, Ore.", "Albany, N.Y."), by ISO 3166-2 code. */
export const US_STATE_ABBREVIATIONS: Record<string, string[]> = {
  "US-AL": ["Ala."], "US-AZ": ["Ariz."], "US-AR": ["Ark."], "US-CA": ["Calif.", "Cal."], "US-CO": ["Colo."],
  "US-CT": ["Conn."], "US-DE": ["Del."], "US-DC": ["D.C."], "US-FL": ["Fla."], "US-GA": ["Ga."], "US-IL": ["Ill."],
  "US-IN": ["Ind."], "US-KS": ["Kan.", "Kans."], "US-KY": ["Ky."], "US-LA": ["La."], "US-ME": ["Me."], "US-MD": ["Md."],
  "US-MA": ["Mass."], "US-MI": ["Mich."], "US-MN": ["Minn."], "US-MS": ["Miss."], "US-MO": ["Mo."], "US-MT": ["Mont."],
  "US-NE": ["Neb.", "Nebr."], "US-NV": ["Nev."], "US-NH": ["N.H."], "US-NJ": ["N.J."], "US-NM": ["N.M.", "N.Mex."],
  "US-NY": ["N.Y."], "US-NC": ["N.C."], "US-ND": ["N.D."], "US-OK": ["Okla."], "US-OR": ["Ore.", "Oreg."],
  "US-PA": ["Pa.", "Penn."], "US-RI": ["R.I."], "US-SC": ["S.C."], "US-SD": ["S.D."], "US-TN": ["Tenn."],
  "US-TX": ["Tex."], "US-VT": ["Vt."], "US-VA": ["Va."], "US-WA": ["Wash."], "US-WV": ["W.Va."], "US-WI": ["Wis.", "Wisc."],
  "US-WY": ["Wyo."],
};
