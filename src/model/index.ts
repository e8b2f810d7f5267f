/**
 * Dossier's data model and ontology. Every stage (ingest → nlp → resolve → graph → api/cli/web/export)
 * speaks these types; the JSON export uses these field names verbatim.
 */

export const ENTITY_TYPES = ["PER", "ORG", "GPE", "LOC", "WORK"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Finer actor kinds; free-form beyond these, but these are the ones the pipeline assigns. */
export const ACTOR_SUBTYPES = [
  "armed_group",
  "government",
  "military",
  "political_party",
  "media",
  "international_org",
  "company",
  "religious",
  "country",
  "state",
  "city",
  "region",
  "periodical",
] as const;
export type ActorSubtype = (typeof ACTOR_SUBTYPES)[number];

export const RELATION_PREDICATES = [
  "affiliate_of",
  "member_of",
  "leader_of",
  "holds_position",
  "founded",
  "founded_by",
  "splinter_of",
  "rival_of",
  "allied_with",
  "publishes",
  "based_in",
  "operates_in",
  "located_in",
  "lives_in",
  "killed",
  "visits",
] as const;
export type Predicate = (typeof RELATION_PREDICATES)[number];

/** PLOVER event types (Political Language Ontology for Verifiable Event Records). */
export const PLOVER_EVENT_TYPES = [
  "AGREE",
  "CONSULT",
  "SUPPORT",
  "CONCEDE",
  "COOPERATE",
  "AID",
  "RETREAT",
  "REQUEST",
  "ACCUSE",
  "REJECT",
  "THREATEN",
  "PROTEST",
  "SANCTION",
  "MOBILIZE",
  "COERCE",
  "ASSAULT",
] as const;
export type PloverType = (typeof PLOVER_EVENT_TYPES)[number];

export const TIMEX_TYPES = ["DATE", "TIME", "DURATION", "SET"] as const;
export type TimexType = (typeof TIMEX_TYPES)[number];

/** Where an item was read: a character span of one document. `sentence` is the 0-based sentence index. */
export interface Provenance {
  document: string;
  start: number;
  end: number;
  text: string;
  sentence?: number;
}

export interface Document {
  id: string;
  /** Publication date, ISO YYYY-MM-DD. */
  date: string;
  title?: string;
  source?: string;
  url?: string;
  text: string;
  /** Hex SHA-256 of `text`: the identity used for idempotent ingest (for another outlet's copy of a stored text, of outlet and text). */
  sha256: string;
  /** A near-duplicate (syndicated) copy: the id of the document it copies, which carries the extractions. */
  duplicate_of?: string;
}

export interface Mention {
  doc: string;
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** The actor this mention resolves to, once resolved. */
  actor?: string;
}

export interface Actor {
  id: string;
  name: string;
  type: EntityType;
  subtype?: string;
  aliases: string[];
  /** A gazetteer's stable key ("org:iskp", "gpe:pak") when a list knows the actor; joins it across documents. */
  key?: string;
  /** For places (GPE, LOC): where the gazetteer puts them. */
  geo?: Geo;
  /** In the export: the actors of other documents merged into this one, and why (see `dossier actor`). */
  merged_from?: { document?: string; name: string; rule: string; score: number; evidence: string }[];
}

/** One merge as the CLI, API and export show it. */
export interface ActorMerge {
  id: number;
  /** The actor merged into. */
  actor: string;
  /** The document whose actor was merged (absent for a manual merge). */
  document?: string;
  date?: string;
  /** The name the merged actor had. */
  name: string;
  /** A manual merge: the id of the actor merged in. */
  merged_actor?: string;
  rule: string;
  score: number;
  evidence: string;
  explanation: string;
  renamed_from?: string;
  created_at: string;
  /** Set once undone, with the actor the rows went to. */
  undone_at?: string;
  split_into?: string;
}

/** A place on the map, as the geocoder resolved it, with the reason for that reading. */
export interface Geo {
  name: string;
  lat: number;
  lon: number;
  country_code?: string;
  /** continent, region, island, country, admin1, admin2 or city. */
  feature_type: string;
  reason?: string;
  /** The point only stands for the country. */
  approximate?: boolean;
}

/** A normalised time: a TIMEX3 value (`2015-01`, `2023-W07`, `P75Y`, `PAST_REF`, ...). */
export type TimeValue = string;

/**
 * A relation between actors. `attributed_to` null: the document asserts it;
 * otherwise the actor id of whoever claims it (never stored as fact).
 */
export interface Relation {
  subject: string;
  predicate: Predicate;
  object: string | null;
  role?: string;
  /** e.g. "former", "current" for holds_position. */
  status?: string;
  time?: TimeValue;
  attributed_to: string | null;
  confidence: number;
  provenance: Provenance[];
}

export interface Event {
  type: PloverType;
  source: string;
  target: string | null;
  time?: TimeValue;
  attributed_to: string | null;
  confidence?: number;
  provenance: Provenance[];
  /** Where the text places it ("in Pakistan's Khyber Pakhtunkhwa province"). */
  geo?: Geo;
  /** The happening it reports: the id of the first event of its cross-document cluster. */
  cluster?: string;
}

export type QuoteKind = "direct" | "indirect";

export interface Claim {
  speaker: string;
  about: string[];
  cue: string;
  text: string;
  quote: QuoteKind;
  stance?: "negative" | "positive" | "neutral";
  time?: TimeValue;
  provenance: Provenance[];
}

export interface Timex {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  value: TimeValue;
}

/** The JSON export (`dossier export --format json`): endpoints are actor ids. */
export interface GraphExport {
  documents: Document[];
  actors: Actor[];
  relations: (Relation & { id: string })[];
  events: (Event & { id: string })[];
  claims: (Claim & { id: string })[];
  /** Per actor id, on request (`dossier export --timeline`): its events and relations in event-date order. */
  timeline?: Record<string, TimelineEntry[]>;
}

/** One line of an actor's timeline: a happening (all its reports) or a relation, at its date. */
export interface TimelineEntry {
  /** The event's or relation's own date when the text gives one, else the report's publication date. */
  date: string;
  date_basis: "event" | "publication";
  kind: "event" | "relation";
  /** Cluster id for events, relation id for relations. */
  id: string;
  /** PLOVER type or relation predicate. */
  type: string;
  source: string;
  target: string | null;
  role?: string;
  status?: string;
  attributed_to: string | null;
  geo?: Geo;
  /** Every report of it: its words, and the figures (casualties...) that report gives. */
  sources: { document: string; date: string; outlet?: string; provenance: Provenance[]; figures?: { kind: string; value: number; qualifier?: string; text: string }[] }[];
}

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

export function isPredicate(value: string): value is Predicate {
  return (RELATION_PREDICATES as readonly string[]).includes(value);
}

export function isPloverType(value: string): value is PloverType {
  return (PLOVER_EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * What the NLP stage makes of one document, before cross-document resolution.
 * Actor ids here are document-local (e.g. "e1"); `resolve/` maps them onto the store's actors.
 */
export interface DocumentAnalysis {
  document: Document;
  actors: Actor[];
  mentions: Mention[];
  relations: Relation[];
  events: Event[];
  claims: Claim[];
  timexes: Timex[];
}
