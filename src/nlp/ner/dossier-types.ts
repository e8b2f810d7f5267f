/**
 * Maps CoNLL labels to Dossier's entity types (src/model): PER and ORG map directly; LOC splits
 * into GPE (countries, states, cities) and LOC (continents, regions, seas, rivers, mountains);
 * MISC becomes WORK when it names a periodical ("... magazine", "the newspaper ..."), and is
 * otherwise dropped (nationalities, events and the like are not actors).
 */
import type { EntityType } from "../../model/index.js";
import { LAND_FEATURES } from "../gazetteer/index.js";
import { kindBit, type Gazetteer } from "./gazetteer.js";
import type { EntitySpan } from "./tags.js";

/** A word of land or water anywhere in the name: the land features that end names, and more. */
const GEOGRAPHIC_FEATURE = new RegExp(
  `\\b(?:${[...LAND_FEATURES, ..."rivers ocean gulf bay lake mount mountain mt hill hills strait straits island islands isle isles coast plain plains basin delta canal channel alps himalayas andes sahara pole horn strip bank heights corridor".split(" ")].join("|")})\\b`,
  "i",
);
const WORLD_REGIONS = new Set([
  "europe", "asia", "africa", "america", "north america", "south america", "latin america", "central america",
  "antarctica", "oceania", "australasia", "middle east", "the middle east", "near east", "far east", "balkans",
  "the balkans", "caucasus", "the caucasus", "scandinavia", "the gulf", "gulf", "mideast", "central asia",
  "south asia", "southeast asia", "east asia", "western europe", "eastern europe", "north africa", "west africa",
  "east africa", "southern africa", "sahel", "levant", "maghreb", "caribbean", "the caribbean", "arctic", "pacific",
  "atlantic", "mediterranean", "baltic", "balkan", "west", "east", "khorasan",
]);
const PERIODICAL = /^(magazine|magazines|newspaper|newspapers|journal|journals|weekly|daily|dailies|gazette|tabloid|newsletter|periodical|publication|editorial|issue|issues|editor|columnist)$/i;
const GPE_KINDS = kindBit("country") | kindBit("city") | kindBit("region") | kindBit("place");

/** The Dossier type of a tagged span, or null when the span is not an actor (most MISC). */
export function dossierEntityType(tokens: readonly string[], span: EntitySpan, gazetteer: Gazetteer): EntityType | null {
  const text = tokens.slice(span.start, span.end).join(" ");
  switch (span.label) {
    case "PER":
      return "PER";
    case "ORG":
      return "ORG";
    case "LOC": {
      const lower = text.toLowerCase();
      if (WORLD_REGIONS.has(lower) || GEOGRAPHIC_FEATURE.test(text)) return "LOC";
      // Unknown single places in news are mostly towns and provinces: GPE unless a feature word says otherwise.
      return (gazetteer.mask(lower) & GPE_KINDS) !== 0 || span.end - span.start <= 2 ? "GPE" : "LOC";
    }
    case "MISC": {
      for (let i = Math.max(0, span.start - 3); i < Math.min(tokens.length, span.end + 3); i++) {
        if (PERIODICAL.test(tokens[i] ?? "")) return "WORK";
      }
      return null;
    }
  }
}
