import type { Actor, Claim, Document, DocumentAnalysis, Event, GraphExport, Mention, Relation, TimelineEntry } from "../model/index.js";
import type { MergedEvent, PlaceRecord } from "./geo-events.js";
import type { ActorMerge, UnmergeResult } from "./actor-merges.js";

export type SaveResult = { status: "inserted"; documentId: string } | { status: "duplicate"; documentId: string };

export interface ActorQuery {
  type?: string;
  q?: string;
  limit?: number;
  /** Results to skip first, for paging (with `limit`). */
  offset?: number;
}

export interface ClaimQuery {
  speaker?: string;
  about?: string;
  /** Words the claim's text contains (case-insensitive substring). */
  q?: string;
  limit?: number;
  /** Results to skip first, for paging (with `limit`). */
  offset?: number;
}

/** Everything known about one actor, with the documents' dates for each item. */
export interface ActorDossier {
  actor: Actor;
  relations: (Relation & { id: string; date: string })[];
  events: (Event & { id: string; date: string })[];
  claimsBy: (Claim & { id: string; date: string })[];
  claimsAbout: (Claim & { id: string; date: string })[];
  /** Other actors named as endpoints above, by id. */
  related: Record<string, Actor>;
}

export interface SearchHit {
  document: Pick<Document, "id" | "date" | "title" | "source" | "url">;
  snippet: string;
  rank: number;
}

/** An alias of an actor and the document that first gave it. */
export interface AliasSource {
  alias: string;
  document: string;
  date: string;
  /** false: an in-document alias ("the group"), valid only in that document. */
  global: boolean;
}

/** One document with everything read from it (for the reader view); actor ids are the store's. */
export interface DocumentView {
  document: Document;
  mentions: Mention[];
  relations: (Relation & { id: string; date: string })[];
  events: (Event & { id: string; date: string })[];
  claims: (Claim & { id: string; date: string })[];
  /** Every actor named above, by id. */
  actors: Record<string, Actor>;
}

/**
 * The graph store. One interface; `pglite/` (embedded, default) and `postgres/` implement it
 * with the same schema and queries.
 */
/** A text's MinHash signature and its LSH band keys (src/ingest/dedupe.ts computes them). */
export interface TextSignature {
  minhash: Uint32Array;
  bands: string[];
}

/** A document for `saveAnalyses`: analysed (and signed), or a near-duplicate copy of `originalId`, stored without analysis. */
export type SaveItem = { analysis: DocumentAnalysis; signature?: TextSignature } | { copy: Document; originalId: string };

export interface Store {
  /**
   * Stores one analysed document in one transaction; the same text twice is a no-op. With a
   * signature, the document is indexed (same transaction) so later near-duplicate copies find it.
   */
  saveAnalysis(analysis: DocumentAnalysis, signature?: TextSignature): Promise<SaveResult>;
  /**
   * Stores documents in order in one transaction, as successive `saveAnalysis` and `saveCopy` calls
   * would (a later document may name actors of an earlier one), with a few statements for all of them.
   */
  saveAnalyses(items: SaveItem[]): Promise<SaveResult[]>;
  /** Stores a near-duplicate copy as a source of `originalId`, without analysing it again. */
  saveCopy(document: Document, originalId: string): Promise<SaveResult>;
  /** Indexed documents sharing an LSH band with `bands`: the candidates a new text may copy. */
  nearDuplicateCandidates(bands: string[]): Promise<{ documentId: string; minhash: Uint32Array }[]>;
  /** The indexed documents under each of `bands` (one query for a batch of texts). */
  nearDuplicatesByBand(bands: string[]): Promise<Map<string, { documentId: string; minhash: Uint32Array }[]>>;
  /**
   * Runs `body` with a store whose saves share one transaction: everything it stores is committed
   * together, or nothing if it throws. Merges, unmerges and splits are not available inside.
   */
  batch<T>(body: (store: Store) => Promise<T>): Promise<T>;
  hasDocument(sha256: string): Promise<boolean>;
  /** Which of these texts (by SHA-256) are stored. */
  storedSha256s(sha256s: string[]): Promise<Set<string>>;
  documentBySha256(sha256: string): Promise<Document | undefined>;
  actors(query?: ActorQuery): Promise<Actor[]>;
  /** Finds an actor by id, name or alias (case-insensitive). */
  findActor(nameOrAlias: string): Promise<Actor | undefined>;
  dossier(actorId: string): Promise<ActorDossier | undefined>;
  claims(query?: ClaimQuery): Promise<(Claim & { id: string; date: string })[]>;
  search(text: string, limit?: number): Promise<SearchHit[]>;
  document(id: string): Promise<Document | undefined>;
  documentView(id: string): Promise<DocumentView | undefined>;
  aliasSources(actorId: string): Promise<AliasSource[]>;
  /** The whole graph; with `timeline`, also each actor's timeline. */
  exportGraph(options?: { timeline?: boolean }): Promise<GraphExport>;
  /** Place actors (GPE, LOC) with where the geocoder put them and why. */
  places(): Promise<PlaceRecord[]>;
  /** Happenings: events merged across reports, each with every report; those of one actor if given. */
  mergedEvents(actorId?: string): Promise<MergedEvent[]>;
  /** Undoes a merge: the event leaves its happening and is never merged with those reports again. */
  splitEvent(eventId: string): Promise<{ from: string; now: string }>;
  /** The actor's happenings and relations in event-date order (ISO date bounds, inclusive). */
  timeline(actorId: string, range?: { from?: string; to?: string }): Promise<TimelineEntry[]>;
  /** The merges into an actor (with rule, score and evidence) and those split out of it, oldest first. */
  actorMerges(actorId: string): Promise<ActorMerge[]>;
  /** Cross-document keys of an actor: gazetteer keys ("org:iskp") and Phoenix persons ("phoenix:asif-ali-zardari"). */
  actorKeys(actorId: string): Promise<string[]>;
  /**
   * Undoes merges into an actor in one transaction: the rows they brought move to a separate actor,
   * and their evidence never joins that actor again. `from`: a document id, a merged actor id, or an alias.
   */
  unmergeActor(actorId: string, from?: string): Promise<UnmergeResult>;
  /** Joins actor `fromId` into `intoId` by hand (rule "manual"), undoable with unmergeActor. */
  mergeActors(intoId: string, fromId: string): Promise<ActorMerge>;
  /** Rows naming a document that is not stored (references the schema leaves to the write path; see integrity.ts): none in a whole store. */
  orphanRows(): Promise<{ table: string; column: string; rows: number }[]>;
  close(): Promise<void>;
}
