/**
 * Cross-document actor resolution: when does an actor found in a new document denote an actor
 * already in the store? Pure functions; the store runs the lookups (src/graph/sql-store.ts).
 */
import type { Actor, EntityType } from "../model/index.js";

/**
 * Normalised form used to compare names and aliases: case, curly quotes, dashes, dots,
 * possessive 's and a leading "the" do not make two names different.
 */
export function normaliseAlias(alias: string): string {
  if (alias.length > NAME_LENGTH) return normalise(alias);
  let norm = normalised.get(alias);
  if (norm === undefined) {
    // Storing a document normalises each of its names a dozen times (keys, aliases, merges).
    if (normalised.size >= NORMALISED_KEPT) normalised.clear();
    normalised.set(alias, (norm = normalise(alias)));
  }
  return norm;
}

/** Names remembered, and the longest: a few megabytes at most. */
const NORMALISED_KEPT = 100_000;
const NAME_LENGTH = 120;
const normalised = new Map<string, string>();

function normalise(alias: string): string {
  return alias
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/'s\b/g, "")
    .replace(/[\u2010-\u2015\u2212-]/g, " ")
    .replace(/[."'\u201c\u201d(),;:!?]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^the /, "");
}

const PRONOUNS = new Set([
  "he", "she", "it", "they", "them", "we", "us", "i", "you", "him", "her", "his", "hers", "its",
  "their", "theirs", "our", "ours", "this", "that", "these", "those", "who", "which",
]);

/**
 * Pronouns and common-noun descriptions ("the group", "the terror outfit", "they") name an actor
 * only inside the document where the text links them; across documents they would merge strangers.
 * An alias with no capital letter or digit is such a description.
 */
export function isGenericAlias(alias: string): boolean {
  const trimmed = alias.trim();
  if (!trimmed) return true;
  if (PRONOUNS.has(trimmed.toLowerCase()) && trimmed !== trimmed.toUpperCase()) return true;
  return !/[\p{Lu}\p{Nd}]/u.test(trimmed);
}

/**
 * Whether `alias` may identify `actor` across documents. Besides generic descriptions, a lone
 * name part of a person ("Khan") is too ambiguous; the person's full name stays usable.
 */
export function isGlobalAlias(actor: Pick<Actor, "name" | "type">, alias: string): boolean {
  if (isGenericAlias(alias)) return false;
  const norm = normaliseAlias(alias);
  if (!norm) return false;
  if (actor.type === "PER" && !norm.includes(" ") && norm !== normaliseAlias(actor.name)) return false;
  return true;
}

/** Normalised keys by which another document's actor may match this one. */
export function matchKeys(actor: Pick<Actor, "name" | "type" | "aliases">): string[] {
  const keys = new Set<string>();
  for (const alias of [actor.name, ...actor.aliases]) {
    if (isGlobalAlias(actor, alias)) keys.add(normaliseAlias(alias));
  }
  return [...keys];
}

/** Countries, regions and places are often typed either way by extraction; other types must agree. */
export function typesCompatible(a: EntityType, b: EntityType): boolean {
  if (a === b) return true;
  const place = (t: EntityType) => t === "GPE" || t === "LOC";
  return place(a) && place(b);
}

/** One stored actor's alias row that shares a key with the new actor. */
export interface Candidate {
  actorId: string;
  name: string;
  type: EntityType;
  /** The stored actor's subtype, when the store knows it. */
  subtype?: string | null;
  norm: string;
}

/**
 * A country and a city are never one actor, whatever alias they share: a country named by its capital
 * ("Ankara said") carries the capital as an alias, and the capital named as a place stays a city.
 */
export function subtypesCompatible(a: string | null | undefined, b: string | null | undefined): boolean {
  const kind = (s: string | null | undefined) => (s === "country" ? "country" : s === "city" ? "city" : undefined);
  const [x, y] = [kind(a), kind(b)];
  return x === undefined || y === undefined || x === y;
}

/**
 * Picks the stored actor the new actor denotes, or undefined for a new actor. Prefers the most
 * shared keys, then a match on the stored actor's own name, then an identical type.
 */
export function chooseMatch(actor: Pick<Actor, "name" | "type" | "aliases" | "subtype">, candidates: Candidate[]): string | undefined {
  const keys = new Set(matchKeys(actor));
  const scores = new Map<string, { shared: number; byName: boolean; sameType: boolean }>();
  for (const candidate of candidates) {
    if (!keys.has(candidate.norm) || !typesCompatible(actor.type, candidate.type) || !subtypesCompatible(actor.subtype, candidate.subtype)) continue;
    const score = scores.get(candidate.actorId) ?? { shared: 0, byName: false, sameType: candidate.type === actor.type };
    score.shared += 1;
    score.byName ||= normaliseAlias(candidate.name) === candidate.norm;
    scores.set(candidate.actorId, score);
  }
  let best: string | undefined;
  let bestKey: number[] = [];
  for (const [id, score] of [...scores].sort(([a], [b]) => a.localeCompare(b))) {
    const key = [score.shared, Number(score.byName), Number(score.sameType)];
    if (!best || compareLexicographic(key, bestKey) > 0) {
      best = id;
      bestKey = key;
    }
  }
  return best;
}

function compareLexicographic(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Readable, deterministic actor id: `org:islamic-state-khorasan-province`. */
export function actorSlugId(actor: Pick<Actor, "name" | "type">): string {
  const slug = actor.name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/'s\b/g, "")
    .replace(/[^\p{L}\p{Nd}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${actor.type.toLowerCase()}:${slug || "unnamed"}`;
}
