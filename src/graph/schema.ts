/** Kysely table types for the store's schema (created by ./migrations.ts). */
import type { Generated } from "kysely";

export interface DocumentsTable {
  seq: Generated<number>;
  id: string;
  /** ISO YYYY-MM-DD; text so both backends return it unchanged. */
  date: string;
  title: string | null;
  source: string | null;
  url: string | null;
  text: string;
  sha256: string;
  /** Set on a near-duplicate copy: the document it copies, which alone was analysed. */
  duplicate_of: string | null;
}

export interface DocumentSignaturesTable {
  document_id: string;
  /** MinHash signature, 32-bit little-endian values. */
  minhash: Uint8Array;
}

export interface DocumentBandsTable {
  band_key: string;
  document_id: string;
}

export interface ActorsTable {
  seq: Generated<number>;
  id: string;
  name: string;
  type: string;
  subtype: string | null;
  first_document: string;
}

export interface ActorAliasesTable {
  actor_id: string;
  alias: string;
  norm: string;
  /** The document that first gave this alias (for in-document aliases: the only one). */
  document_id: string;
  /** false: a pronoun-like or otherwise document-scoped alias, never used to match across documents. */
  global: boolean;
}

export interface MentionsTable {
  document_id: string;
  start: number;
  end: number;
  text: string;
  type: string;
  actor_id: string | null;
}

export interface RelationsTable {
  seq: Generated<number>;
  id: string;
  document_id: string;
  subject: string;
  predicate: string;
  object: string | null;
  role: string | null;
  status: string | null;
  time: string | null;
  attributed_to: string | null;
  confidence: number;
}

export interface EventsTable {
  seq: Generated<number>;
  id: string;
  document_id: string;
  type: string;
  source: string;
  target: string | null;
  time: string | null;
  attributed_to: string | null;
  confidence: number | null;
}

export interface ClaimsTable {
  seq: Generated<number>;
  id: string;
  document_id: string;
  speaker: string;
  cue: string;
  text: string;
  quote: string;
  stance: string | null;
  time: string | null;
}

export interface ClaimAboutTable {
  claim_id: string;
  position: number;
  actor_id: string;
}

export interface ProvenanceTable {
  seq: Generated<number>;
  /** The relation, event or claim this span supports. */
  item_id: string;
  document_id: string;
  sentence: number | null;
  start: number;
  end: number;
  text: string;
}

export interface TimexesTable {
  document_id: string;
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

export interface PlacesTable {
  actor_id: string;
  name: string;
  lat: number;
  lon: number;
  country_code: string | null;
  feature_type: string;
  admin_code: string | null;
  approximate: boolean;
  score: number;
  reason: string;
  /** The readings not chosen, best first (JSON array). */
  alternatives: unknown;
  /** The document whose context decided the reading. */
  document_id: string;
}

export interface EventPlacesTable {
  event_id: string;
  /** The place words in the event's sentence. */
  mention: string;
  name: string;
  lat: number;
  lon: number;
  country_code: string | null;
  feature_type: string;
  approximate: boolean;
  reason: string;
}

export interface EventFiguresTable {
  event_id: string;
  kind: string;
  value: number;
  qualifier: string | null;
  text: string;
  start: number;
  end: number;
}

export interface EventClustersTable {
  event_id: string;
  /** The id of the cluster's first event. */
  cluster_id: string;
  /** Null for a cluster's first event; else the rule, score and explanation of the merge. */
  rule: string | null;
  score: number | null;
  explanation: string | null;
}

export interface EventSplitsTable {
  event_a: string;
  event_b: string;
  created_at: Generated<Date>;
}

export interface ActorMergesTable {
  seq: Generated<number>;
  /** The actor merged into (no foreign key: a manual merge's history outlives a removed actor). */
  actor_id: string;
  /** The document whose actor was merged; null for a manual merge. */
  document_id: string | null;
  /** A manual merge: the id of the actor merged in (reused when it is unmerged). */
  merged_actor: string | null;
  /** The merged actor's own name, type and subtype, to restore it on unmerge. */
  name: string;
  type: string;
  subtype: string | null;
  rule: string;
  score: number;
  /** The alias, key or name that matched. */
  evidence: string;
  explanation: string;
  /** The stored actor's name before this merge gave it a fuller one. */
  renamed_from: string | null;
  /** The rows that came in through this merge (see MergeItems in ./actor-merges.ts). */
  items: unknown;
  created_at: Generated<Date>;
  undone_at: Date | null;
  /** The actor the unmerge split these rows into. */
  split_into: string | null;
}

export interface ActorKeysTable {
  actor_id: string;
  /** "org:iskp" (gazetteer) or "phoenix:asif-ali-zardari" (PETRARCH person). */
  key: string;
  document_id: string;
}

export interface ActorMergeBlocksTable {
  actor_id: string;
  evidence: string;
  merge_seq: number | null;
  created_at: Generated<Date>;
}

export interface Database {
  documents: DocumentsTable;
  actors: ActorsTable;
  actor_aliases: ActorAliasesTable;
  mentions: MentionsTable;
  relations: RelationsTable;
  events: EventsTable;
  claims: ClaimsTable;
  claim_about: ClaimAboutTable;
  provenance: ProvenanceTable;
  timexes: TimexesTable;
  places: PlacesTable;
  event_places: EventPlacesTable;
  event_figures: EventFiguresTable;
  event_clusters: EventClustersTable;
  event_splits: EventSplitsTable;
  actor_merges: ActorMergesTable;
  actor_keys: ActorKeysTable;
  actor_merge_blocks: ActorMergeBlocksTable;
  document_signatures: DocumentSignaturesTable;
  document_bands: DocumentBandsTable;
}
