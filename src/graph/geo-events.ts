/**
 * Places and cross-document events in the store. At ingest (inside the document's transaction):
 * place actors are geocoded once, with the document as context; each event gets the place its
 * sentence gives, the figures its report gives, and a cluster (an existing happening it matches,
 * or a new one). Queries read places, merged events and timelines back; splits undo merges.
 */
import type { Insertable, Kysely, Transaction } from "kysely";
import type { DocumentAnalysis, Geo, Mention, PloverType, Provenance, TimelineEntry } from "../model/index.js";
import { extractFigures, sentenceAround, type Figure } from "../resolve/events/figures.js";
import { chooseCluster, vetoKey, type EventMention } from "../resolve/events/resolve.js";
import { eventDays, formatDay } from "../resolve/events/time.js";
import { findDateline } from "../resolve/geo/dateline.js";
import { loadGeocoder, type Geocoder } from "../resolve/geo/geocode.js";
import type { FeatureType, GeoCandidate, GeoResolution } from "../resolve/geo/types.js";
import type { Database, EventClustersTable, EventFiguresTable, EventPlacesTable, PlacesTable } from "./schema.js";
import type { PendingWrites } from "./writes.js";
import { chunks } from "./sql-store.js";
import { anyOf } from "./actor-state.js";

type Db = Kysely<Database> | Transaction<Database>;

const PLACE_TYPES = ["GPE", "LOC"];
/** Words that put a happening at a place: "in Pakistan's Khyber Pakhtunkhwa province", "near Basra". */
const LOCATIVE = /\b(in|near|at|outside|into|across|on|off|around|inside|within|over)\s+(?:the\s+)?(?:[\p{L}'’.-]+\s+){0,3}$/iu;
/** "active in", "based in": the place describes an actor, not where the event happened. */
const ATTRIBUTIVE = /\b(active|based|located|operating|present|headquartered|born|living|stationed)\s+(in|near|at|across|inside|within)\s+(?:the\s+)?(?:[\p{L}'’.-]+\s+){0,3}$/iu;
/** More specific places say more about where something happened. */
const SPECIFICITY: Record<FeatureType, number> = { city: 6, admin2: 5, island: 4, admin1: 4, region: 2, country: 1, continent: 0 };

export interface PlaceRecord {
  actor: { id: string; name: string; type: string };
  geo?: Geo & { admin_code?: string; score: number; alternatives: GeoCandidate[]; document: string };
}

export interface MergedEventMember {
  event: string;
  document: string;
  date: string;
  outlet?: string;
  time?: string;
  provenance: Provenance[];
  figures: Omit<Figure, "start" | "end">[];
  /** How it joined the cluster; absent for the cluster's first event. */
  merge?: { rule: string; score: number; explanation: string };
  /** Set when this source is a near-duplicate copy of the document it names (stored without analysis). */
  copy_of?: string;
}

export interface MergedEvent {
  id: string;
  type: PloverType;
  source: string;
  target: string | null;
  attributed_to: string | null;
  /** The earliest event date any report gives, else the first report's publication date. */
  date: string;
  date_basis: "event" | "publication";
  geo?: Geo;
  members: MergedEventMember[];
}

interface GeoRow {
  name: string | null;
  lat: number | null;
  lon: number | null;
  country_code: string | null;
  feature_type: string | null;
  approximate: boolean | null;
}

/** A stored point as the model's `geo`, or undefined when the row has none (outer joins). */
function rowGeo(row: GeoRow, reason?: string): Geo | undefined {
  if (row.name === null || row.lat === null || row.lon === null || row.feature_type === null) return undefined;
  return {
    name: row.name,
    lat: Number(row.lat),
    lon: Number(row.lon),
    ...(row.country_code ? { country_code: row.country_code } : {}),
    feature_type: row.feature_type,
    ...(reason !== undefined ? { reason } : {}),
    ...(row.approximate ? { approximate: true } : {}),
  };
}

/** A TIMEX3 value's calendar part at its own precision: "2015", "2015-01", "1987-03-24TNI" → "1987-03-24". */
function calendarDate(value: string): string {
  return /^\d{4}-W\d{2}$/.test(value) ? formatDay(eventDays(value, undefined)!.from) : value.slice(0, 10);
}

/** Whether date `a` is not before `b`, comparing at the coarser of their precisions ("2015" overlaps "2015-06"). */
function atOrAfter(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) >= b.slice(0, n);
}

/** One analysed document of a batch, with its actors' store ids. */
export interface ResolvedAnalysis {
  analysis: DocumentAnalysis;
  actorIds: Map<string, string>;
}

/**
 * Ingest step for a batch of documents, in order: geocode each document's new place actors, place
 * and cluster its events. A constant number of reads for the whole batch; a later document sees the
 * places and happenings of the earlier ones.
 */
export async function recordPlacesAndEvents(trx: Transaction<Database>, writes: PendingWrites, batch: ResolvedAnalysis[]): Promise<void> {
  const placeActorIds = batch.flatMap(({ analysis, actorIds }) => analysis.actors.filter((a) => PLACE_TYPES.includes(a.type) && actorIds.has(a.id)).map((a) => actorIds.get(a.id)!));
  if (placeActorIds.length === 0 && batch.every(({ analysis }) => analysis.events.length === 0)) return;
  const geocoder = await loadGeocoder();
  // A place is placed once, by the document that first names it.
  const placed = new Set<string>();
  for (const part of chunks([...new Set(placeActorIds)], 2000)) {
    for (const row of await trx.selectFrom("places").select("actor_id").where("actor_id", "=", anyOf(part)).execute()) placed.add(row.actor_id);
  }
  const placeRows: Insertable<PlacesTable>[] = [];
  const figureRows: Insertable<EventFiguresTable>[] = [];
  const eventPlaceRows: Insertable<EventPlacesTable>[] = [];
  const mentionsByDocument: EventMention[][] = [];
  for (const { analysis, actorIds } of batch) {
    const places = analysis.actors.filter((actor) => PLACE_TYPES.includes(actor.type));
    if (places.length === 0 && analysis.events.length === 0) continue;
    const doc = analysis.document;
    const context = {
      otherPlaces: places.flatMap((actor) => [actor.name, ...actor.aliases]),
      dateline: findDateline(doc.text),
      text: doc.text,
    };
    placeRows.push(...recordPlaces(geocoder, analysis, actorIds, context, placed));
    const mentions: EventMention[] = [];
    for (const [i, event] of analysis.events.entries()) {
      const span = event.provenance[0];
      if (!span) continue;
      const id = `evt:${doc.id}:${i}`; // as insertItems (./sql-store.ts) names it
      const sentence = sentenceAround(doc.text, span.start, span.end);
      const figures = extractFigures(sentence.text, sentence.start);
      for (const f of figures) {
        figureRows.push({ event_id: id, kind: f.kind, value: f.value, qualifier: f.qualifier ?? null, text: f.text, start: f.start, end: f.end });
      }
      const place = eventPlace(geocoder, analysis.mentions, doc.text, span, context);
      if (place) {
        eventPlaceRows.push({
          event_id: id,
          mention: place.mention,
          name: place.geo.name,
          lat: place.geo.lat,
          lon: place.geo.lon,
          country_code: place.geo.countryCode ?? null,
          feature_type: place.geo.featureType,
          approximate: place.geo.approximate ?? false,
          reason: place.geo.reason,
        });
      }
      mentions.push({
        id,
        document: doc.id,
        type: event.type,
        source: actorIds.get(event.source)!,
        target: event.target === null ? null : actorIds.get(event.target)!,
        time: event.time,
        published: doc.date,
        place: place && { name: place.geo.name, lat: place.geo.lat, lon: place.geo.lon, countryCode: place.geo.countryCode, approximate: place.geo.approximate ?? false },
        figures,
      });
    }
    mentionsByDocument.push(mentions);
  }
  writes.insert("places", placeRows);
  writes.insert("event_figures", figureRows);
  writes.insert("event_places", eventPlaceRows);
  const happenings = await loadHappenings(trx, mentionsByDocument.flat());
  const clusters = mentionsByDocument.flatMap((mentions) => clusterEvents(happenings, mentions));
  writes.insert("event_clusters", clusters, { doNothing: true, columns: ["event_id"] });
}

/** Geocodes the document's place actors not placed yet (adding them to `placed`): their places rows. */
function recordPlaces(
  geocoder: Geocoder,
  analysis: DocumentAnalysis,
  actorIds: Map<string, string>,
  context: { otherPlaces: string[]; dateline?: string; text: string },
  placed: Set<string>,
): Insertable<PlacesTable>[] {
  const rows: Insertable<PlacesTable>[] = [];
  for (const actor of analysis.actors.filter((a) => PLACE_TYPES.includes(a.type) && actorIds.has(a.id))) {
    const actorId = actorIds.get(actor.id)!;
    if (placed.has(actorId)) continue;
    let resolution: GeoResolution | undefined;
    for (const name of [actor.name, ...actor.aliases]) if ((resolution = geocoder.geocode(name, context))) break;
    if (!resolution) continue;
    placed.add(actorId);
    rows.push({
      actor_id: actorId,
      name: resolution.name,
      lat: resolution.lat,
      lon: resolution.lon,
      country_code: resolution.countryCode ?? null,
      feature_type: resolution.featureType,
      admin_code: resolution.adminCode ?? null,
      approximate: resolution.approximate ?? false,
      score: resolution.score,
      reason: resolution.reason,
      alternatives: JSON.stringify(resolution.candidates),
      document_id: analysis.document.id,
    });
  }
  return rows;
}

/**
 * The most specific place the event's own words put it at: a place after a locative word, inside
 * the event's span or right after it in the same clause ("attacked a checkpost in Pakistan's Khyber
 * Pakhtunkhwa province"). Places describing an actor ("active in South Asia") do not count.
 */
function eventPlace(
  geocoder: Geocoder,
  mentions: Mention[],
  text: string,
  span: { start: number; end: number },
  context: { otherPlaces: string[]; dateline?: string; text: string },
): { mention: string; geo: GeoResolution } | undefined {
  const placed = mentions
    .filter((m) => PLACE_TYPES.includes(m.type) && m.start >= span.start && m.start - span.end < 80)
    .filter((m) => m.start < span.end || !/[,;:—–(]|[.!?]\s/.test(text.slice(span.end, m.start)))
    .filter((m) => {
      const before = text.slice(Math.max(span.start, m.start - 40), m.start);
      return LOCATIVE.test(before) && !ATTRIBUTIVE.test(before);
    })
    .map((m) => ({ mention: m.text, geo: geocoder.geocode(m.text, context) }))
    .filter((p): p is { mention: string; geo: GeoResolution } => p.geo !== undefined);
  return placed.sort((a, b) => SPECIFICITY[b.geo.featureType] - SPECIFICITY[a.geo.featureType])[0];
}

interface StoredEvent extends EventMention {
  cluster?: string;
}

async function loadMentions(db: Db, where: { ids?: string[]; clusters?: string[] }): Promise<StoredEvent[]> {
  let query = db
    .selectFrom("events as e")
    .innerJoin("documents as d", "d.id", "e.document_id")
    .leftJoin("event_places as p", "p.event_id", "e.id")
    .leftJoin("event_clusters as c", "c.event_id", "e.id")
    .select(["e.id", "e.document_id", "e.type", "e.source", "e.target", "e.time", "d.date", "p.name", "p.lat", "p.lon", "p.country_code", "p.approximate", "c.cluster_id"])
    .orderBy("d.date")
    .orderBy("e.seq");
  if (where.ids) query = query.where("e.id", "in", where.ids);
  if (where.clusters) query = query.where("c.cluster_id", "in", where.clusters);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const figures = await db.selectFrom("event_figures").selectAll().where("event_id", "in", rows.map((r) => r.id)).execute();
  return rows.map((row) => ({
    id: row.id,
    document: row.document_id,
    type: row.type as PloverType,
    source: row.source,
    target: row.target,
    time: row.time ?? undefined,
    published: row.date,
    place: row.name !== null && row.lat !== null && row.lon !== null
      ? { name: row.name, lat: Number(row.lat), lon: Number(row.lon), countryCode: row.country_code ?? undefined, approximate: row.approximate ?? undefined }
      : undefined,
    figures: figures.filter((f) => f.event_id === row.id).map((f) => ({ ...f, kind: f.kind as Figure["kind"], value: Number(f.value), qualifier: f.qualifier ?? undefined })),
    cluster: row.cluster_id ?? undefined,
  }));
}

/** Puts one stored event (not in a happening) into the happening it reports, or starts a new one. */
async function clusterEvent(db: Db, eventId: string): Promise<void> {
  const [event] = await loadMentions(db, { ids: [eventId] });
  if (!event) return;
  const rows = clusterEvents(await loadHappenings(db, [event]), [event]);
  await db.insertInto("event_clusters").values(rows).onConflict((oc) => oc.column("event_id").doNothing()).execute();
}

/** The stored happenings new events may join, as `clusterEvents` reads and extends them. */
interface Happenings {
  /** Stored events that share a type and an actor with one of the new events, with their happening. */
  known: { id: string; type: string; source: string; target: string | null; cluster: string }[];
  /** Every event of those happenings, in publication then storage order. */
  members: StoredEvent[];
  vetoes: Set<string>;
}

/** Three queries for any number of new events (not yet in a happening): candidates, their happenings' members, the analysts' splits. */
async function loadHappenings(db: Db, events: EventMention[]): Promise<Happenings> {
  if (events.length === 0) return { known: [], members: [], vetoes: new Set() };
  const ids = events.map((e) => e.id);
  const actors = [...new Set(events.flatMap((e) => (e.target ? [e.source, e.target] : [e.source])))];
  const known = await db
    .selectFrom("events as e")
    .innerJoin("event_clusters as c", "c.event_id", "e.id")
    .select(["e.id", "e.type", "e.source", "e.target", "c.cluster_id as cluster"])
    .where("e.type", "in", [...new Set(events.map((e) => e.type))])
    .where("e.id", "not in", ids)
    .where((eb) => eb.or([eb("e.source", "in", actors), eb("e.target", "in", actors)]))
    .execute();
  const members: StoredEvent[] = known.length === 0 ? [] : await loadMentions(db, { clusters: [...new Set(known.map((k) => k.cluster))] });
  const splits =
    known.length === 0
      ? []
      : await db.selectFrom("event_splits").selectAll().where((eb) => eb.or([eb("event_a", "in", ids), eb("event_b", "in", ids)])).execute();
  return { known, members, vetoes: new Set(splits.map((s) => vetoKey(s.event_a, s.event_b))) };
}

/**
 * The happening of each event (`events`, in reading order; not yet in one): a stored one it matches,
 * one an earlier event (of this call or an earlier one on `happenings`) started or joined, or a new one.
 */
function clusterEvents(happenings: Happenings, events: EventMention[]): Insertable<EventClustersTable>[] {
  const { known, members, vetoes } = happenings;
  const rows: Insertable<EventClustersTable>[] = [];
  for (const event of events) {
    const actorsOf = event.target ? [event.source, event.target] : [event.source];
    const candidates = new Set(
      known.filter((k) => k.type === event.type && k.id !== event.id && (actorsOf.includes(k.source) || (k.target !== null && actorsOf.includes(k.target)))).map((k) => k.cluster),
    );
    const clusters = new Map<string, EventMention[]>();
    // Members in publication then storage order, as the per-event query read them.
    for (const member of members.filter((m) => candidates.has(m.cluster!)).sort((a, b) => (a.published! < b.published! ? -1 : a.published! > b.published! ? 1 : 0))) {
      clusters.set(member.cluster!, [...(clusters.get(member.cluster!) ?? []), member]);
    }
    const link = candidates.size === 0 ? undefined : chooseCluster(event, clusters, { vetoes });
    const cluster = link?.cluster ?? event.id;
    rows.push(link ? { event_id: event.id, cluster_id: cluster, rule: link.rule, score: link.score, explanation: link.explanation } : { event_id: event.id, cluster_id: cluster, rule: null, score: null, explanation: null });
    // Later events see this one in its happening.
    known.push({ id: event.id, type: event.type, source: event.source, target: event.target, cluster });
    members.push({ ...event, cluster });
  }
  return rows;
}

/**
 * Undoes a merge: the event leaves its happening, is never merged with those reports again,
 * and is matched afresh against the other happenings (it may join another one).
 */
export async function splitEvent(db: Kysely<Database>, eventId: string): Promise<{ from: string; now: string }> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("event_clusters").selectAll().where("event_id", "=", eventId).executeTakeFirst();
    if (!row) throw new Error(`no event ${JSON.stringify(eventId)} (see dossier events for ids)`);
    const others = (await trx.selectFrom("event_clusters").select("event_id").where("cluster_id", "=", row.cluster_id).where("event_id", "!=", eventId).execute()).map((r) => r.event_id);
    if (others.length === 0) throw new Error(`event ${eventId} is the only report of its happening: nothing to split`);
    for (const other of others) {
      const [a, b] = [eventId, other].sort();
      await trx.insertInto("event_splits").values({ event_a: a, event_b: b }).onConflict((oc) => oc.columns(["event_a", "event_b"]).doNothing()).execute();
    }
    if (row.cluster_id === eventId) {
      // The remaining reports keep a happening named after their own first event.
      const [first] = await loadMentions(trx, { ids: others });
      await trx.updateTable("event_clusters").set({ cluster_id: first.id }).where("cluster_id", "=", eventId).where("event_id", "!=", eventId).execute();
      await trx.updateTable("event_clusters").set({ rule: null, score: null, explanation: null }).where("event_id", "=", first.id).execute();
    }
    await trx.deleteFrom("event_clusters").where("event_id", "=", eventId).execute();
    await clusterEvent(trx, eventId);
    const now = await trx.selectFrom("event_clusters").select("cluster_id").where("event_id", "=", eventId).executeTakeFirstOrThrow();
    return { from: row.cluster_id === eventId ? others[0] : row.cluster_id, now: now.cluster_id };
  });
}

export async function listPlaces(db: Kysely<Database>): Promise<PlaceRecord[]> {
  const rows = await db
    .selectFrom("actors as a")
    .leftJoin("places as p", "p.actor_id", "a.id")
    .select(["a.id", "a.name as actor_name", "a.type", "p.name", "p.lat", "p.lon", "p.country_code", "p.feature_type", "p.admin_code", "p.approximate", "p.score", "p.reason", "p.alternatives", "p.document_id"])
    .where("a.type", "in", PLACE_TYPES)
    .orderBy("a.name")
    .orderBy("a.id")
    .execute();
  return rows.map((row) => {
    const geo = rowGeo(row, row.reason ?? "");
    return {
      actor: { id: row.id, name: row.actor_name, type: row.type },
      ...(geo
        ? {
            geo: {
              ...geo,
              ...(row.admin_code ? { admin_code: row.admin_code } : {}),
              score: Number(row.score),
              alternatives: (typeof row.alternatives === "string" ? JSON.parse(row.alternatives) : row.alternatives) as GeoCandidate[],
              document: row.document_id ?? "",
            },
          }
        : {}),
    };
  });
}

/** For the export: `geo` of place actors and of events, and each event's happening. */
export async function geoAndClusters(
  db: Kysely<Database>,
): Promise<{ actors: Map<string, Geo>; events: Map<string, Geo>; clusters: Map<string, string>; merged: Set<string> }> {
  const actors = new Map<string, Geo>();
  for (const place of await listPlaces(db)) {
    if (!place.geo) continue;
    const { admin_code: _admin, score: _score, alternatives: _alternatives, document: _document, ...geo } = place.geo;
    actors.set(place.actor.id, geo);
  }
  const events = new Map<string, Geo>();
  for (const row of await db.selectFrom("event_places").selectAll().execute()) {
    events.set(row.event_id, rowGeo(row, `${JSON.stringify(row.mention)} in the event's words; ${row.reason}`)!);
  }
  const clusters = new Map((await db.selectFrom("event_clusters").select(["event_id", "cluster_id"]).execute()).map((r) => [r.event_id, r.cluster_id]));
  const size = new Map<string, number>();
  for (const cluster of clusters.values()) size.set(cluster, (size.get(cluster) ?? 0) + 1);
  // Only events reported more than once carry their happening's id in the export.
  const merged = new Set([...clusters].filter(([, cluster]) => size.get(cluster)! > 1).map(([event]) => event));
  return { actors, events, clusters, merged };
}

/** Happenings (clusters of events), optionally those an actor takes part in, in event-date order. */
export async function mergedEvents(db: Kysely<Database>, actorId?: string): Promise<MergedEvent[]> {
  let clusterQuery = db.selectFrom("event_clusters as c").innerJoin("events as e", "e.id", "c.event_id").select("c.cluster_id").distinct();
  if (actorId) {
    clusterQuery = clusterQuery.where((eb) => eb.or([eb("e.source", "=", actorId), eb("e.target", "=", actorId), eb("e.attributed_to", "=", actorId)]));
  }
  const clusterIds = (await clusterQuery.execute()).map((r) => r.cluster_id);
  if (clusterIds.length === 0) return [];
  const rows = await db
    .selectFrom("events as e")
    .innerJoin("event_clusters as c", "c.event_id", "e.id")
    .innerJoin("documents as d", "d.id", "e.document_id")
    .leftJoin("event_places as p", "p.event_id", "e.id")
    .select(["e.id", "e.type", "e.source", "e.target", "e.time", "e.attributed_to", "e.document_id", "d.date", "d.source as outlet", "c.cluster_id", "c.rule", "c.score", "c.explanation", "p.name", "p.lat", "p.lon", "p.country_code", "p.feature_type", "p.approximate"])
    .where("c.cluster_id", "in", clusterIds)
    .orderBy("d.date")
    .orderBy("e.seq")
    .execute();
  const ids = rows.map((r) => r.id);
  const provenance = await db.selectFrom("provenance").select(["item_id", "document_id", "start", "end", "text", "sentence"]).where("item_id", "in", ids).orderBy("seq").execute();
  const figures = await db.selectFrom("event_figures").selectAll().where("event_id", "in", ids).orderBy("start").execute();
  const byCluster = new Map<string, MergedEvent>();
  for (const row of rows) {
    let merged = byCluster.get(row.cluster_id);
    if (!merged) {
      merged = { id: row.cluster_id, type: row.type as PloverType, source: row.source, target: row.target, attributed_to: row.attributed_to, date: "", date_basis: "publication", members: [] };
      byCluster.set(row.cluster_id, merged);
    }
    merged.geo ??= rowGeo(row);
    merged.members.push({
      event: row.id,
      document: row.document_id,
      date: row.date,
      ...(row.outlet ? { outlet: row.outlet } : {}),
      ...(row.time ? { time: row.time } : {}),
      provenance: provenance
        .filter((p) => p.item_id === row.id)
        .map((p) => ({ document: p.document_id, start: p.start, end: p.end, text: p.text, ...(p.sentence !== null ? { sentence: p.sentence } : {}) })),
      figures: figures.filter((f) => f.event_id === row.id).map((f) => ({ kind: f.kind as Figure["kind"], value: Number(f.value), ...(f.qualifier ? { qualifier: f.qualifier } : {}), text: f.text })),
      ...(row.rule !== null ? { merge: { rule: row.rule, score: Number(row.score), explanation: row.explanation ?? "" } } : {}),
    });
  }
  await addCopies(db, [...byCluster.values()]);
  for (const merged of byCluster.values()) {
    const dated = merged.members
      .map((m) => ({ value: m.time, days: eventDays(m.time, undefined) }))
      .filter((d) => d.days !== undefined)
      .sort((a, b) => a.days!.from - b.days!.from);
    if (dated.length > 0) {
      merged.date = calendarDate(dated[0].value!);
      merged.date_basis = "event";
    } else {
      merged.date = merged.members[0].date;
    }
  }
  return [...byCluster.values()].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/**
 * Near-duplicate copies (another outlet running the same report) are stored without analysis as
 * copies of the original: each becomes another source of the original's events, with the event's
 * words found again in the copy's own text.
 */
async function addCopies(db: Kysely<Database>, events: MergedEvent[]): Promise<void> {
  const originals = [...new Set(events.flatMap((e) => e.members.map((m) => m.document)))];
  if (originals.length === 0) return;
  const copies = await db
    .selectFrom("documents")
    .select(["id", "date", "source", "text", "duplicate_of"])
    .where("duplicate_of", "in", originals)
    .orderBy("date")
    .orderBy("seq")
    .execute();
  if (copies.length === 0) return;
  for (const event of events) {
    const extra: MergedEventMember[] = [];
    for (const member of event.members) {
      for (const copy of copies.filter((c) => c.duplicate_of === member.document)) {
        const provenance = member.provenance.flatMap((p) => {
          const start = copy.text.indexOf(p.text);
          return start < 0 ? [] : [{ document: copy.id, start, end: start + p.text.length, text: p.text }];
        });
        const figures = extractFigures(copy.text).filter((f) => member.figures.some((g) => g.kind === f.kind));
        extra.push({
          event: member.event,
          document: copy.id,
          date: copy.date,
          ...(copy.source ? { outlet: copy.source } : {}),
          ...(member.time ? { time: member.time } : {}),
          provenance,
          figures: figures.map(({ start: _start, end: _end, ...figure }) => figure),
          copy_of: member.document,
        });
      }
    }
    event.members.push(...extra);
  }
}

/** An actor's happenings and relations in event-date order, each with all its sources. */
export async function actorTimeline(db: Kysely<Database>, actorId: string, range: { from?: string; to?: string } = {}): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = (await mergedEvents(db, actorId)).map((event) => ({
    date: event.date,
    date_basis: event.date_basis,
    kind: "event",
    id: event.id,
    type: event.type,
    source: event.source,
    target: event.target,
    attributed_to: event.attributed_to,
    ...(event.geo ? { geo: event.geo } : {}),
    sources: event.members.map((m) => ({
      document: m.document,
      date: m.date,
      ...(m.outlet ? { outlet: m.outlet } : {}),
      provenance: m.provenance,
      ...(m.figures.length > 0 ? { figures: m.figures } : {}),
    })),
  }));
  const relations = await db
    .selectFrom("relations as r")
    .innerJoin("documents as d", "d.id", "r.document_id")
    .select(["r.id", "r.subject", "r.predicate", "r.object", "r.role", "r.status", "r.time", "r.attributed_to", "r.document_id", "d.date", "d.source as outlet"])
    .where((eb) => eb.or([eb("r.subject", "=", actorId), eb("r.object", "=", actorId)]))
    .orderBy("d.date")
    .orderBy("r.seq")
    .execute();
  const provenance = relations.length === 0 ? [] : await db.selectFrom("provenance").selectAll().where("item_id", "in", relations.map((r) => r.id)).orderBy("seq").execute();
  for (const r of relations) {
    const own = eventDays(r.time ?? undefined, undefined);
    entries.push({
      date: own ? calendarDate(r.time!) : r.date,
      date_basis: own ? "event" : "publication",
      kind: "relation",
      id: r.id,
      type: r.predicate,
      source: r.subject,
      target: r.object,
      ...(r.role ? { role: r.role } : {}),
      ...(r.status ? { status: r.status } : {}),
      attributed_to: r.attributed_to,
      sources: [{
        document: r.document_id,
        date: r.date,
        ...(r.outlet ? { outlet: r.outlet } : {}),
        provenance: provenance.filter((p) => p.item_id === r.id).map((p) => ({ document: p.document_id, start: p.start, end: p.end, text: p.text })),
      }],
    });
  }
  return entries
    .filter((e) => (!range.from || atOrAfter(e.date, range.from)) && (!range.to || atOrAfter(range.to, e.date)))
    .sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}
