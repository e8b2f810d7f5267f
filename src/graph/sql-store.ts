/**
 * The one Store implementation: Kysely over PostgreSQL SQL. The pglite/ and postgres/ folders
 * only build a Kysely instance for their backend; schema and queries are shared.
 */
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from "kysely";
import {
  isEntityType,
  type Actor,
  type Claim,
  type Document,
  type DocumentAnalysis,
  type EntityType,
  type Event,
  type Mention,
  type GraphExport,
  type PloverType,
  type Predicate,
  type Provenance,
  type QuoteKind,
  type Relation,
  type TimelineEntry,
} from "../model/index.js";
import { actorSlugId, isGlobalAlias, matchKeys, normaliseAlias, type Candidate } from "../resolve/match.js";
import { decideMerge } from "../resolve/cross-document.js";
import { activeMerges, actorMerges, withMerges, mergeActors, noteNewActor, recordMerges, unmergeActor, type ActorMerge, type PendingMerge, type UnmergeResult } from "./actor-merges.js";
import type { ActorAliasesTable, ActorsTable, ClaimAboutTable, Database, DocumentsTable, ProvenanceTable } from "./schema.js";
import type { ActorDossier, ActorQuery, AliasSource, ClaimQuery, DocumentView, SaveItem, SaveResult, SearchHit, Store, TextSignature } from "./store.js";
import { insertDocument, insertDocuments, nearDuplicateCandidates, nearDuplicatesByBand, recordSignature } from "./near-duplicates.js";
import { PendingWrites } from "./writes.js";
import { actorTimeline, geoAndClusters, listPlaces, mergedEvents, recordPlacesAndEvents, splitEvent, type MergedEvent, type PlaceRecord, type ResolvedAnalysis } from "./geo-events.js";
import { ActorState, anyOf } from "./actor-state.js";
import { orphanRows } from "./integrity.js";
import type { StatisticsUpkeep } from "./statistics.js";

type Dated<T> = T & { id: string; date: string };
type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** Serialises actor resolution between concurrent writers (workers) so two never create one actor twice. */
const RESOLVE_LOCK = 0x646f7373; // "doss"

/** A batch's transaction state. */
interface BatchState {
  /** Whether it holds the actor-resolution lock. */
  locked: boolean;
  /** Analysed documents whose rows are written. */
  analysed: number;
  /** Analysed documents stored but for their rows (see `settle`). */
  pending: { analysis: DocumentAnalysis; signature?: TextSignature }[];
}

/** Store methods (and their helper) that read or write the documents table alone, which a batch writes at once. */
const DOCUMENTS_ONLY = new Set<string | symbol>(["saveAnalysis", "saveAnalyses", "saveCopy", "storedSha256s", "hasDocument", "document", "documentBySha256", "documentWhere", "batch"]);

export class SqlStore implements Store {
  /** `release` runs after the connection is closed (the embedded backend's directory lock). */
  constructor(
    private readonly db: Db,
    private readonly release: () => void = () => {},
    /** Set on the store `batch` hands out: its `db` is that batch's transaction. */
    private readonly batchState?: BatchState,
    /** Set for PGlite, which keeps no planner statistics by itself (./statistics.ts). */
    private readonly statistics?: StatisticsUpkeep,
  ) {}

  async saveAnalysis(analysis: DocumentAnalysis, signature?: TextSignature): Promise<SaveResult> {
    return (await this.saveAnalyses([{ analysis, signature }]))[0]!;
  }

  /**
   * Stores analysed documents in order, in one transaction, as successive `saveAnalysis` calls would:
   * a later document's actors may join those of an earlier one. The document rows go in at once;
   * the rest waits until the batch ends or reads more than documents (`settle`), so that the reads
   * resolution needs are made once for all the batch's documents and the rows go out in a few
   * statements for the lot, even when copies and duplicate checks come in between.
   */
  async saveAnalyses(items: SaveItem[]): Promise<SaveResult[]> {
    if (!this.batchState) return this.batch((store) => store.saveAnalyses(items));
    const results = await insertDocuments(this.db, items.map((item) => ("copy" in item ? { document: item.copy, duplicateOf: item.originalId } : { document: item.analysis.document, duplicateOf: null })));
    // Copies need nothing more than their document row.
    this.batchState.pending.push(...items.flatMap((item, i) => ("analysis" in item && results[i]!.status === "inserted" ? [item] : [])));
    return results;
  }

  /** Resolves and writes the rows of the batch's analysed documents not written yet. */
  private async settle(): Promise<void> {
    const fresh = this.batchState?.pending.splice(0) ?? [];
    if (fresh.length === 0) return;
    const trx = this.db as Trx;
    this.batchState!.analysed += fresh.length;
    if (!this.batchState!.locked) {
      await sql`SELECT pg_advisory_xact_lock(${RESOLVE_LOCK})`.execute(trx);
      this.batchState!.locked = true;
    }
    const writes = new PendingWrites();
    const state = await ActorState.load(trx, fresh.flatMap(({ analysis }) => analysis.actors));
    const resolved: ResolvedAnalysis[] = [];
    for (const { analysis } of fresh) {
      const merges: PendingMerge[] = [];
      const actorIds = await resolveActors(writes, state, analysis.actors, analysis.document.id, merges);
      recordMerges(writes, state, analysis, actorIds, merges);
      resolved.push({ analysis, actorIds });
    }
    for (const { analysis, actorIds } of resolved) insertItems(writes, analysis, actorIds);
    await recordPlacesAndEvents(trx, writes, resolved);
    for (const { analysis, signature } of fresh) if (signature) recordSignature(writes, analysis.document.id, signature);
    await writes.flush(trx);
  }

  /**
   * Runs `body` with a store whose saves share one transaction (and one actor-resolution lock):
   * everything it stores is committed together, or nothing if it throws. Its reads see all it stored.
   */
  async batch<T>(body: (store: Store) => Promise<T>): Promise<T> {
    if (this.batchState) return body(this);
    const state: BatchState = { locked: false, analysed: 0, pending: [] };
    const result = await this.db.transaction().execute(async (trx) => {
      const store = new SqlStore(trx, () => {}, state);
      const value = await body(SqlStore.settling(store));
      await store.settle();
      return value;
    });
    await this.statistics?.afterCommit(this.db, state.analysed);
    return result;
  }

  /** The batch store as `batch` hands it out: every method but those of the documents table settles first. */
  private static settling(store: SqlStore): Store {
    return new Proxy(store, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== "function" || DOCUMENTS_ONLY.has(property)) return value;
        return async (...args: unknown[]) => {
          await target.settle();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  }

  async saveCopy(document: Document, originalId: string): Promise<SaveResult> {
    return insertDocument(this.db, document, originalId);
  }

  async nearDuplicateCandidates(bands: string[]): Promise<{ documentId: string; minhash: Uint32Array }[]> {
    return nearDuplicateCandidates(this.db, bands);
  }

  nearDuplicatesByBand(bands: string[]): Promise<Map<string, { documentId: string; minhash: Uint32Array }[]>> {
    return nearDuplicatesByBand(this.db, bands);
  }

  async storedSha256s(sha256s: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const part of chunks([...new Set(sha256s)], 5000)) {
      for (const row of await this.db.selectFrom("documents").select("sha256").where("sha256", "=", anyOf(part)).execute()) found.add(row.sha256);
    }
    return found;
  }

  async hasDocument(sha256: string): Promise<boolean> {
    const row = await this.db.selectFrom("documents").select("id").where("sha256", "=", sha256).executeTakeFirst();
    return row !== undefined;
  }

  async actors(query: ActorQuery = {}): Promise<Actor[]> {
    let select = this.db.selectFrom("actors").selectAll().orderBy("name").orderBy("id");
    if (query.type) select = select.where("type", "=", query.type.toUpperCase());
    if (query.q) {
      const pattern = `%${escapeLike(query.q)}%`;
      select = select.where((eb) =>
        eb.or([
          eb("name", "ilike", pattern),
          eb("id", "in", eb.selectFrom("actor_aliases").select("actor_id").where("alias", "ilike", pattern)),
        ]),
      );
    }
    if (query.limit !== undefined) select = select.limit(query.limit);
    if (query.offset) select = select.offset(query.offset);
    return this.withAliases(await select.execute());
  }

  async findActor(nameOrAlias: string): Promise<Actor | undefined> {
    const byId = await this.db.selectFrom("actors").selectAll().where("id", "=", nameOrAlias).executeTakeFirst();
    if (byId) return (await this.withAliases([byId]))[0];
    const norm = normaliseAlias(nameOrAlias);
    if (!norm) return undefined;
    // Global aliases first; then in-document ones; among several, the actor named most often.
    const row = await this.db
      .selectFrom("actor_aliases as al")
      .innerJoin("actors as a", "a.id", "al.actor_id")
      .selectAll("a")
      .select((eb) => [
        eb.fn.max(sql<number>`CASE WHEN al.global THEN 1 ELSE 0 END`).as("is_global"),
        eb
          .selectFrom("mentions as m")
          .select((m) => m.fn.countAll<number>().as("n"))
          .whereRef("m.actor_id", "=", "a.id")
          .as("mention_count"),
      ])
      .where("al.norm", "=", norm)
      .groupBy(["a.seq", "a.id", "a.name", "a.type", "a.subtype", "a.first_document"])
      .orderBy("is_global", "desc")
      .orderBy("mention_count", "desc")
      .orderBy("a.seq")
      .executeTakeFirst();
    if (!row) return undefined;
    return (await this.withAliases([row]))[0];
  }

  async dossier(actorId: string): Promise<ActorDossier | undefined> {
    const actor = (await this.withAliases(await this.db.selectFrom("actors").selectAll().where("id", "=", actorId).execute()))[0];
    if (!actor) return undefined;
    const relations = await this.relations(actorId);
    const events = await this.events(actorId);
    const claimsBy = await this.claimRows({ speaker: actorId });
    const claimsAbout = await this.claimRows({ about: actorId });
    const relatedIds = new Set<string>();
    for (const r of relations) [r.subject, r.object, r.attributed_to].forEach((id) => id && relatedIds.add(id));
    for (const e of events) [e.source, e.target, e.attributed_to].forEach((id) => id && relatedIds.add(id));
    for (const c of [...claimsBy, ...claimsAbout]) [c.speaker, ...c.about].forEach((id) => relatedIds.add(id));
    relatedIds.delete(actorId);
    const related: Record<string, Actor> = {};
    if (relatedIds.size > 0) {
      const rows = await this.db.selectFrom("actors").selectAll().where("id", "in", [...relatedIds]).execute();
      for (const a of await this.withAliases(rows)) related[a.id] = a;
    }
    return { actor, relations, events, claimsBy, claimsAbout, related };
  }

  async claims(query: ClaimQuery = {}): Promise<Dated<Claim>[]> {
    const speaker = query.speaker === undefined ? undefined : (await this.findActor(query.speaker))?.id;
    const about = query.about === undefined ? undefined : (await this.findActor(query.about))?.id;
    if ((query.speaker !== undefined && !speaker) || (query.about !== undefined && !about)) return [];
    return this.claimRows({ speaker, about, q: query.q, limit: query.limit, offset: query.offset });
  }

  async search(text: string, limit = 20): Promise<SearchHit[]> {
    if (!text.trim()) return [];
    const query = sql`websearch_to_tsquery('english', ${text})`;
    const rows = await this.db
      .selectFrom("documents")
      .select(["id", "date", "title", "source", "url"])
      .select(sql<number>`ts_rank(tsv, ${query})`.as("rank"))
      .select(
        sql<string>`ts_headline('english', text, ${query}, 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')`.as(
          "snippet",
        ),
      )
      .where(sql<boolean>`tsv @@ ${query}`)
      .orderBy("rank", "desc")
      .orderBy("date", "desc")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      document: compact({ id: row.id, date: row.date, title: row.title, source: row.source, url: row.url }) as SearchHit["document"],
      snippet: row.snippet.replace(/\s+/g, " ").trim(),
      rank: Number(row.rank),
    }));
  }

  async document(id: string): Promise<Document | undefined> {
    return this.documentWhere("id", id);
  }

  async documentBySha256(sha256: string): Promise<Document | undefined> {
    return this.documentWhere("sha256", sha256);
  }

  private async documentWhere(column: "id" | "sha256", value: string): Promise<Document | undefined> {
    const row = await this.db
      .selectFrom("documents")
      .select(["id", "date", "title", "source", "url", "text", "sha256", "duplicate_of"])
      .where(column, "=", value)
      .executeTakeFirst();
    return row ? toDocument(row) : undefined;
  }

  async documentView(id: string): Promise<DocumentView | undefined> {
    const document = await this.document(id);
    if (!document) return undefined;
    const mentionRows = await this.db
      .selectFrom("mentions")
      .select(["start", "end", "text", "type", "actor_id"])
      .where("document_id", "=", id)
      .orderBy("start")
      .orderBy("end")
      .execute();
    const mentions = mentionRows.map(
      (m) => compact({ doc: id, start: m.start, end: m.end, text: m.text, type: asEntityType(m.type), actor: m.actor_id }) as Mention,
    );
    const relations = await this.relations(undefined, id);
    const events = await this.events(undefined, id);
    const claims = await this.claimRows({ documentId: id });
    const actorIds = new Set<string>();
    for (const m of mentions) if (m.actor) actorIds.add(m.actor);
    for (const r of relations) [r.subject, r.object, r.attributed_to].forEach((a) => a && actorIds.add(a));
    for (const e of events) [e.source, e.target, e.attributed_to].forEach((a) => a && actorIds.add(a));
    for (const c of claims) [c.speaker, ...c.about].forEach((a) => actorIds.add(a));
    const actors: Record<string, Actor> = {};
    if (actorIds.size > 0) {
      const rows = await this.db.selectFrom("actors").selectAll().where("id", "in", [...actorIds]).execute();
      for (const a of await this.withAliases(rows)) actors[a.id] = a;
    }
    return { document, mentions, relations, events, claims, actors };
  }

  async aliasSources(actorId: string): Promise<AliasSource[]> {
    const rows = await this.db
      .selectFrom("actor_aliases as al")
      .innerJoin("documents as d", "d.id", "al.document_id")
      .select(["al.alias", "al.document_id", "d.date", "al.global"])
      .where("al.actor_id", "=", actorId)
      .orderBy("al.global", "desc")
      .orderBy("d.date")
      .orderBy("al.alias")
      .execute();
    return rows.map((row) => ({ alias: row.alias, document: row.document_id, date: row.date, global: row.global }));
  }

  async exportGraph(options: { timeline?: boolean } = {}): Promise<GraphExport> {
    const documents = await this.db
      .selectFrom("documents")
      .select(["id", "date", "title", "source", "url", "text", "sha256", "duplicate_of"])
      .orderBy("seq")
      .execute();
    const actors = await this.withAliases(await this.db.selectFrom("actors").selectAll().orderBy("id").execute());
    const strip = <T extends { date: string }>(item: T): Omit<T, "date"> => {
      const { date: _date, ...rest } = item;
      return rest;
    };
    const geo = await geoAndClusters(this.db);
    const merges = await activeMerges(this.db);
    const graph: GraphExport = {
      documents: documents.map(toDocument),
      actors: actors.map((actor) => (geo.actors.has(actor.id) ? { ...actor, geo: geo.actors.get(actor.id) } : actor)).map((actor) => withMerges(actor, merges)),
      relations: (await this.relations()).map(strip),
      events: (await this.events()).map(strip).map((event) => ({
        ...event,
        ...(geo.events.has(event.id) ? { geo: geo.events.get(event.id) } : {}),
        ...(geo.merged.has(event.id) ? { cluster: geo.clusters.get(event.id) } : {}),
      })),
      claims: (await this.claimRows({})).map(strip),
    };
    if (options.timeline) {
      graph.timeline = {};
      for (const actor of actors) {
        const entries = await actorTimeline(this.db, actor.id);
        if (entries.length > 0) graph.timeline[actor.id] = entries;
      }
    }
    return graph;
  }

  places(): Promise<PlaceRecord[]> {
    return listPlaces(this.db);
  }

  mergedEvents(actorId?: string): Promise<MergedEvent[]> {
    return mergedEvents(this.db, actorId);
  }

  splitEvent(eventId: string): Promise<{ from: string; now: string }> {
    return splitEvent(this.db, eventId);
  }

  timeline(actorId: string, range?: { from?: string; to?: string }): Promise<TimelineEntry[]> {
    return actorTimeline(this.db, actorId, range);
  }

  actorMerges(actorId: string): Promise<ActorMerge[]> {
    return actorMerges(this.db, actorId);
  }

  async actorKeys(actorId: string): Promise<string[]> {
    const rows = await this.db.selectFrom("actor_keys").select("key").where("actor_id", "=", actorId).orderBy("key").execute();
    return rows.map((row) => row.key);
  }

  unmergeActor(actorId: string, from?: string): Promise<UnmergeResult> {
    return this.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${RESOLVE_LOCK})`.execute(trx);
      return unmergeActor(trx, actorId, from);
    });
  }

  mergeActors(intoId: string, fromId: string): Promise<ActorMerge> {
    return this.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${RESOLVE_LOCK})`.execute(trx);
      return mergeActors(trx, intoId, fromId);
    });
  }

  orphanRows(): Promise<{ table: string; column: string; rows: number }[]> {
    return orphanRows(this.db);
  }

  async close(): Promise<void> {
    if (this.batchState) throw new Error("a batch's store closes with its batch");
    try {
      await this.db.destroy();
    } finally {
      this.release();
    }
  }

  private async withAliases(rows: { id: string; name: string; type: string; subtype: string | null }[]): Promise<Actor[]> {
    if (rows.length === 0) return [];
    const aliases = await this.db
      .selectFrom("actor_aliases")
      .select(["actor_id", "alias"])
      .where("actor_id", "in", rows.map((row) => row.id))
      .orderBy("actor_id")
      .orderBy("global", "desc")
      .orderBy("alias")
      .execute();
    const byActor = groupBy(aliases, (a) => a.actor_id);
    return rows.map((row) => {
      const seen = new Set([row.name]);
      const list: string[] = [];
      for (const { alias } of byActor.get(row.id) ?? []) {
        if (!seen.has(alias)) list.push(alias);
        seen.add(alias);
      }
      return compact({ id: row.id, name: row.name, type: asEntityType(row.type), subtype: row.subtype, aliases: list }) as Actor;
    });
  }

  private async provenance(itemIds: string[]): Promise<Map<string, Provenance[]>> {
    const rows: { item_id: string; document_id: string; sentence: number | null; start: number; end: number; text: string }[] = [];
    for (const ids of chunks(itemIds, 5000)) {
      rows.push(
        ...(await this.db
          .selectFrom("provenance")
          .select(["item_id", "document_id", "sentence", "start", "end", "text"])
          .where("item_id", "in", ids)
          .orderBy("seq")
          .execute()),
      );
    }
    const grouped = groupBy(rows, (row) => row.item_id);
    return new Map(
      [...grouped].map(([id, list]) => [
        id,
        list.map((p) => compact({ document: p.document_id, start: p.start, end: p.end, text: p.text, sentence: p.sentence }) as Provenance),
      ]),
    );
  }

  /** All relations, or those where `actorId` is subject, object or source of the claim; or those read from `documentId`. */
  private async relations(actorId?: string, documentId?: string): Promise<Dated<Relation>[]> {
    const { rows, provenance } = await this.datedItems("relations", ["subject", "object", "attributed_to"], actorId, documentId);
    return rows.map(
      (row) =>
        compact({
          id: row.id,
          date: row.date,
          subject: row.subject,
          predicate: row.predicate as Predicate,
          object: row.object,
          role: row.role,
          status: row.status,
          time: row.time,
          attributed_to: row.attributed_to,
          confidence: Number(row.confidence),
          provenance: provenance.get(row.id) ?? [],
        }, ["object", "attributed_to"]) as Dated<Relation>,
    );
  }

  /** All events, or those where `actorId` is source, target or source of the claim; or those read from `documentId`. */
  private async events(actorId?: string, documentId?: string): Promise<Dated<Event>[]> {
    const { rows, provenance } = await this.datedItems("events", ["source", "target", "attributed_to"], actorId, documentId);
    return rows.map(
      (row) =>
        compact({
          id: row.id,
          date: row.date,
          type: row.type as PloverType,
          source: row.source,
          target: row.target,
          time: row.time,
          attributed_to: row.attributed_to,
          confidence: row.confidence === null ? null : Number(row.confidence),
          provenance: provenance.get(row.id) ?? [],
        }, ["target", "attributed_to"]) as Dated<Event>,
    );
  }

  /**
   * Rows of `table` with their document's date, in date then reading order: all, those naming
   * `actorId` in one of `actorColumns`, or those read from `documentId`; with their provenance.
   */
  private async datedItems<T extends "relations" | "events">(
    table: T,
    actorColumns: (keyof Database[T] & string)[],
    actorId?: string,
    documentId?: string,
  ): Promise<{ rows: Dated<Selectable<Database[T]>>[]; provenance: Map<string, Provenance[]> }> {
    let select = this.db
      .selectFrom(sql<{ id: string; document_id: string; seq: number }>`${sql.table(table)}`.as("i"))
      .innerJoin("documents as d", "d.id", "i.document_id")
      .selectAll("i")
      .select("d.date")
      .orderBy("d.date")
      .orderBy("i.seq");
    if (actorId) select = select.where((eb) => eb.or(actorColumns.map((column) => eb(sql.ref(`i.${column}`), "=", actorId))));
    if (documentId) select = select.where("i.document_id", "=", documentId);
    const rows = (await select.execute()) as unknown as Dated<Selectable<Database[T]>>[];
    return { rows, provenance: await this.provenance(rows.map((row) => row.id)) };
  }

  private async claimRows(filter: { speaker?: string; about?: string; documentId?: string; q?: string; limit?: number; offset?: number }): Promise<Dated<Claim>[]> {
    let select = this.db
      .selectFrom("claims as c")
      .innerJoin("documents as d", "d.id", "c.document_id")
      .selectAll("c")
      .select("d.date")
      .orderBy("d.date")
      .orderBy("c.seq");
    if (filter.speaker) select = select.where("c.speaker", "=", filter.speaker);
    if (filter.documentId) select = select.where("c.document_id", "=", filter.documentId);
    if (filter.q?.trim()) select = select.where("c.text", "ilike", `%${escapeLike(filter.q.trim())}%`);
    if (filter.about) {
      const about = filter.about;
      select = select.where("c.id", "in", (eb) => eb.selectFrom("claim_about").select("claim_id").where("actor_id", "=", about));
    }
    if (filter.limit !== undefined) select = select.limit(filter.limit);
    if (filter.offset) select = select.offset(filter.offset);
    const rows = await select.execute();
    const ids = rows.map((row) => row.id);
    const aboutRows: { claim_id: string; actor_id: string }[] = [];
    for (const part of chunks(ids, 5000)) {
      aboutRows.push(
        ...(await this.db
          .selectFrom("claim_about")
          .select(["claim_id", "actor_id"])
          .where("claim_id", "in", part)
          .orderBy("claim_id")
          .orderBy("position")
          .execute()),
      );
    }
    const aboutBy = groupBy(aboutRows, (row) => row.claim_id);
    const prov = await this.provenance(ids);
    return rows.map(
      (row) =>
        compact({
          id: row.id,
          date: row.date,
          speaker: row.speaker,
          about: (aboutBy.get(row.id) ?? []).map((a) => a.actor_id),
          cue: row.cue,
          text: row.text,
          quote: row.quote as QuoteKind,
          stance: row.stance,
          time: row.time,
          provenance: prov.get(row.id) ?? [],
        }) as Dated<Claim>,
    );
  }
}

/**
 * Maps the analysis' document-local actor ids onto store actors: an existing actor when one
 * matches (see resolve/match.ts), else a new one with a readable id. Records every alias.
 * Reads what the store holds from `state` (loaded once per batch), and adds what it decides to it.
 * Each match is a merge, explained and added to `merges` (see resolve/cross-document.ts),
 * recorded once the rows are stored.
 */
async function resolveActors(writes: PendingWrites, state: ActorState, actors: Actor[], documentId: string, merges: PendingMerge[]): Promise<Map<string, string>> {
  for (const actor of actors) {
    if (!isEntityType(actor.type)) throw new Error(`actor ${actor.id} has unknown type ${JSON.stringify(actor.type)}`);
  }
  const stored = state.candidates([...new Set(actors.flatMap((actor) => matchKeys(actor)))]);
  const candidates: Candidate[] = stored.map(({ actorId, name, type, subtype, norm }) => ({ actorId, name, type, subtype, norm }));
  const lacksSubtype = new Set(stored.filter((row) => row.subtype === null).map((row) => row.actorId));
  const evidence = await state.evidence(actors);

  const ids = new Map<string, string>();
  const newActors: Insertable<ActorsTable>[] = [];
  const aliasRows: Insertable<ActorAliasesTable>[] = [];
  const subtypes = new Map<string, string>();
  for (const actor of actors) {
    const decision = decideMerge(actor, candidates, evidence);
    let storeId = decision?.storeId;
    if (decision && storeId) {
      if (actor.subtype && lacksSubtype.has(storeId)) subtypes.set(storeId, actor.subtype);
      merges.push({ actor, decision });
    } else {
      storeId = await state.freeId(actorSlugId(actor));
      newActors.push({ id: storeId, name: actor.name, type: actor.type, subtype: actor.subtype ?? null, first_document: documentId });
      // Later actors of this document may match the one just created.
      for (const norm of matchKeys(actor)) candidates.push({ actorId: storeId, name: actor.name, type: actor.type, subtype: actor.subtype ?? null, norm });
      noteNewActor(evidence, actor, storeId);
    }
    for (const alias of [actor.name, ...actor.aliases]) {
      const norm = normaliseAlias(alias);
      if (norm) aliasRows.push({ actor_id: storeId, alias: alias.trim(), norm, document_id: documentId, global: isGlobalAlias(actor, alias) });
    }
    ids.set(actor.id, storeId);
  }
  writes.insert("actors", newActors);
  writes.insert("actor_aliases", state.addActors(newActors, aliasRows), { doNothing: true });
  for (const [id, subtype] of subtypes) {
    if (state.setSubtype(id, subtype)) writes.update((trx) => trx.updateTable("actors").set({ subtype }).where("id", "=", id).where("subtype", "is", null).execute());
  }
  return ids;
}

export function freeId(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function insertItems(writes: PendingWrites, analysis: DocumentAnalysis, actorIds: Map<string, string>): void {
  const doc = analysis.document;
  const actor = (localId: string, what: string): string => {
    const id = actorIds.get(localId);
    if (!id) throw new Error(`${what} refers to unknown actor ${JSON.stringify(localId)} in document ${doc.id}`);
    return id;
  };
  const optionalActor = (localId: string | null, what: string) => (localId === null ? null : actor(localId, what));
  const provenance: Omit<ProvenanceTable, "seq">[] = [];
  const addProvenance = (itemId: string, spans: Provenance[]) => {
    for (const p of spans) {
      provenance.push({ item_id: itemId, document_id: doc.id, sentence: p.sentence ?? null, start: p.start, end: p.end, text: p.text });
    }
  };

  const mentions = analysis.mentions.map((m) => ({
    document_id: doc.id,
    start: m.start,
    end: m.end,
    text: m.text,
    type: m.type,
    actor_id: m.actor === undefined ? null : actor(m.actor, "mention"),
  }));
  const relations = analysis.relations.map((r, i) => {
    const id = `rel:${doc.id}:${i}`;
    addProvenance(id, r.provenance);
    return {
      id,
      document_id: doc.id,
      subject: actor(r.subject, "relation subject"),
      predicate: r.predicate,
      object: optionalActor(r.object, "relation object"),
      role: r.role ?? null,
      status: r.status ?? null,
      time: r.time ?? null,
      attributed_to: optionalActor(r.attributed_to, "relation attribution"),
      confidence: r.confidence,
    };
  });
  const events = analysis.events.map((e, i) => {
    const id = `evt:${doc.id}:${i}`;
    addProvenance(id, e.provenance);
    return {
      id,
      document_id: doc.id,
      type: e.type,
      source: actor(e.source, "event source"),
      target: optionalActor(e.target, "event target"),
      time: e.time ?? null,
      attributed_to: optionalActor(e.attributed_to, "event attribution"),
      confidence: e.confidence ?? null,
    };
  });
  const about: ClaimAboutTable[] = [];
  const claims = analysis.claims.map((c, i) => {
    const id = `clm:${doc.id}:${i}`;
    addProvenance(id, c.provenance);
    c.about.forEach((localId, position) => about.push({ claim_id: id, position, actor_id: actor(localId, "claim about") }));
    return {
      id,
      document_id: doc.id,
      speaker: actor(c.speaker, "claim speaker"),
      cue: c.cue,
      text: c.text,
      quote: c.quote,
      stance: c.stance ?? null,
      time: c.time ?? null,
    };
  });
  const timexes = analysis.timexes.map((t) => ({ document_id: doc.id, start: t.start, end: t.end, text: t.text, type: t.type, value: t.value }));

  writes.insert("mentions", mentions);
  writes.insert("relations", relations);
  writes.insert("events", events);
  writes.insert("claims", claims);
  writes.insert("claim_about", about);
  writes.insert("provenance", provenance);
  writes.insert("timexes", timexes);
}

/** A documents row (its columns but the sequence number) as the model's Document. */
function toDocument(row: Omit<DocumentsTable, "seq" | "duplicate_of"> & { duplicate_of?: string | null }): Document {
  return compact(row) as Document;
}

function asEntityType(type: string): EntityType {
  if (!isEntityType(type)) throw new Error(`store holds an actor of unknown type ${JSON.stringify(type)}`);
  return type;
}

/** Drops null/undefined fields (optional in the model) except those the model keeps as explicit null. */
function compact<T extends Record<string, unknown>>(row: T, keepNull: string[] = []): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === undefined || (value === null && !keepNull.includes(key))) continue;
    out[key] = value;
  }
  return out as Partial<T>;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
