/**
 * What actor resolution reads from the store, loaded once for a batch of documents and kept up to
 * date in memory as each document's actors are resolved, so that a batch costs a constant number
 * of reads instead of several per document. Loaded after the batch takes the resolution lock, so
 * no other writer changes these rows until the batch commits; the batch's own rows are added as
 * each document is decided, exactly as the store would hold them (conflicting rows are skipped as
 * ON CONFLICT DO NOTHING would skip them).
 */
import { sql, type Insertable, type RawBuilder, type Transaction } from "kysely";
import type { Actor, EntityType } from "../model/index.js";
import { actorKeys, blockKey, parsePersonName, type MergeEvidence, type StoredActor } from "../resolve/cross-document.js";
import { actorSlugId, matchKeys, normaliseAlias, type Candidate } from "../resolve/match.js";
import type { ActorAliasesTable, ActorKeysTable, ActorsTable, Database } from "./schema.js";
import { chunks, escapeLike, freeId } from "./sql-store.js";

type Trx = Transaction<Database>;

/** Values per lookup (one array parameter each). */
const IN_LIST = 10_000;

/** `= ANY($1::text[])`: one parameter for a list of values (a long IN list is slow to parse and plan). */
export function anyOf(values: string[]): RawBuilder<string> {
  return sql<string>`ANY(${values}::text[])`;
}

interface ActorInfo {
  name: string;
  type: EntityType;
  subtype: string | null;
}

export class ActorState {
  private readonly actors = new Map<string, ActorInfo>();
  /** Global aliases of the batch's match keys, by norm: the actors holding it, in store order. */
  private readonly byNorm = new Map<string, { actorId: string; order: number }[]>();
  private readonly globalPairs = new Set<string>();
  /** In-document alias rows of this batch (other documents' rows cannot conflict with them). */
  private readonly localRows = new Set<string>();
  private readonly byKey = new Map<string, string[]>();
  private readonly keyPairs = new Set<string>();
  /** Persons with an alias ending in one of the batch's surnames. */
  private readonly bySurname = new Map<string, Set<string>>();
  /** Every stored alias of a person, once loaded (the batch's own rows are not stored yet). */
  private readonly storedAliases = new Map<string, string[]>();
  /** Alias rows this batch added, by actor. */
  private readonly batchAliases = new Map<string, string[]>();
  /** Stored ids the batch may collide with (its actors' slugs; `slug-N` of those in `numbered`), and the ids it made. */
  private readonly taken = new Set<string>();
  private readonly numbered = new Set<string>();
  private readonly blocked = new Set<string>();
  private order = 0;

  private constructor(private readonly trx: Trx) {}

  /** Loads what resolving `actors` (every actor of the batch's documents) may read. */
  static async load(trx: Trx, actors: Actor[]): Promise<ActorState> {
    const state = new ActorState(trx);
    const norms = [...new Set(actors.flatMap((actor) => matchKeys(actor)))];
    const keys = [...new Set(actors.flatMap((actor) => actorKeys(actor)))];
    const surnames = [...new Set(actors.filter((a) => a.type === "PER").flatMap((a) => parsePersonName(a.name)?.surname ?? []))];
    for (const part of chunks(norms, IN_LIST)) {
      const rows = await trx
        .selectFrom("actor_aliases as al")
        .innerJoin("actors as a", "a.id", "al.actor_id")
        .select(["a.id", "a.name", "a.type", "a.subtype", "al.norm"])
        .where("al.global", "=", true)
        .where("al.norm", "=", anyOf(part))
        .orderBy(sql`al.ctid`)
        .execute();
      for (const row of rows) {
        state.actors.set(row.id, { name: row.name, type: row.type as EntityType, subtype: row.subtype });
        state.addGlobal(row.id, row.norm);
      }
    }
    for (const part of chunks(keys, IN_LIST)) {
      for (const row of await trx.selectFrom("actor_keys").select(["actor_id", "key"]).where("key", "=", anyOf(part)).orderBy(sql`ctid`).execute()) state.addKey(row.actor_id, row.key);
    }
    for (const surname of surnames) state.bySurname.set(surname, new Set());
    for (const part of chunks(surnames, IN_LIST)) {
      const rows = await trx
        .selectFrom("actor_aliases as al")
        .innerJoin("actors as a", "a.id", "al.actor_id")
        .select(["a.id", "al.norm"])
        .where("a.type", "=", "PER")
        .where(sql<string>`regexp_replace(al.norm, '^.* ', '')`, "=", anyOf(part))
        .execute();
      for (const row of rows) state.bySurname.get(lastWord(row.norm))?.add(row.id);
    }
    const persons = new Set([...state.bySurname.values()].flatMap((ids) => [...ids]));
    await state.loadActors([...new Set([...state.byKey.values()].flat()), ...persons].filter((id) => !state.actors.has(id)));
    await state.loadAliases([...persons]);
    for (const part of chunks([...new Set(actors.map((actor) => actorSlugId(actor)))], IN_LIST)) {
      for (const row of await trx.selectFrom("actors").select("id").where("id", "=", anyOf(part)).execute()) state.taken.add(row.id);
    }
    const evidence = [...new Set([...norms, ...keys, ...actors.map((a) => normaliseAlias(a.name))])];
    for (const part of chunks(evidence, IN_LIST)) {
      for (const row of await trx.selectFrom("actor_merge_blocks").select(["actor_id", "evidence"]).where("evidence", "=", anyOf(part)).execute()) {
        state.blocked.add(blockKey(row.actor_id, row.evidence));
      }
    }
    return state;
  }

  /** The stored global alias rows sharing one of `keys` (a document's match keys), in store order. */
  candidates(keys: string[]): (Candidate & { subtype: string | null })[] {
    const found = keys.flatMap((norm) => (this.byNorm.get(norm) ?? []).map((entry) => ({ ...entry, norm })));
    return found
      .sort((a, b) => a.order - b.order)
      .map(({ actorId, norm }) => {
        const actor = this.actors.get(actorId)!;
        return { actorId, name: actor.name, type: actor.type, subtype: actor.subtype, norm };
      });
  }

  /** What the merge rules need about a document's actors: stored actors by key and by surname, and the blocked evidence. */
  async evidence(actors: Actor[]): Promise<MergeEvidence> {
    const keys = [...new Set(actors.flatMap((actor) => actorKeys(actor)))];
    const surnames = [...new Set(actors.filter((a) => a.type === "PER").flatMap((a) => parsePersonName(a.name)?.surname ?? []))];
    const persons = surnames.flatMap((surname) => [...(this.bySurname.get(surname) ?? [])]);
    await this.loadAliases(persons.filter((id) => !this.storedAliases.has(id)));
    const byKey = new Map<string, StoredActor[]>();
    for (const key of keys) {
      const ids = this.byKey.get(key);
      if (ids) byKey.set(key, ids.map((id) => this.stored(id)));
    }
    const bySurname = new Map<string, StoredActor[]>();
    for (const surname of surnames) bySurname.set(surname, [...(this.bySurname.get(surname) ?? [])].map((id) => this.stored(id)));
    return { byKey, bySurname, blocked: this.blocked };
  }

  /** A free actor id for `base` (`base`, else `base-2`, `base-3`...), reserved for the caller. */
  async freeId(base: string): Promise<string> {
    // Stored `base-N` ids matter only once `base` itself is taken (rare): read them then.
    if (this.taken.has(base) && !this.numbered.has(base)) {
      this.numbered.add(base);
      for (const row of await this.trx.selectFrom("actors").select("id").where("id", "like", `${escapeLike(base)}-%`).execute()) this.taken.add(row.id);
    }
    const id = freeId(base, this.taken);
    this.taken.add(id);
    return id;
  }

  /** Whether the actor holds the key (for merges' keysAdded). */
  hasKey(actorId: string, key: string): boolean {
    return this.keyPairs.has(`${actorId}\u0000${key}`);
  }

  actorName(actorId: string): string | undefined {
    return this.actors.get(actorId)?.name;
  }

  /** Records a document's new actors and alias rows; returns the alias rows the store would keep. */
  addActors(newActors: Insertable<ActorsTable>[], aliasRows: Insertable<ActorAliasesTable>[]): Insertable<ActorAliasesTable>[] {
    for (const actor of newActors) {
      this.actors.set(actor.id, { name: actor.name, type: actor.type as EntityType, subtype: actor.subtype ?? null });
      this.taken.add(actor.id);
      this.storedAliases.set(actor.id, []);
    }
    return aliasRows.filter((row) => {
      const global = row.global === true;
      const pair = `${row.actor_id}\u0000${row.norm}`;
      const id = global ? pair : `${pair}\u0000${row.document_id}`;
      if (global ? this.globalPairs.has(pair) : this.localRows.has(id)) return false;
      if (global) this.addGlobal(row.actor_id, row.norm);
      else this.localRows.add(id);
      const added = this.batchAliases.get(row.actor_id);
      if (added) added.push(row.alias);
      else this.batchAliases.set(row.actor_id, [row.alias]);
      const persons = this.actors.get(row.actor_id)?.type === "PER" ? this.bySurname.get(lastWord(row.norm)) : undefined;
      persons?.add(row.actor_id);
      return true;
    });
  }

  /** Records key rows; returns those the store would keep. */
  addKeys(rows: Insertable<ActorKeysTable>[]): Insertable<ActorKeysTable>[] {
    return rows.filter((row) => !this.hasKey(row.actor_id, row.key) && (this.addKey(row.actor_id, row.key), true));
  }

  /** Sets a subtype where the actor has none (as the store's update does); false when it has one. */
  setSubtype(actorId: string, subtype: string): boolean {
    const actor = this.actors.get(actorId);
    if (!actor || actor.subtype !== null) return false;
    actor.subtype = subtype;
    return true;
  }

  rename(actorId: string, name: string): void {
    const actor = this.actors.get(actorId);
    if (actor) actor.name = name;
  }

  private stored(actorId: string): StoredActor {
    const actor = this.actors.get(actorId)!;
    return { actorId, name: actor.name, type: actor.type, aliases: [...(this.storedAliases.get(actorId) ?? []), ...(this.batchAliases.get(actorId) ?? [])] };
  }

  private addGlobal(actorId: string, norm: string): void {
    this.globalPairs.add(`${actorId}\u0000${norm}`);
    const list = this.byNorm.get(norm);
    const entry = { actorId, order: this.order++ };
    if (list) list.push(entry);
    else this.byNorm.set(norm, [entry]);
  }

  private addKey(actorId: string, key: string): void {
    this.keyPairs.add(`${actorId}\u0000${key}`);
    const list = this.byKey.get(key);
    if (list) list.push(actorId);
    else this.byKey.set(key, [actorId]);
  }

  private async loadActors(ids: string[]): Promise<void> {
    for (const part of chunks(ids, IN_LIST)) {
      for (const row of await this.trx.selectFrom("actors").select(["id", "name", "type", "subtype"]).where("id", "=", anyOf(part)).execute()) {
        this.actors.set(row.id, { name: row.name, type: row.type as EntityType, subtype: row.subtype });
      }
    }
  }

  /** Loads every stored alias of these persons. */
  private async loadAliases(ids: string[]): Promise<void> {
    for (const id of ids) this.storedAliases.set(id, []);
    for (const part of chunks(ids, IN_LIST)) {
      for (const row of await this.trx.selectFrom("actor_aliases").select(["actor_id", "alias"]).where("actor_id", "=", anyOf(part)).execute()) this.storedAliases.get(row.actor_id)!.push(row.alias);
    }
  }
}

function lastWord(norm: string): string {
  return norm.slice(norm.lastIndexOf(" ") + 1);
}

