/**
 * Analysis in worker threads, so that documents are analysed while the main thread stores earlier
 * ones (PGlite runs in the main thread). Each thread loads the pipeline's models once, and signs the
 * text for near-duplicate detection too, which would otherwise cost the main thread.
 */
import { availableParallelism } from "node:os";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { TextSignature } from "../graph/store.js";
import type { Document, DocumentAnalysis } from "../model/index.js";

/** What a thread makes of a document: its analysis and its text's MinHash signature. */
export interface AnalysedText {
  analysis: DocumentAnalysis;
  signature: TextSignature;
}

type Pending = { resolve: (result: AnalysedText) => void; reject: (error: Error) => void };

/** One thread fewer than the cores: the main thread stores. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

export class AnalysisPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private broken?: Error;

  constructor(threads: number = defaultThreads()) {
    for (let i = 0; i < threads; i++) {
      const worker = startWorker();
      const entry = { worker, busy: 0 };
      worker.on("message", ({ id, analysis, signature, error }: { id: number; analysis?: DocumentAnalysis; signature?: TextSignature; error?: string }) => {
        entry.busy -= 1;
        const waiting = this.pending.get(id);
        this.pending.delete(id);
        if (error !== undefined) waiting?.reject(new Error(error));
        else waiting?.resolve({ analysis: analysis!, signature: signature! });
      });
      worker.on("error", (error) => {
        this.broken = new Error(`analysis thread failed: ${error.message}`);
        this.failAll(this.broken);
      });
      this.workers.push(entry);
    }
  }

  /** Analyses and signs `document` on the least busy thread. */
  analyse(document: Document): Promise<AnalysedText> {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.next++;
    const entry = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    entry.busy += 1;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      entry.worker.postMessage({ id, document });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
    this.failAll(new Error("the analysis pool was closed"));
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/** The worker script beside this module: compiled JavaScript, or TypeScript run through tsx (tests, scripts). */
function startWorker(): Worker {
  const url = new URL(`./analysis-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
  if (!url.pathname.endsWith(".ts")) return new Worker(url);
  const tsx = import.meta.resolve("tsx/esm/api");
  return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`, { eval: true });
}
