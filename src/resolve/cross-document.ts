/**
 * Explained cross-document merging: which stored actor a newly read actor denotes, by which rule,
 * with what score and on what evidence. Pure functions; the store gathers the candidates
 * (src/graph/actor-state.ts) and records every decision in `actor_merges`.
 *
 * Rules, strongest first:
 * - gazetteer-key: both carry the same curated gazetteer key ("ISIS-K" and "ISKP" are org:iskp);
 * - exact-alias: they share a normalised name or alias that may identify an actor across documents;
 * - phoenix-dictionary: their names denote the same known person of PETRARCH's Phoenix dictionary;
 * - person-name-parts: a title and surname ("General Munir") and a full name ("Asim Munir") of a
 *   person, when nothing contradicts it, the store holds exactly one such person and the surname is
 *   not common among known persons.
 */
import type { Actor, EntityType } from "../model/index.js";
import { chooseMatch, isGlobalAlias, normaliseAlias, typesCompatible, type Candidate } from "./match.js";
import { phoenixDictionary } from "./phoenix.js";

export const MERGE_RULES = ["gazetteer-key", "exact-alias", "phoenix-dictionary", "person-name-parts", "manual"] as const;
export type MergeRule = (typeof MERGE_RULES)[number];

export interface MergeDecision {
  storeId: string;
  /** The stored actor's name when it was matched. */
  storedName: string;
  rule: MergeRule;
  /** 0..1: how sure the rule is. */
  score: number;
  /** The alias, key or name that matched; an unmerge blocks it for the stored actor. */
  evidence: string;
  explanation: string;
  /** A fuller name the stored actor should take ("Asim Munir" for "Munir"). */
  rename?: string;
}

/** A stored actor as the key and person-name rules see it. */
export interface StoredActor {
  actorId: string;
  name: string;
  type: EntityType;
  /** Every alias recorded for it (any document). */
  aliases: string[];
}

export interface MergeEvidence {
  /** Stored actors by key ("org:iskp", "phoenix:asif-ali-zardari"), oldest first. */
  byKey: Map<string, StoredActor[]>;
  /** Stored persons sharing a surname with a new person, by that surname. */
  bySurname: Map<string, StoredActor[]>;
  /** `blockKey(actorId, evidence)` of evidence an analyst unmerged from that actor. */
  blocked: Set<string>;
}

export function blockKey(actorId: string, evidence: string): string {
  return `${actorId}\u0000${evidence}`;
}

/** The cross-document keys of an actor: its gazetteer key and the Phoenix person its names denote. */
export function actorKeys(actor: Pick<Actor, "name" | "type" | "aliases" | "key">): string[] {
  const keys: string[] = [];
  if (actor.key) keys.push(actor.key);
  const person = actor.type === "PER" ? phoenixDictionary().personFor(globalNames(actor)) : undefined;
  if (person) keys.push(phoenixKey(person.id));
  return keys;
}

export function phoenixKey(personId: string): string {
  return `phoenix:${personId}`;
}

/** Decides which stored actor (if any) `actor` denotes; candidates are those the rules could use. */
export function decideMerge(actor: Actor, aliasCandidates: Candidate[], evidence: MergeEvidence): MergeDecision | undefined {
  const free = (actorId: string, what: string) => !evidence.blocked.has(blockKey(actorId, what));
  for (const key of actorKeys(actor)) {
    const rule: MergeRule = key.startsWith("phoenix:") ? "phoenix-dictionary" : "gazetteer-key";
    if (rule === "phoenix-dictionary") continue; // weaker than a shared alias; tried below
    const hit = (evidence.byKey.get(key) ?? []).find((s) => typesCompatible(actor.type, s.type) && free(s.actorId, key));
    if (hit) return { storeId: hit.actorId, storedName: hit.name, rule, score: 1, evidence: key, explanation: `both carry the gazetteer key ${key}` };
  }

  const usable = aliasCandidates.filter((c) => free(c.actorId, c.norm));
  const byAlias = chooseMatch(actor, usable);
  if (byAlias) {
    const keys = new Set(globalNames(actor).map(normaliseAlias));
    const shared = [...new Set(usable.filter((c) => c.actorId === byAlias && keys.has(c.norm)).map((c) => c.norm))];
    const stored = usable.find((c) => c.actorId === byAlias)!;
    const onName = shared.includes(normaliseAlias(stored.name));
    return {
      storeId: byAlias,
      storedName: stored.name,
      rule: "exact-alias",
      score: round(Math.min(1, 0.7 + 0.1 * shared.length + (onName ? 0.1 : 0))),
      evidence: onName ? normaliseAlias(stored.name) : shared[0]!,
      explanation: `shares ${shared.map((s) => JSON.stringify(s)).join(", ")} with ${JSON.stringify(stored.name)}`,
    };
  }

  const phoenix = actorKeys(actor).find((key) => key.startsWith("phoenix:"));
  if (phoenix) {
    const hit = (evidence.byKey.get(phoenix) ?? []).find((s) => s.type === "PER" && free(s.actorId, phoenix));
    if (hit) {
      const person = phoenixDictionary().person(phoenix.slice("phoenix:".length))!;
      return { storeId: hit.actorId, storedName: hit.name, rule: "phoenix-dictionary", score: 0.95, evidence: phoenix, explanation: `both name ${person.name} of the Phoenix actor dictionary` };
    }
  }
  return actor.type === "PER" ? byNameParts(actor, evidence, free) : undefined;
}

/** Forms of a person's name: leading titles, given names, surname ("General Munir", "Asim Munir"). */
export interface PersonName {
  titles: string[];
  given: string[];
  surname: string;
}

const MILITARY = ["general", "gen", "lieutenant", "lt", "colonel", "col", "major", "maj", "captain", "capt", "admiral", "marshal", "field", "brigadier", "brig", "commander", "cmdr", "sergeant", "sgt", "corporal", "commodore"];
const CIVIL = ["president", "prime", "minister", "pm", "senator", "sen", "governor", "gov", "judge", "justice", "ambassador", "secretary", "chairman", "chairwoman", "mayor", "premier", "chancellor", "speaker"];
const NEUTRAL = ["chief", "army", "deputy", "vice", "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sheikh", "shaykh", "imam", "mullah", "maulana", "mawlana", "king", "queen", "prince", "princess", "emir", "amir", "sir", "lord", "lady", "former", "late", "retired", "supreme", "leader", "spokesman", "spokeswoman"];
const TITLES = new Set([...MILITARY, ...CIVIL, ...NEUTRAL]);

export function parsePersonName(name: string): PersonName | undefined {
  const words = normaliseAlias(name).split(" ").filter(Boolean);
  let i = 0;
  while (i < words.length - 1 && TITLES.has(words[i]!)) i++;
  const rest = words.slice(i);
  const surname = rest.at(-1);
  if (!surname || TITLES.has(surname) || !/^\p{L}[\p{L}'-]*$/u.test(surname)) return undefined;
  return { titles: words.slice(0, i), given: rest.slice(0, -1), surname };
}

/** The person's name forms that end in `surname`: its name and every capitalised alias. */
function personForms(names: string[], surname: string): PersonName[] {
  return names.flatMap((n) => {
    const parsed = /\p{Lu}/u.test(n) ? parsePersonName(n) : undefined;
    return parsed && parsed.surname === surname ? [parsed] : [];
  });
}

/** Why two sets of name forms cannot be one person, or undefined when nothing contradicts it. */
export function personConflict(a: PersonName[], b: PersonName[]): string | undefined {
  const given = (forms: PersonName[]) => forms.filter((f) => f.given.length > 0).map((f) => f.given);
  for (const x of given(a)) {
    for (const y of given(b)) if (!givenFits(x, y)) return `given names ${x.join(" ")} and ${y.join(" ")} differ`;
  }
  const kinds = (forms: PersonName[]) => new Set(forms.flatMap((f) => f.titles).flatMap((t) => (MILITARY.includes(t) ? ["military"] : CIVIL.includes(t) ? ["civil"] : [])));
  const [ka, kb] = [kinds(a), kinds(b)];
  if (ka.size === 1 && kb.size === 1 && [...ka][0] !== [...kb][0]) return `a ${[...ka][0]} and a ${[...kb][0]} title`;
  return undefined;
}

/** "asim" fits "asim", "a" fits "asim"; "asim" does not fit "imran". Only the first given name must agree. */
function givenFits(x: string[], y: string[]): boolean {
  const [p, q] = [x[0]!, y[0]!];
  return p === q || (p.length === 1 && q.startsWith(p)) || (q.length === 1 && p.startsWith(q));
}

/** Below this a surname match is not evidence enough. */
const NAME_PARTS_THRESHOLD = 0.5;

function byNameParts(actor: Actor, evidence: MergeEvidence, free: (actorId: string, what: string) => boolean): MergeDecision | undefined {
  const own = parsePersonName(actor.name);
  if (!own) return undefined;
  const mine = personForms([actor.name, ...actor.aliases], own.surname);
  const fullName = normaliseAlias(actor.name);
  const compatible = (evidence.bySurname.get(own.surname) ?? []).filter((stored) => {
    if (stored.type !== "PER" || !free(stored.actorId, fullName)) return false;
    const theirs = personForms([stored.name, ...stored.aliases], own.surname);
    // One side must add a given name the other lacks; two full, equal names are an exact-alias match.
    const hasGiven = (forms: PersonName[]) => forms.some((f) => f.given.length > 0);
    return theirs.length > 0 && hasGiven(mine) !== hasGiven(theirs) && personConflict(mine, theirs) === undefined;
  });
  if (compatible.length !== 1) return undefined;
  const stored = compatible[0]!;
  const namesakes = phoenixDictionary().surnameCount(own.surname);
  const titled = [...mine, ...personForms([stored.name, ...stored.aliases], own.surname)].some((f) => f.titles.length > 0);
  const score = round(0.8 / (1 + namesakes) + (titled ? 0.1 : 0));
  if (score < NAME_PARTS_THRESHOLD) return undefined;
  const storedFull = parsePersonName(stored.name)?.given.length ?? 0;
  return {
    storeId: stored.actorId,
    storedName: stored.name,
    rule: "person-name-parts",
    score,
    evidence: fullName,
    explanation:
      `${JSON.stringify(actor.name)} and ${JSON.stringify(stored.name)}: same surname, no contradicting given name or title, ` +
      `the only such person stored, ${namesakes} known namesake${namesakes === 1 ? "" : "s"}`,
    ...(own.given.length > 0 && storedFull === 0 ? { rename: actor.name } : {}),
  };
}

/** The names of an actor that may identify it across documents. */
function globalNames(actor: Pick<Actor, "name" | "type" | "aliases">): string[] {
  return [actor.name, ...actor.aliases].filter((alias) => isGlobalAlias(actor, alias));
}

function round(score: number): number {
  return Math.round(score * 100) / 100;
}
