/**
 * Distributed ingest over PostgreSQL with pg-boss: `dossier ingest --queue` validates files and
 * enqueues their documents; any number of `dossier worker` processes, on any machine, analyse and
 * store them. A worker stores the jobs it fetched in one transaction, and the content hash makes a
 * job that runs twice (a worker died after committing) a harmless duplicate.
 */
import PgBoss from "pg-boss";
import { isPostgresUrl } from "../graph/open.js";
import { redact } from "../graph/postgres/index.js";
import type { SaveResult, Store } from "../graph/store.js";
import type { Document } from "../model/index.js";
import { storeDocuments } from "./run.js";

export const INGEST_QUEUE = "dossier-ingest";

/** Starts pg-boss in the store's PostgreSQL database (schema `pgboss`) with the ingest queue. */
export async function openQueue(db: string): Promise<PgBoss> {
  if (!isPostgresUrl(db)) throw new Error(`the queue needs a PostgreSQL store: pass --db postgres://..., not ${JSON.stringify(db)}`);
  const boss = new PgBoss({ connectionString: db, max: 4, schedule: false });
  boss.on("error", (error: Error) => process.stderr.write(`dossier: queue (${redact(db)}): ${error.message}\n`));
  await boss.start();
  if (!(await boss.getQueue(INGEST_QUEUE))) {
    // A worker that dies mid-job leaves it active; after expiry another worker retries it.
    await boss.createQueue(INGEST_QUEUE, { name: INGEST_QUEUE, retryLimit: 3, retryDelay: 5, expireInSeconds: 600 });
  }
  return boss;
}

/** Enqueues documents not yet stored; returns how many were queued and how many were already stored. */
export async function enqueueDocuments(boss: PgBoss, store: Store, documents: Document[]): Promise<{ queued: number; duplicate: number }> {
  const jobs: PgBoss.JobInsert<Document>[] = [];
  let duplicate = 0;
  for (const document of documents) {
    if (await store.hasDocument(document.sha256)) duplicate += 1;
    else jobs.push({ name: INGEST_QUEUE, data: document });
  }
  for (let i = 0; i < jobs.length; i += 500) await boss.insert(jobs.slice(i, i + 500));
  return { queued: jobs.length, duplicate };
}

export interface WorkerOptions {
  /** Jobs fetched at a time. */
  batchSize?: number;
  pollMs?: number;
  /** Return once no job is queued, retrying or active (for batch runs and tests). */
  exitWhenEmpty?: boolean;
  shouldStop?: () => boolean;
  onResult?(document: Document, result: SaveResult | Error): void;
}

export interface WorkerTotals {
  inserted: number;
  duplicate: number;
  failed: number;
}

/** Takes ingest jobs until stopped (or, with exitWhenEmpty, until the queue is drained). */
export async function runWorker(boss: PgBoss, store: Store, options: WorkerOptions = {}): Promise<WorkerTotals> {
  const totals: WorkerTotals = { inserted: 0, duplicate: 0, failed: 0 };
  const stop = options.shouldStop ?? (() => false);
  while (!stop()) {
    const jobs = await boss.fetch<Document>(INGEST_QUEUE, { batchSize: options.batchSize ?? 10 });
    if (jobs.length === 0) {
      if (options.exitWhenEmpty && (await boss.getQueueSize(INGEST_QUEUE, { before: "completed" })) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
      continue;
    }
    // A fetched batch is finished even when asked to stop. It is stored in one transaction; if that
    // fails, job by job, so that only the failing job fails.
    let results: SaveResult[] | undefined;
    try {
      results = await storeDocuments(store, jobs.map((job) => job.data));
    } catch {
      results = undefined;
    }
    for (const [i, job] of jobs.entries()) {
      try {
        const result = results?.[i] ?? (await storeDocuments(store, [job.data]))[0]!;
        totals[result.status] += 1;
        await boss.complete(INGEST_QUEUE, job.id);
        options.onResult?.(job.data, result);
      } catch (error) {
        totals.failed += 1;
        const failure = error instanceof Error ? error : new Error(String(error));
        await boss.fail(INGEST_QUEUE, job.id, { message: failure.message });
        options.onResult?.(job.data, failure);
      }
    }
  }
  return totals;
}
