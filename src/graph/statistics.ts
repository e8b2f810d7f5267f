/**
 * Planner statistics for the embedded store. PGlite runs no autovacuum, so a store that was never
 * analysed leaves the planner guessing: it takes `norm = ANY(list of 150 names)` to match most of
 * the table and scans every alias, actor and band row, so each batch of an ingest costs more the
 * more the store holds. PostgreSQL's autovacuum keeps its own statistics; this is for PGlite.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "./schema.js";

/**
 * The tables ingest looks rows up in by lists of values. The others (documents by their unique
 * sha256, mentions, texts) are only written, and cost the most to sample.
 */
const LOOKED_UP: (keyof Database)[] = ["actors", "actor_aliases", "actor_keys", "actor_merge_blocks", "document_bands", "document_signatures", "events", "event_clusters", "places"];

/** Below this many documents every table is small enough for any plan. */
const FIRST_ANALYSE = 200;

/**
 * Runs ANALYZE after a commit whenever the documents stored have doubled since the statistics were
 * taken (200, 400, 800, ...): a few runs over any ingest, costing about what the last one costs.
 * Statistics change plans, never results: every ingest query whose row order matters orders them.
 */
export class StatisticsUpkeep {
  /** Documents when the statistics were taken, and now; unknown until the first commit. */
  private counts?: { analysed: number; now: number };

  /** After a transaction that stored `added` analysed documents. */
  async afterCommit(db: Kysely<Database>, added: number): Promise<void> {
    if (added === 0) return;
    if (this.counts) this.counts.now += added;
    else this.counts = await storedCounts(db);
    const { analysed, now } = this.counts;
    if (now < Math.max(FIRST_ANALYSE, 2 * analysed)) return;
    await sql`ANALYZE ${sql.join(LOOKED_UP.map((table) => sql.table(table)))}`.execute(db);
    this.counts.analysed = now;
  }
}

/**
 * PGlite's pages are in memory (its buffers and the file cache): an index lookup costs about what
 * reading the next page in a scan does, not the four times PostgreSQL assumes of a disk. Without
 * this the planner hashes every actor to join 150 aliases to their actors.
 */
export async function tunePlanner(db: Kysely<Database>): Promise<void> {
  await sql`SET random_page_cost = 1.1`.execute(db);
}

/** Documents stored, and how many the last ANALYZE saw (0 if none ran). */
async function storedCounts(db: Kysely<Database>): Promise<{ analysed: number; now: number }> {
  const { rows } = await sql<{ analysed: number; now: string }>`
    SELECT greatest(reltuples, 0)::float8 AS analysed, (SELECT count(*) FROM documents) AS now
    FROM pg_class WHERE oid = 'documents'::regclass`.execute(db);
  return { analysed: Number(rows[0]!.analysed), now: Number(rows[0]!.now) };
}
