/**
 * Event-resolution evaluation on the project's clusters of news reports (eval/event-clusters.json).
 * Each annotated report of a happening becomes an event mention: its type and actors as annotated,
 * its time normalised by the timex component from the report's own words, its place geocoded from
 * the report's place mention in the report's context. The resolver then clusters all mentions,
 * and B-cubed compares its clusters with the annotated happenings.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { readArticle, sharedDataDir, type NewsArticle, type NewsRef } from "../../eval/news.js";
import { normaliseAlias } from "../match.js";
import { isPloverType, type PloverType } from "../../model/index.js";
import { extractTimexes } from "../../nlp/timex/index.js";
import { recognisedPlaces } from "../geo/evaluate.js";
import { loadGeocoder } from "../geo/geocode.js";
import { extractFigures, sentenceAround } from "./figures.js";
import { resolveEvents, type EventMention, type MergeLink } from "./resolve.js";
import { bcubed, type BCubed } from "./score.js";

export interface Span {
  text: string;
  start: number;
  end: number;
}

export interface EventItem {
  ref: NewsRef;
  happening: string;
  type: PloverType;
  source: string;
  target: string | null;
  anchor: Span;
  time: Span | null;
  place: Span | null;
}

export interface EventEvaluation extends BCubed {
  happenings: number;
  clusters: number;
  mentions: EventMention[];
  clusterOf: Map<string, string>;
  links: MergeLink[];
  gold: Map<string, string>;
}

export function defaultEventSetPath(): string {
  return resolve(new URL(".", import.meta.url).pathname, "../../../eval/event-clusters.json");
}

export function loadEventSet(path = defaultEventSetPath()): EventItem[] {
  const parsed = JSON.parse(readFileSync(path, "utf8")) as { items?: EventItem[] };
  if (!Array.isArray(parsed.items)) throw new Error(`${path}: expected an object with an "items" array`);
  parsed.items.forEach((item, i) => {
    if (!isPloverType(item.type)) throw new Error(`${path}: item ${i} has unknown PLOVER type ${JSON.stringify(item.type)}`);
  });
  return parsed.items;
}

function checkSpan(article: NewsArticle, span: Span, what: string): void {
  const found = article.text.slice(span.start, span.end);
  if (found !== span.text) throw new Error(`${article.id}: ${what} at ${span.start}-${span.end} reads ${JSON.stringify(found)}, not ${JSON.stringify(span.text)}`);
}

export function itemId(item: EventItem, index: number): string {
  return `${item.ref.corpus}-${item.ref.newid ?? item.ref.file}@${item.anchor.start}#${index}`;
}

/** The annotated reports as event mentions, in publication order. */
export async function eventMentions(items: EventItem[], dataDir = sharedDataDir()): Promise<EventMention[]> {
  const geocoder = await loadGeocoder();
  const articles = new Map<string, { article: NewsArticle; places: string[] }>();
  const mentions = items.map((item, index) => {
    const key = `${item.ref.file}#${item.ref.newid ?? ""}`;
    let entry = articles.get(key);
    if (!entry) {
      const article = readArticle(item.ref, dataDir);
      let places: string[] = [];
      try {
        places = recognisedPlaces(article);
      } catch {
        // The recogniser's failure only costs context here; the geo evaluation reports it.
      }
      entry = { article, places };
      articles.set(key, entry);
    }
    const { article, places } = entry;
    checkSpan(article, item.anchor, "anchor");
    let time: string | undefined;
    if (item.time) {
      checkSpan(article, item.time, "time");
      const span = item.time;
      time = extractTimexes(article.text, article.date ?? "2000-01-01").find((t) => t.start < span.end && span.start < t.end)?.value;
    }
    let place: EventMention["place"];
    if (item.place) {
      checkSpan(article, item.place, "place");
      const geo = geocoder.geocode(item.place.text, { otherPlaces: places, dateline: article.dateline, text: article.text });
      if (geo) place = { name: geo.name, lat: geo.lat, lon: geo.lon, countryCode: geo.countryCode, approximate: geo.approximate };
    }
    const sentence = sentenceAround(article.text, item.anchor.start, item.anchor.end);
    return {
      id: itemId(item, index),
      document: article.id,
      type: item.type,
      source: normaliseAlias(item.source),
      target: item.target === null ? null : normaliseAlias(item.target),
      time,
      published: article.date,
      place,
      figures: extractFigures(sentence.text, sentence.start),
    } satisfies EventMention;
  });
  return mentions.sort((a, b) => (a.published ?? "").localeCompare(b.published ?? "") || a.document.localeCompare(b.document) || a.id.localeCompare(b.id));
}

export async function evaluateEvents(items: EventItem[], dataDir = sharedDataDir()): Promise<EventEvaluation> {
  const mentions = await eventMentions(items, dataDir);
  const { clusterOf, links } = resolveEvents(mentions);
  const gold = new Map(items.map((item, index) => [itemId(item, index), item.happening]));
  const score = bcubed(gold, clusterOf);
  return {
    ...score,
    happenings: new Set(gold.values()).size,
    clusters: new Set(clusterOf.values()).size,
    mentions,
    clusterOf,
    links,
    gold,
  };
}
