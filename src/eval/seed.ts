/**
 * Scores a JSON export against a seed's hand-made reference reading, the way the gold file's
 * "about" field says: actors match by name or any alias, case-insensitively; a relation matches a
 * relation or event between the same two actors whose predicate is the listed one or accepted.
 */
import type { Actor, GraphExport } from "../model/index.js";

interface GoldActor {
  name: string;
  type: string;
  aliases: string[];
  optional?: boolean;
}
interface GoldRelation {
  subject: string;
  predicate: string;
  object: string | null;
  attributed_to: string | null;
  accept?: string[];
  optional?: boolean;
}
interface GoldEvent {
  type: string;
  source: string;
  target: string;
}
interface GoldClaim {
  speaker: string;
  contains: string;
}
export interface SeedGold {
  actors: GoldActor[];
  relations: GoldRelation[];
  events: GoldEvent[];
  claims: GoldClaim[];
  distinct?: [string, string][];
  not_facts?: [string, string][];
}

export interface Ratio {
  hit: number;
  total: number;
  value: number;
}

export interface SeedScore {
  actorRecall: Ratio;
  actorPrecision: Ratio;
  actorTypeAccuracy: Ratio;
  relationRecall: Ratio;
  /** Of the relations and events between two gold actors, those that read a gold relation or event. */
  relationPrecision: Ratio;
  eventRecall: Ratio;
  claimRecall: Ratio;
  violations: string[];
  missed: string[];
  /** Relations and events between gold actors that read none of the gold's. */
  spurious: string[];
}

interface Link {
  predicate: string;
  subject: string;
  object: string | null;
  attributed_to: string | null;
}

const ratio = (hit: number, total: number): Ratio => ({ hit, total, value: total === 0 ? 1 : hit / total });

/** Case, quotes and spacing folded, as a reader would compare two strings. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[“”"«»]/g, '"')
    .replace(/[‘’`]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

const GENERIC_ALIASES = new Set(["the group", "the outfit", "the terror outfit"]);

export function scoreSeed(gold: SeedGold, graph: GraphExport): SeedScore {
  const names = (a: { name: string; aliases: string[] }) => [a.name, ...a.aliases].map(fold);
  const goldByName = (name: string) => gold.actors.find((g) => names(g).includes(fold(name)));
  /** Predicted actors standing for a gold actor: any shared name or alias (generic descriptions aside). */
  const predictedFor = (g: GoldActor): Actor[] => {
    const goldNames = new Set(names(g).filter((n) => !GENERIC_ALIASES.has(n)));
    return graph.actors.filter((a) => names(a).some((n) => goldNames.has(n)));
  };
  const idsFor = (name: string): Set<string> => new Set(goldByName(name) ? predictedFor(goldByName(name)!).map((a) => a.id) : []);
  const missed: string[] = [];
  const spurious: string[] = [];
  const violations: string[] = [];
  const nameOf = (id: string) => graph.actors.find((a) => a.id === id)?.name ?? id;

  const required = gold.actors.filter((g) => !g.optional);
  const found = required.filter((g) => predictedFor(g).length > 0);
  for (const g of required) if (!found.includes(g)) missed.push(`actor ${g.name}`);
  const matchedPredicted = graph.actors.filter((a) => gold.actors.some((g) => predictedFor(g).includes(a)));
  const typed = found.filter((g) => predictedFor(g).some((a) => a.type === g.type));
  for (const g of gold.actors) {
    const split = predictedFor(g);
    if (split.length > 1) violations.push(`"${g.name}" is split into ${split.length} actors: ${split.map((a) => a.name).join(", ")}`);
  }

  /** Relations and events alike, as subject-predicate-object links. */
  const links: Link[] = [
    ...graph.relations.map((r) => ({ predicate: r.predicate, subject: r.subject, object: r.object, attributed_to: r.attributed_to })),
    ...graph.events.map((e) => ({ predicate: e.type, subject: e.source, object: e.target, attributed_to: e.attributed_to })),
  ];
  const between = (s: Set<string>, o: Set<string> | null, subject: string, object: string | null) =>
    (object === null ? true : o !== null && o.has(object)) && s.has(subject);
  /**
   * A test of whether a predicted link reads the gold relation: an accepted predicate, the same two actors
   * either way round, the right attribution. Its actors' ids are looked up once, not for every link.
   */
  const readerOf = (r: GoldRelation): ((p: Link) => boolean) => {
    const s = idsFor(r.subject);
    const o = r.object === null ? null : idsFor(r.object);
    const allowed = r.attributed_to === null ? null : r.attributed_to.split(/\s+or\s+/).map((who) => (who === "null" ? null : idsFor(who)));
    const attributed = (by: string | null) =>
      allowed === null ? by === null : allowed.some((ids) => (ids === null ? by === null : by !== null && ids.has(by)));
    const accept = new Set([r.predicate, ...(r.accept ?? [])]);
    return (p) => accept.has(p.predicate) && attributed(p.attributed_to) && (between(s, o, p.subject, p.object) || (o !== null && between(o, s, p.subject, p.object ?? "")));
  };
  const relations = gold.relations.filter((r) => !r.optional);
  const relationHits = relations.filter((r) => links.some(readerOf(r)));
  for (const r of relations) if (!relationHits.includes(r)) missed.push(`relation ${r.subject} ${r.predicate} ${r.object ?? "-"}`);

  // Precision can only be judged for links between actors the gold lists; a gold event counts as a relation of its type.
  const goldIds = new Set(gold.actors.flatMap((g) => predictedFor(g).map((a) => a.id)));
  const goldReaders = [
    ...gold.relations,
    ...gold.events.map((e) => ({ subject: e.source, predicate: e.type, object: e.target, attributed_to: "null" })),
  ].map(readerOf);
  const judged = links.filter((p) => goldIds.has(p.subject) && (p.object === null || goldIds.has(p.object)));
  const right = judged.filter((p) => goldReaders.some((reads) => reads(p)));
  for (const p of judged) if (!right.includes(p)) spurious.push(`${nameOf(p.subject)} ${p.predicate} ${p.object === null ? "-" : nameOf(p.object)}${p.attributed_to === null ? "" : ` (claimed by ${nameOf(p.attributed_to)})`}`);

  const eventHits = gold.events.filter((g) => {
    const [s, t] = [idsFor(g.source), idsFor(g.target)];
    return graph.events.some((e) => e.type === g.type && s.has(e.source) && e.target !== null && t.has(e.target));
  });
  for (const g of gold.events) if (!eventHits.includes(g)) missed.push(`event ${g.type} ${g.source} -> ${g.target}`);

  const claimHits = gold.claims.filter((g) => {
    const speakers = idsFor(g.speaker);
    return graph.claims.some((c) => speakers.has(c.speaker) && fold(c.text).includes(fold(g.contains)));
  });
  for (const g of gold.claims) if (!claimHits.includes(g)) missed.push(`claim by ${g.speaker}: ${g.contains}`);

  for (const [a, b] of gold.distinct ?? []) {
    const shared = [...idsFor(a)].filter((id) => idsFor(b).has(id));
    if (shared.length > 0) violations.push(`"${a}" and "${b}" are merged into one actor`);
  }
  const iskp = gold.actors.find((g) => g.aliases.some((a) => GENERIC_ALIASES.has(fold(a))));
  const owners = iskp ? new Set(predictedFor(iskp).map((a) => a.id)) : new Set<string>();
  for (const a of graph.actors) {
    const generic = a.aliases.map(fold).filter((n) => GENERIC_ALIASES.has(n));
    if (generic.length > 0 && !owners.has(a.id)) violations.push(`"${generic.join('", "')}" resolved to ${a.name}`);
  }
  for (const [a, b] of gold.not_facts ?? []) {
    const [x, y] = [idsFor(a), idsFor(b)];
    const linked = (s: string, o: string | null) => o !== null && ((x.has(s) && y.has(o)) || (y.has(s) && x.has(o)));
    const facts = [
      ...graph.relations.filter((r) => r.attributed_to === null && linked(r.subject, r.object)).map((r) => `${r.predicate}`),
      ...graph.events.filter((e) => e.attributed_to === null && linked(e.source, e.target)).map((e) => e.type),
    ];
    for (const f of facts) violations.push(`${a} ${f} ${b} stored as fact, though only claimed`);
  }

  return {
    actorRecall: ratio(found.length, required.length),
    actorPrecision: ratio(matchedPredicted.length, graph.actors.length),
    actorTypeAccuracy: ratio(typed.length, found.length),
    relationRecall: ratio(relationHits.length, relations.length),
    relationPrecision: ratio(right.length, judged.length),
    eventRecall: ratio(eventHits.length, gold.events.length),
    claimRecall: ratio(claimHits.length, gold.claims.length),
    violations,
    missed,
    spurious,
  };
}

export function formatSeedScore(score: SeedScore): string {
  const line = (label: string, r: Ratio) => `${label.padEnd(22)} ${r.value.toFixed(3)}  (${r.hit}/${r.total})`;
  return [
    line("actor recall", score.actorRecall),
    line("actor precision", score.actorPrecision),
    line("actor type accuracy", score.actorTypeAccuracy),
    line("relation recall", score.relationRecall),
    line("relation precision", score.relationPrecision),
    line("event recall", score.eventRecall),
    line("claim recall (speaker)", score.claimRecall),
    `${"must-not violations".padEnd(22)} ${score.violations.length}`,
    ...score.violations.map((v) => `  violation: ${v}`),
    ...score.missed.map((m) => `  missed: ${m}`),
    ...score.spurious.map((m) => `  spurious: ${m}`),
  ].join("\n");
}
