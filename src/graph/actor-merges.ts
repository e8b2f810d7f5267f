/**
 * Explained, reversible cross-document actor merges. At ingest, every actor of a new document that
 * joins a stored actor is recorded in `actor_merges` with its rule, score and evidence (see
 * src/resolve/cross-document.ts) and the exact rows it brought; `unmergeActor` moves those rows to a
 * separate actor again and blocks the evidence, `mergeActors` joins two stored actors by hand.
 */
import { sql, type Insertable, type Kysely, type Transaction } from "kysely";
import type { Actor, ActorMerge, DocumentAnalysis } from "../model/index.js";

export type { ActorMerge };
import { actorKeys, blockKey, parsePersonName, type MergeDecision, type MergeEvidence, type StoredActor } from "../resolve/cross-document.js";
import { actorSlugId, isGlobalAlias, normaliseAlias, typesCompatible } from "../resolve/match.js";
import type { ActorMergesTable, Database } from "./schema.js";
import { chunks, escapeLike, freeId } from "./sql-store.js";
import type { PendingWrites } from "./writes.js";
import type { ActorState } from "./actor-state.js";

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** The rows that came in through one merge, so that an unmerge moves exactly those. */
export interface MergeItems {
  mentions: [document: string, start: number, end: number][];
  relations: [id: string, field: "subject" | "object" | "attributed_to"][];
  events: [id: string, field: "source" | "target" | "attributed_to"][];
  /** Claims it speaks. */
  claims: string[];
  about: [claimId: string, position: number][];
  aliases: { alias: string; norm: string; document: string; global: boolean }[];
  keys: string[];
  /** Keys the stored actor did not have before. */
  keysAdded: string[];
}

export interface UnmergeResult {
  actor: string;
  /** The separate actor the merged rows now belong to. */
  split_into: string;
  undone: ActorMerge[];
}

/** Lets later actors of the same document join an actor it just created, by key or surname. */
export function noteNewActor(evidence: MergeEvidence, actor: Actor, storeId: string): void {
  const stored: StoredActor = { actorId: storeId, name: actor.name, type: actor.type, aliases: actor.aliases };
  for (const key of actorKeys(actor)) push(evidence.byKey, key, stored);
  const surname = actor.type === "PER" ? parsePersonName(actor.name)?.surname : undefined;
  if (surname && evidence.bySurname.has(surname)) evidence.bySurname.get(surname)!.push(stored);
}

/** A merge decided while resolving a document's actors, recorded once its rows are stored. */
export interface PendingMerge {
  actor: Actor;
  decision: MergeDecision;
}

/**
 * Records the document's merges with the rows each brought, the cross-document keys of every actor
 * of the document, and applies renames ("Munir" becomes "Asim Munir").
 */
export function recordMerges(writes: PendingWrites, state: ActorState, analysis: DocumentAnalysis, actorIds: Map<string, string>, merges: PendingMerge[]): void {
  const documentId = analysis.document.id;
  const keyRows = analysis.actors.flatMap((actor) => actorKeys(actor).map((key) => ({ actor_id: actorIds.get(actor.id)!, key, document_id: documentId })));
  // Keys the stored actor had before this document (the document's own rows are added after).
  const keysAdded = (storeId: string, keys: string[]) => keys.filter((key) => !state.hasKey(storeId, key));
  const rows: Insertable<ActorMergesTable>[] = merges.map(({ actor, decision }) => {
    const keys = actorKeys(actor);
    const items: MergeItems = {
      ...analysisItems(analysis, actor.id),
      aliases: [actor.name, ...actor.aliases].flatMap((alias) => {
        const norm = normaliseAlias(alias);
        return norm ? [{ alias: alias.trim(), norm, document: documentId, global: isGlobalAlias(actor, alias) }] : [];
      }),
      keys,
      keysAdded: keysAdded(decision.storeId, keys),
    };
    return {
      actor_id: decision.storeId,
      document_id: documentId,
      merged_actor: null,
      name: actor.name,
      type: actor.type,
      subtype: actor.subtype ?? null,
      rule: decision.rule,
      score: decision.score,
      evidence: decision.evidence,
      explanation: decision.explanation,
      renamed_from: decision.rename && decision.rename !== decision.storedName ? decision.storedName : null,
      items: JSON.stringify(items),
    };
  });
  writes.insert("actor_keys", state.addKeys(keyRows), { doNothing: true });
  writes.insert("actor_merges", rows);
  for (const { decision } of merges) {
    const rename = decision.rename;
    if (rename && rename !== decision.storedName) {
      state.rename(decision.storeId, rename);
      writes.update((db) => db.updateTable("actors").set({ name: rename }).where("id", "=", decision.storeId).execute());
    }
  }
}

/**
 * The rows of one analysis that name the document-local actor `localId`. Item ids follow
 * insertItems in ./sql-store.ts (`rel:DOC:i`, `evt:DOC:i`, `clm:DOC:i`).
 */
function analysisItems(analysis: DocumentAnalysis, localId: string): Omit<MergeItems, "aliases" | "keys" | "keysAdded"> {
  const doc = analysis.document.id;
  const items: Omit<MergeItems, "aliases" | "keys" | "keysAdded"> = { mentions: [], relations: [], events: [], claims: [], about: [] };
  for (const m of analysis.mentions) if (m.actor === localId) items.mentions.push([doc, m.start, m.end]);
  analysis.relations.forEach((r, i) => {
    for (const field of ["subject", "object", "attributed_to"] as const) if (r[field] === localId) items.relations.push([`rel:${doc}:${i}`, field]);
  });
  analysis.events.forEach((e, i) => {
    for (const field of ["source", "target", "attributed_to"] as const) if (e[field] === localId) items.events.push([`evt:${doc}:${i}`, field]);
  });
  analysis.claims.forEach((c, i) => {
    if (c.speaker === localId) items.claims.push(`clm:${doc}:${i}`);
    c.about.forEach((a, position) => a === localId && items.about.push([`clm:${doc}:${i}`, position]));
  });
  return items;
}

/** The merges into an actor and those split out of it, oldest first. */
export async function actorMerges(db: Db | Trx, actorId: string): Promise<ActorMerge[]> {
  const rows = await db
    .selectFrom("actor_merges as m")
    .leftJoin("documents as d", "d.id", "m.document_id")
    .selectAll("m")
    .select("d.date")
    .where((eb) => eb.or([eb("m.actor_id", "=", actorId), eb("m.split_into", "=", actorId)]))
    .orderBy("m.seq")
    .execute();
  return rows.map(toActorMerge);
}

/**
 * Undoes the active merges into `actorId` that `from` names (a document id, the id of an actor
 * merged by hand, or a name or alias the merged actor brought); without `from`, its only merge.
 * Their rows move to one new actor; the evidence never joins them to `actorId` again.
 */
export async function unmergeActor(trx: Trx, actorId: string, from?: string): Promise<UnmergeResult> {
  const target = await trx.selectFrom("actors").selectAll().where("id", "=", actorId).executeTakeFirst();
  if (!target) throw new Error(`no actor with id ${JSON.stringify(actorId)}`);
  const active = await trx.selectFrom("actor_merges").selectAll().where("actor_id", "=", actorId).where("undone_at", "is", null).orderBy("seq").execute();
  const chosen = selectMerges(active, from);
  if (chosen.length === 0) {
    const listing = active.map((m) => `${m.document_id ?? m.merged_actor} (${m.name}, ${m.rule})`).join("; ");
    if (active.length === 0) throw new Error(`${actorId} has no merges to undo`);
    throw new Error(from === undefined ? `${actorId} has ${active.length} merges; say which with --from: ${listing}` : `no merge into ${actorId} comes from ${JSON.stringify(from)}; its merges: ${listing}`);
  }
  const first = chosen[0]!;
  const taken = new Set((await trx.selectFrom("actors").select("id").where("id", "like", `${escapeLike(actorSlugId({ name: first.name, type: asType(first.type) }))}%`).execute()).map((r) => r.id));
  const splitId = first.merged_actor && !(await actorExists(trx, first.merged_actor)) ? first.merged_actor : freeId(actorSlugId({ name: first.name, type: asType(first.type) }), taken);
  const firstDocument = first.document_id ?? target.first_document;
  await trx.insertInto("actors").values({ id: splitId, name: first.name, type: first.type, subtype: first.subtype, first_document: firstDocument }).execute();

  for (const merge of chosen) {
    const items = merge.items as MergeItems;
    await moveItems(trx, items, actorId, splitId);
    await moveAliases(trx, items, actorId, splitId, merge.renamed_from ?? target.name);
    if (items.keys.length > 0) {
      await trx
        .insertInto("actor_keys")
        .values(items.keys.map((key) => ({ actor_id: splitId, key, document_id: merge.document_id ?? firstDocument })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    if (items.keysAdded.length > 0) await trx.deleteFrom("actor_keys").where("actor_id", "=", actorId).where("key", "in", items.keysAdded).execute();
    if (merge.renamed_from) await trx.updateTable("actors").set({ name: merge.renamed_from }).where("id", "=", actorId).execute();
    await trx.updateTable("actor_merges").set({ undone_at: sql`now()`, split_into: splitId }).where("seq", "=", merge.seq).execute();
    // A manual merge is undone by the analyst's choice alone: nothing automatic would redo it.
    if (merge.rule !== "manual") {
      await trx
        .insertInto("actor_merge_blocks")
        .values({ actor_id: actorId, evidence: merge.evidence, merge_seq: merge.seq })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
  const undone = (await actorMerges(trx, actorId)).filter((m) => chosen.some((c) => c.seq === m.id));
  return { actor: actorId, split_into: splitId, undone };
}

/** Joins actor `fromId` into `intoId` by hand: every row of it moves, recorded as one "manual" merge. */
export async function mergeActors(trx: Trx, intoId: string, fromId: string): Promise<ActorMerge> {
  if (intoId === fromId) throw new Error("cannot merge an actor with itself");
  const [into, from] = await Promise.all([intoId, fromId].map((id) => trx.selectFrom("actors").selectAll().where("id", "=", id).executeTakeFirst()));
  if (!into) throw new Error(`no actor with id ${JSON.stringify(intoId)}`);
  if (!from) throw new Error(`no actor with id ${JSON.stringify(fromId)}`);
  if (!typesCompatible(asType(into.type), asType(from.type))) throw new Error(`cannot merge ${from.type} ${fromId} into ${into.type} ${intoId}`);
  const items = await storedItems(trx, fromId);
  const intoKeys = new Set((await trx.selectFrom("actor_keys").select("key").where("actor_id", "=", intoId).execute()).map((r) => r.key));
  items.keysAdded = items.keys.filter((key) => !intoKeys.has(key));
  await moveItems(trx, items, fromId, intoId);
  if (items.aliases.length > 0) {
    await trx
      .insertInto("actor_aliases")
      .values(items.aliases.map((a) => ({ actor_id: intoId, alias: a.alias, norm: a.norm, document_id: a.document, global: a.global })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const keyRows = await trx.selectFrom("actor_keys").selectAll().where("actor_id", "=", fromId).execute();
  if (keyRows.length > 0) await trx.insertInto("actor_keys").values(keyRows.map((k) => ({ ...k, actor_id: intoId }))).onConflict((oc) => oc.doNothing()).execute();
  await trx.deleteFrom("actor_keys").where("actor_id", "=", fromId).execute();
  await trx.deleteFrom("actor_aliases").where("actor_id", "=", fromId).execute();
  // A place keeps the reading of the actor merged into; the other's geocoding is dropped.
  const intoPlace = await trx.selectFrom("places").select("actor_id").where("actor_id", "=", intoId).executeTakeFirst();
  if (intoPlace) await trx.deleteFrom("places").where("actor_id", "=", fromId).execute();
  else await trx.updateTable("places").set({ actor_id: intoId }).where("actor_id", "=", fromId).execute();
  await trx.deleteFrom("actors").where("id", "=", fromId).execute();
  const row = await trx
    .insertInto("actor_merges")
    .values({
      actor_id: intoId,
      document_id: null,
      merged_actor: fromId,
      name: from.name,
      type: from.type,
      subtype: from.subtype,
      rule: "manual",
      score: 1,
      evidence: fromId,
      explanation: `merged by hand: ${from.name} (${fromId}) into ${into.name}`,
      renamed_from: null,
      items: JSON.stringify(items),
    })
    .returning("seq")
    .executeTakeFirstOrThrow();
  return (await actorMerges(trx, intoId)).find((m) => m.id === row.seq)!;
}

/** The merges `from` names; all active ones when there is only one and `from` is absent. */
function selectMerges<T extends { document_id: string | null; merged_actor: string | null; name: string; evidence: string; items: unknown }>(active: T[], from?: string): T[] {
  if (from === undefined) return active.length === 1 ? active : [];
  const norm = normaliseAlias(from);
  const byId = active.filter((m) => m.document_id === from || m.merged_actor === from);
  if (byId.length > 0) return byId;
  return active.filter(
    (m) => normaliseAlias(m.name) === norm || m.evidence === norm || (m.items as MergeItems).aliases.some((a) => a.norm === norm),
  );
}

/** Points the listed rows at `to` where they still point at `from`. */
async function moveItems(trx: Trx, items: MergeItems, from: string, to: string): Promise<void> {
  for (const part of chunks(items.mentions, 500)) {
    await trx
      .updateTable("mentions")
      .set({ actor_id: to })
      .where("actor_id", "=", from)
      .where((eb) => eb(eb.refTuple("document_id", "start", "end"), "in", part.map(([d, s, e]) => eb.tuple(d, s, e))))
      .execute();
  }
  for (const field of ["subject", "object", "attributed_to"] as const) {
    const ids = items.relations.filter(([, f]) => f === field).map(([id]) => id);
    for (const part of chunks(ids, 500)) await trx.updateTable("relations").set({ [field]: to }).where("id", "in", part).where(field, "=", from).execute();
  }
  for (const field of ["source", "target", "attributed_to"] as const) {
    const ids = items.events.filter(([, f]) => f === field).map(([id]) => id);
    for (const part of chunks(ids, 500)) await trx.updateTable("events").set({ [field]: to }).where("id", "in", part).where(field, "=", from).execute();
  }
  for (const part of chunks(items.claims, 500)) await trx.updateTable("claims").set({ speaker: to }).where("id", "in", part).where("speaker", "=", from).execute();
  for (const part of chunks(items.about, 500)) {
    await trx
      .updateTable("claim_about")
      .set({ actor_id: to })
      .where("actor_id", "=", from)
      .where((eb) => eb(eb.refTuple("claim_id", "position"), "in", part.map(([c, p]) => eb.tuple(c, p))))
      .execute();
  }
}

/**
 * Gives the split actor the aliases its documents gave it, and takes from the stored actor those it
 * only had through them: not its own name, nor what its remaining mentions in that document say.
 */
async function moveAliases(trx: Trx, items: MergeItems, from: string, to: string, fromName: string): Promise<void> {
  if (items.aliases.length === 0) return;
  await trx
    .insertInto("actor_aliases")
    .values(items.aliases.map((a) => ({ actor_id: to, alias: a.alias, norm: a.norm, document_id: a.document, global: a.global })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  const documents = [...new Set(items.aliases.map((a) => a.document))];
  const remaining = await trx.selectFrom("mentions").select(["document_id", "text"]).where("actor_id", "=", from).where("document_id", "in", documents).execute();
  const kept = new Set([`*\u0000${normaliseAlias(fromName)}`, ...remaining.map((m) => `${m.document_id}\u0000${normaliseAlias(m.text)}`)]);
  for (const a of items.aliases) {
    if (kept.has(`*\u0000${a.norm}`) || kept.has(`${a.document}\u0000${a.norm}`)) continue;
    await trx.deleteFrom("actor_aliases").where("actor_id", "=", from).where("norm", "=", a.norm).where("document_id", "=", a.document).execute();
  }
}

/** Every row naming a stored actor, in the form a merge records. */
async function storedItems(trx: Trx, actorId: string): Promise<MergeItems> {
  const mentions = await trx.selectFrom("mentions").select(["document_id", "start", "end"]).where("actor_id", "=", actorId).execute();
  const relations = await trx.selectFrom("relations").select(["id", "subject", "object", "attributed_to"]).where((eb) => eb.or([eb("subject", "=", actorId), eb("object", "=", actorId), eb("attributed_to", "=", actorId)])).execute();
  const events = await trx.selectFrom("events").select(["id", "source", "target", "attributed_to"]).where((eb) => eb.or([eb("source", "=", actorId), eb("target", "=", actorId), eb("attributed_to", "=", actorId)])).execute();
  const claims = await trx.selectFrom("claims").select("id").where("speaker", "=", actorId).execute();
  const about = await trx.selectFrom("claim_about").select(["claim_id", "position"]).where("actor_id", "=", actorId).execute();
  const aliases = await trx.selectFrom("actor_aliases").select(["alias", "norm", "document_id", "global"]).where("actor_id", "=", actorId).execute();
  const keys = await trx.selectFrom("actor_keys").select("key").where("actor_id", "=", actorId).execute();
  return {
    mentions: mentions.map((m) => [m.document_id, m.start, m.end]),
    relations: relations.flatMap((r) => (["subject", "object", "attributed_to"] as const).filter((f) => r[f] === actorId).map((f) => [r.id, f] as [string, typeof f])),
    events: events.flatMap((e) => (["source", "target", "attributed_to"] as const).filter((f) => e[f] === actorId).map((f) => [e.id, f] as [string, typeof f])),
    claims: claims.map((c) => c.id),
    about: about.map((a) => [a.claim_id, a.position]),
    aliases: aliases.map((a) => ({ alias: a.alias, norm: a.norm, document: a.document_id, global: a.global })),
    keys: keys.map((k) => k.key),
    keysAdded: [],
  };
}

async function actorExists(trx: Trx, id: string): Promise<boolean> {
  return (await trx.selectFrom("actors").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}

function toActorMerge(row: ActorMergeRow): ActorMerge {
  const merge: ActorMerge = {
    id: row.seq,
    actor: row.actor_id,
    name: row.name,
    rule: row.rule,
    score: Number(row.score),
    evidence: row.evidence,
    explanation: row.explanation,
    created_at: new Date(row.created_at).toISOString(),
  };
  if (row.document_id) merge.document = row.document_id;
  if (row.date) merge.date = row.date;
  if (row.merged_actor) merge.merged_actor = row.merged_actor;
  if (row.renamed_from) merge.renamed_from = row.renamed_from;
  if (row.undone_at) merge.undone_at = new Date(row.undone_at).toISOString();
  if (row.split_into) merge.split_into = row.split_into;
  return merge;
}

type ActorMergeRow = Omit<ActorMergesTable, "seq" | "created_at"> & { seq: number; created_at: Date; date: string | null };

function asType(type: string): Actor["type"] {
  return type as Actor["type"];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}


type MergeSummary = NonNullable<Actor["merged_from"]>[number];

/** The merges still in force, by the actor merged into (for the export's `merged_from`). */
export async function activeMerges(db: Db): Promise<Map<string, MergeSummary[]>> {
  const rows = await db
    .selectFrom("actor_merges")
    .select(["actor_id", "document_id", "merged_actor", "name", "rule", "score", "evidence"])
    .where("undone_at", "is", null)
    .orderBy("seq")
    .execute();
  const byActor = new Map<string, MergeSummary[]>();
  for (const row of rows) {
    const summary: MergeSummary = { name: row.name, rule: row.rule, score: Number(row.score), evidence: row.evidence };
    if (row.document_id) summary.document = row.document_id;
    push(byActor, row.actor_id, summary);
  }
  return byActor;
}

export function withMerges<T extends Actor>(actor: T, merges: Map<string, MergeSummary[]>): T {
  const list = merges.get(actor.id);
  return list ? { ...actor, merged_from: list } : actor;
}
