/**
 * Analysis in worker threads, so that documents are analysed while the main thread stores earlier
 * ones (PGlite runs in the main thread). Each thread loads the pipeline's models once, and signs the
 * text for near-duplicate detection too, which would otherwise cost the main thread. Documents wait
 * in a queue until a thread is free, so that a caller with nothing else to do can take the last
 * waiting ones back and analyse them itself (`analyseOneHere`).
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { TextSignature } from "../graph/store.js";
import type { Document, DocumentAnalysis } from "../model/index.js";
import { analyse } from "../nlp/pipeline.js";
import { textSignature } from "./dedupe.js";

/** What a thread makes of a document: its analysis and its text's MinHash signature. */
export interface AnalysedText {
  analysis: DocumentAnalysis;
  signature: TextSignature;
}

/** Analyses and signs a document on the calling thread. */
export function analyseAndSign(document: Document): AnalysedText {
  return { analysis: analyse(document), signature: textSignature(document.text) };
}

/** A short text whose analysis makes a thread load every model before its first real document. */
export const WARM_UP_DOCUMENT: Document = {
  id: "warm-up",
  date: "2020-01-01",
  text: "Reuters reported on Monday that President Asif Ali Zardari said the Islamic State accused the government of Iraq of killing its leader in Mosul.",
  sha256: "0".repeat(64),
};

interface Job {
  id: number;
  document: Document;
  resolve: (result: AnalysedText) => void;
  reject: (error: Error) => void;
}

/** Documents sent to a thread before it answers: enough that it never waits on the main thread between two. */
const IN_FLIGHT = 3;

/** One thread fewer than the cores: the main thread stores. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

export class AnalysisPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  /** Documents not yet sent to a thread, oldest first. */
  private readonly queue: Job[] = [];
  private readonly sent = new Map<number, Job>();
  private next = 0;
  private broken?: Error;
  /** Settles when every thread has loaded its models. */
  readonly ready: Promise<void>;

  constructor(threads: number = defaultThreads()) {
    const loaded: Promise<void>[] = [];
    for (let i = 0; i < threads; i++) {
      const worker = startWorker();
      const entry = { worker, busy: 0 };
      loaded.push(new Promise((resolve) => worker.once("message", () => resolve())));
      worker.on("message", ({ id, analysis, signature, error }: { id?: number; analysis?: DocumentAnalysis; signature?: TextSignature; error?: string }) => {
        if (id === undefined) return; // the thread's word that its models are loaded
        entry.busy -= 1;
        const job = this.sent.get(id);
        this.sent.delete(id);
        if (error !== undefined) job?.reject(new Error(error));
        else job?.resolve({ analysis: analysis!, signature: signature! });
        this.dispatch();
      });
      worker.on("error", (error) => {
        this.broken = new Error(`analysis thread failed: ${error.message}`);
        this.failAll(this.broken);
      });
      this.workers.push(entry);
    }
    this.ready = Promise.all(loaded).then(() => {});
  }

  /** Analyses and signs `document` on the first free thread (or here, if `analyseOneHere` takes it back first). */
  analyse(document: Document): Promise<AnalysedText> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.next++, document, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Takes the newest waiting job of one of `documents` back from the queue and runs it on the calling thread,
   * settling its promise; false when none of them is waiting. Taking from the end leaves the documents needed
   * first to the threads, which are already at work on the oldest.
   */
  analyseOneHere(documents: ReadonlySet<Document>): boolean {
    let at = this.queue.length - 1;
    while (at >= 0 && !documents.has(this.queue[at]!.document)) at--;
    if (at === -1) return false;
    const [job] = this.queue.splice(at, 1);
    try {
      job!.resolve(analyseAndSign(job!.document));
    } catch (error) {
      job!.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return true;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
    this.failAll(new Error("the analysis pool was closed"));
  }

  /** Sends waiting jobs, oldest first, to the least busy threads with room. */
  private dispatch(): void {
    while (this.queue.length > 0 && !this.broken) {
      const entry = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      if (entry.busy >= IN_FLIGHT) return;
      const job = this.queue.shift()!;
      entry.busy += 1;
      this.sent.set(job.id, job);
      entry.worker.postMessage({ id: job.id, document: job.document });
    }
  }

  private failAll(error: Error): void {
    for (const job of [...this.queue, ...this.sent.values()]) job.reject(error);
    this.queue.length = 0;
    this.sent.clear();
  }
}

/** The worker script beside this module: compiled JavaScript, or TypeScript run through tsx (tests, scripts). */
function startWorker(): Worker {
  const url = new URL(`./analysis-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
  if (!url.pathname.endsWith(".ts")) return new Worker(url);
  return new Worker(`import(${JSON.stringify(tsxRegisterApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`, { eval: true });
}

/**
 * The URL of tsx's ESM register API, read from its package.json's exports: vitest's module runner has no
 * import.meta.resolve, and the API's CommonJS build cannot register the loader in a worker.
 */
function tsxRegisterApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("tsx/package.json");
  const entry: string = require(manifest).exports["./esm/api"].import.default;
  return pathToFileURL(join(dirname(manifest), entry)).href;
}
