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
}
