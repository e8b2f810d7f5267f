/** Uploaded files ingested in the background, one job at a time, with progress the UI can poll. */
import { randomBytes } from "node:crypto";
import type { Store } from "../graph/store.js";
import { readDocuments } from "../ingest/registry.js";
import { storeDocument } from "../ingest/run.js";
import type { ReadOptions } from "../ingest/types.js";
import type { IngestJob } from "./types.js";

export type { IngestJob };

export interface UploadedFile {
  name: string;
  content: Buffer;
}

/** Jobs kept for polling after they finish. */
const KEEP_JOBS = 100;

export class IngestJobs {
  private readonly jobs = new Map<string, IngestJob>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly store: Store) {}

  start(files: UploadedFile[], options: ReadOptions): IngestJob {
    const job: IngestJob = {
      id: randomBytes(8).toString("hex"),
      created: new Date().toISOString(),
      status: "queued",
      total: 0,
      processed: 0,
      inserted: 0,
      duplicate: 0,
      failed: 0,
      files: files.map((f) => ({ name: f.name, documents: 0, inserted: 0, duplicate: 0, errors: [] })),
      documents: [],
    };
    this.jobs.set(job.id, job);
    for (const id of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - KEEP_JOBS))) this.jobs.delete(id);
    // One job at a time: the store serialises writes anyway, and progress stays readable.
    this.queue = this.queue.then(() => this.run(job, files, options));
    return job;
  }

  get(id: string): IngestJob | undefined {
    return this.jobs.get(id);
  }

  list(): IngestJob[] {
    return [...this.jobs.values()].reverse();
  }

  /** Resolves when every job started so far has finished. */
  idle(): Promise<void> {
    return this.queue;
  }

  private async run(job: IngestJob, files: UploadedFile[], options: ReadOptions): Promise<void> {
    job.status = "running";
    // Read and validate every file first, so the total is known before storing starts.
    const read = await Promise.all(
      files.map(async (file, index) => {
        const progress = job.files[index]!;
        try {
          const documents = await readDocuments(file.name, file.content, options);
          progress.documents = documents.length;
          job.total += documents.length;
          return documents;
        } catch (error) {
          progress.errors.push(message(error));
          return [];
        }
      }),
    );
    for (const [index, documents] of read.entries()) {
      const progress = job.files[index]!;
      for (const document of documents) {
        try {
          const result = await storeDocument(this.store, document);
          progress[result.status] += 1;
          job[result.status] += 1;
          job.documents.push(result.documentId);
        } catch (error) {
          progress.errors.push(`${document.id}: ${message(error)}`);
          job.failed += 1;
        }
        job.processed += 1;
      }
    }
    job.status = "done";
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
