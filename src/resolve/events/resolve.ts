/**
 * Cross-document event resolution: reports of one happening become one event.
 * Two event mentions may merge only if they have the same PLOVER type, share an actor, have
 * compatible times (their own normalised dates; the publication date only stands in, widened,
 * when a report gives none) and places that do not contradict. Among the clusters that pass,
 * an event joins the best-scoring one above a threshold. Every link records its rule and score,
 * and pairs an analyst has split apart are never merged again.
 */
import type { PloverType, TimeValue } from "../../model/index.js";
import { distanceKm } from "../geo/geocode.js";
import type { Figure } from "./figures.js";
import { eventDays, formatDay, gapDays, type DayRange } from "./time.js";

export interface EventPlace {
  name: string;
  lat: number;
  lon: number;
  countryCode?: string;
  /** The point only stands for the country (a subdivision the gazetteer cannot place). */
  approximate?: boolean;
}

export interface EventMention {
  id: string;
  document: string;
  type: PloverType;
  source: string;
  target: string | null;
  /** The event's normalised time (TIMEX3 value), when the report gives one. */
  time?: TimeValue;
  /** The report's publication date (ISO), used only when `time` is missing. */
  published?: string;
  place?: EventPlace;
  /** Figures the report gives in the event's sentence (casualties, arrests...). */
  figures?: Figure[];
}

export interface MergeLink {
  event: string;
  cluster: string;
  /** Which tests passed, e.g. "same-type+shared-source+same-day+within-100km". */
  rule: string;
  score: number;
  explanation: string;
}

export interface Resolution {
  /** event id → cluster id (the id of the cluster's first event). */
  clusterOf: Map<string, string>;
  /** One entry per event that joined an existing cluster. */
  links: MergeLink[];
}

export interface ResolveOptions {
  /** Minimum score to merge (0..1). */
  threshold?: number;
  /** Pairs never to merge ("a|b" with a < b), from analysts' splits. */
  vetoes?: Set<string>;
}

export const DEFAULT_THRESHOLD = 0.6;
/** Beyond this, two places are different happenings (a front line, a city and its suburbs fit within). */
const FAR_KM = 600;
/** Dated events this many days apart are different happenings. */
const MAX_GAP_DAYS = 2;

export function vetoKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

interface PairScore {
  score: number;
  rule: string[];
  why: string[];
}

/** Scores a pair, or returns undefined when a hard test fails. */
export function comparePair(a: EventMention, b: EventMention): PairScore | undefined {
  if (a.type !== b.type) return undefined;
  const actors = actorOverlap(a, b);
  if (!actors) return undefined;
  const time = timeFit(eventDays(a.time, a.published), eventDays(b.time, b.published));
  if (!time) return undefined;
  const place = placeFit(a.place, b.place);
  if (!place) return undefined;
  if (a.document === b.document && conflictingFigures(a.figures, b.figures)) return undefined;
  return {
    score: round(0.45 * actors.score + 0.3 * time.score + 0.25 * place.score),
    rule: [`same-type`, actors.rule, time.rule, place.rule],
    why: [`both ${a.type}`, actors.why, time.why, place.why],
  };
}

function actorOverlap(a: EventMention, b: EventMention): { score: number; rule: string; why: string } | undefined {
  const sameSource = a.source === b.source;
  const sameTarget = a.target !== null && a.target === b.target;
  if (sameSource && sameTarget) return { score: 1, rule: "same-actors", why: `same source and target (${a.source} → ${a.target})` };
  if (sameSource) {
    // One report may name no target where another does; a different named target is another happening.
    if (a.target !== null && b.target !== null) return undefined;
    return { score: 0.75, rule: "shared-source", why: `same source ${a.source}, one target unnamed` };
  }
  if (sameTarget) return { score: 0.6, rule: "shared-target", why: `same target ${a.target}, sources ${a.source} / ${b.source}` };
  // Reports from the two sides of a clash name each other as the attacker.
  if (a.target !== null && a.source === b.target && a.target === b.source) {
    return { score: 0.6, rule: "swapped-actors", why: `${a.source} and ${a.target} on opposite sides in the two reports` };
  }
  return undefined;
}

function timeFit(a: DayRange | undefined, b: DayRange | undefined): { score: number; rule: string; why: string } | undefined {
  if (!a || !b) return { score: 0.4, rule: "time-unknown", why: "no time for one report" };
  const gap = gapDays(a, b);
  const span = (r: DayRange) => `${formatDay(r.from)}${r.to > r.from ? `..${formatDay(r.to)}` : ""}${r.basis === "publication" ? " (from publication date)" : ""}`;
  const both = `${span(a)} / ${span(b)}`;
  const dated = a.basis === "event" && b.basis === "event";
  if (gap > (dated ? MAX_GAP_DAYS : 0)) return undefined;
  const precise = a.to - a.from === 0 && b.to - b.from === 0;
  if (dated && precise) return gap === 0 ? { score: 1, rule: "same-day", why: `same day ${both}` } : { score: 0.8, rule: "adjacent-days", why: `${gap} day(s) apart: ${both}` };
  if (dated) return { score: 0.7, rule: "overlapping-time", why: `overlapping times ${both}` };
  return { score: 0.6, rule: "compatible-time", why: `compatible times ${both}` };
}

/**
 * One report giving two different tolls of the same kind describes two happenings ("rebels killed 18
 * soldiers ... on Tuesday, 19 soldiers were killed"). Across reports, differing figures are normal.
 */
function conflictingFigures(a: Figure[] = [], b: Figure[] = []): boolean {
  return a.some((x) => b.some((y) => y.kind === x.kind) && !b.some((y) => y.kind === x.kind && y.value === x.value));
}

function placeFit(a: EventPlace | undefined, b: EventPlace | undefined): { score: number; rule: string; why: string } | undefined {
  if (!a || !b) return { score: 0.6, rule: "place-unknown", why: a || b ? `only one report places it (${(a ?? b)!.name})` : "neither report places it" };
  if (a.approximate || b.approximate) {
    if (a.countryCode && a.countryCode === b.countryCode) return { score: 0.7, rule: "same-country", why: `${a.name} / ${b.name}, both in ${a.countryCode}` };
    return undefined;
  }
  const km = Math.round(distanceKm(a, b));
  if (km <= 100) return { score: 1, rule: "within-100km", why: `${a.name} / ${b.name}, ${km} km apart` };
  if (a.countryCode && a.countryCode === b.countryCode) return { score: 0.7, rule: "same-country", why: `${a.name} / ${b.name}, both in ${a.countryCode}` };
  if (km <= FAR_KM) return { score: 0.6, rule: "nearby", why: `${a.name} / ${b.name}, ${km} km apart` };
  return undefined;
}

/**
 * The existing cluster `mention` belongs to, if any: every member must pass the hard tests (no
 * chaining across a cluster), no member may be vetoed against it, and the best member's score must
 * reach the threshold; among such clusters the best score wins.
 */
export function chooseCluster(
  mention: EventMention,
  clusters: Iterable<[string, EventMention[]]>,
  options: ResolveOptions = {},
): MergeLink | undefined {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const vetoes = options.vetoes ?? new Set<string>();
  let best: { cluster: string; pair: PairScore; with: string } | undefined;
  for (const [clusterId, members] of clusters) {
    if (members.some((m) => m.id === mention.id || vetoes.has(vetoKey(m.id, mention.id)))) continue;
    const pairs = members.map((m) => ({ m, pair: comparePair(mention, m) }));
    if (pairs.length === 0 || pairs.some((p) => !p.pair)) continue;
    const top = pairs.reduce((x, y) => (y.pair!.score > x.pair!.score ? y : x));
    if (top.pair!.score >= threshold && (!best || top.pair!.score > best.pair.score)) {
      best = { cluster: clusterId, pair: top.pair!, with: top.m.id };
    }
  }
  if (!best) return undefined;
  return {
    event: mention.id,
    cluster: best.cluster,
    rule: best.pair.rule.join("+"),
    score: best.pair.score,
    explanation: `matches ${best.with}: ${best.pair.why.join("; ")}`,
  };
}

/**
 * Clusters mentions in the given order (callers pass them in publication order, so a cluster's id
 * is its earliest report). Deterministic: the same input gives the same clusters.
 */
export function resolveEvents(mentions: EventMention[], options: ResolveOptions = {}): Resolution {
  const clustersByType = new Map<string, Map<string, EventMention[]>>();
  const clusterOf = new Map<string, string>();
  const links: MergeLink[] = [];
  for (const mention of mentions) {
    const clusters = clustersByType.get(mention.type) ?? new Map<string, EventMention[]>();
    clustersByType.set(mention.type, clusters);
    const link = chooseCluster(mention, clusters, options);
    if (link) {
      clusters.get(link.cluster)!.push(mention);
      clusterOf.set(mention.id, link.cluster);
      links.push(link);
    } else {
      clusters.set(mention.id, [mention]);
      clusterOf.set(mention.id, mention.id);
    }
  }
  return { clusterOf, links };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
