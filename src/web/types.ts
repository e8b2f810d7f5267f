/** Shapes of the API's answers (see /openapi.json); the model's own types where they are the same. */
import type { Actor, ActorMerge, Claim, Document, Event, Mention, Provenance, Relation } from "../model/index.js";

export type { Actor, ActorMerge, Claim, Document, Event, Mention, Provenance, Relation };
export type { EgoNetwork, GraphEdge, GraphNode, IngestJob } from "../api/types.js";
export type Dated<T> = T & { id: string; date: string };

export interface AliasSource {
  alias: string;
  document: string;
  date: string;
  global: boolean;
}

export interface Dossier {
  actor: Actor;
  aliasSources: AliasSource[];
  relations: Dated<Relation>[];
  events: Dated<Event>[];
  claimsBy: Dated<Claim>[];
  claimsAbout: Dated<Claim>[];
  related: Record<string, Actor>;
}

export interface DocumentView {
  document: Document;
  mentions: Mention[];
  relations: Dated<Relation>[];
  events: Dated<Event>[];
  claims: Dated<Claim>[];
  actors: Record<string, Actor>;
}

export interface SearchResult {
  actors: Actor[];
  claims: Dated<Claim>[];
  documents: { document: Pick<Document, "id" | "date" | "title" | "source" | "url">; snippet: string; rank: number }[];
}
