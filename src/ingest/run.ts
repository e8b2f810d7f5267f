/** The ingest path of one file: read and validate everything, then analyse and store each document in its own transaction. */
import { readFile } from "node:fs/promises";
import type { SaveItem, SaveResult, Store, TextSignature } from "../graph/store.js";
import type { Document, DocumentAnalysis } from "../model/index.js";
import { analyse } from "../nlp/pipeline.js";
import { AnalysisPool, defaultThreads, type AnalysedText } from "./analysis-pool.js";
import { bestMatch, textSignature } from "./dedupe.js";
import { readDocuments } from "./registry.js";
import { InputError, sha256, type ReadOptions } from "./types.js";

/**
 * Loads and validates one file's documents without storing anything. Fails (InputError) if the file
 * cannot be read, any record is bad, or a record's id already names a different stored text.
 */
export async function loadDocuments(store: Store, file: string, options: ReadOptions = {}): Promise<Document[]> {
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(file, undefined, code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : `cannot read (${code ?? String(error)})`);
  }
  const documents = await readDocuments(file, content, options);
  for (const document of documents) {
    const stored = await store.document(document.id);
    if (stored && stored.sha256 !== document.sha256) {
      throw new InputError(file, undefined, `id "${document.id}" already names a different stored document`);
    }
  }
  return documents;
}

/**
 * Analyses and stores one document (one transaction); a document already stored is not analysed
 * again, and a near-duplicate copy of a stored one is kept as a source of it without analysis.
 */
export async function storeDocument(store: Store, document: Document): Promise<SaveResult> {
  if (await store.hasDocument(document.sha256)) {
    const copy = await outletCopy(store, document);
    return copy ? store.saveCopy(copy.document, copy.originalId) : { status: "duplicate", documentId: document.id };
  }
  const signature = textSignature(document.text);
  const original = bestMatch(signature.minhash, await store.nearDuplicateCandidates(signature.bands));
  if (original) return store.saveCopy(document, original.documentId);
  return store.saveAnalysis(await analyse(document), signature);
}

/** Documents per transaction in `ingestFiles` and queue workers: fewer commits, little work lost to a crash. */
export const BATCH_SIZE = 100;

/** Analyses a document: here, or in a worker thread (./analysis-pool.ts) while the store writes. */
export type Analyser = (document: Document) => Promise<DocumentAnalysis>;

/** Signs a document's text for near-duplicate detection: here, or with its analysis in a worker thread. */
export type Signer = (document: Document) => Promise<TextSignature>;

const analyseHere: Analyser = async (document) => analyse(document);
const signHere: Signer = async (document) => textSignature(document.text);

/**
 * Stores documents in order in ONE transaction, each as `storeDocument` would (a later document
 * may copy an earlier one): all are stored, or none if one fails. The duplicate checks run first,
 * in two queries for the whole batch, and only new documents are analysed, before the transaction.
 */
export async function storeDocuments(store: Store, documents: Document[], analyser: Analyser = analyseHere, signer: Signer = signHere): Promise<SaveResult[]> {
  const stored = await store.storedSha256s(documents.map((d) => d.sha256));
  const unstored = documents.filter((d) => !stored.has(d.sha256));
  const signatures = new Map(await Promise.all(unstored.map(async (d) => [d, await signer(d)] as const)));
  const indexed = await store.nearDuplicatesByBand([...new Set([...signatures.values()].flatMap((s) => s.bands))]);
  const seen = new Set<string>();
  const plans: { document: Document; check?: true; copyOf?: string; analysis?: Promise<DocumentAnalysis>; signature?: TextSignature }[] = [];
  for (const document of documents) {
    const signature = signatures.get(document);
    if (!signature || seen.has(document.sha256)) {
      plans.push({ document, check: true }); // stored, or repeated in this batch: the one-by-one path decides
    } else {
      const candidates = new Map(signature.bands.flatMap((band) => indexed.get(band) ?? []).map((c) => [c.documentId, c]));
      const original = bestMatch(signature.minhash, [...candidates.values()].sort((a, b) => (a.documentId < b.documentId ? -1 : 1)));
      if (original) plans.push({ document, copyOf: original.documentId });
      else {
        plans.push({ document, analysis: analyser(document), signature });
        for (const band of signature.bands) indexed.set(band, [...(indexed.get(band) ?? []), { documentId: document.id, minhash: signature.minhash }]);
      }
    }
    seen.add(document.sha256);
  }
  const analyses = await Promise.all(plans.map((plan) => plan.analysis));
  return store.batch(async (batch) => {
    const results: SaveResult[] = [];
    // Consecutive analysed documents and copies are stored together; checks in between, in order.
    let run: SaveItem[] = [];
    const storeRun = async () => {
      if (run.length > 0) results.push(...(await batch.saveAnalyses(run)));
      run = [];
    };
    for (const [i, plan] of plans.entries()) {
      const analysis = analyses[i];
      if (analysis) run.push({ analysis, signature: plan.signature });
      else if (plan.copyOf) run.push({ copy: plan.document, originalId: plan.copyOf });
      else {
        await storeRun();
        results.push(await storeDocument(batch, plan.document));
      }
    }
    await storeRun();
    return results;
  });
}

/**
 * Stores batches of documents (`storeDocuments`), analysing ahead: while one batch is written, the
 * new documents of the next are analysed in worker threads. With no threads, all runs here.
 */
export class BatchIngester {
  private readonly ahead = new Map<Document, Promise<AnalysedText>>();
  private readonly pool?: AnalysisPool;

  constructor(
    private readonly store: Store,
    threads = 0,
  ) {
    if (threads > 0) this.pool = new AnalysisPool(threads);
  }

  /** Stores `batch` in one transaction, having started the analysis of `next`'s unstored documents. */
  async storeBatch(batch: Document[], next: Document[] = []): Promise<SaveResult[]> {
    if (this.pool && next.length > 0) {
      const stored = await this.store.storedSha256s(next.map((d) => d.sha256));
      for (const document of next) {
        if (stored.has(document.sha256) || this.ahead.has(document)) continue;
        const analysed = this.pool.analyse(document);
        analysed.catch(() => {}); // a failure surfaces when the batch awaits it, or never if not needed
        this.ahead.set(document, analysed);
      }
    }
    try {
      return await storeDocuments(this.store, batch, (document) => this.analysis(document), (document) => this.signature(document));
    } finally {
      for (const document of batch) this.ahead.delete(document); // copies and duplicates, never analysed
    }
  }

  async close(): Promise<void> {
    this.ahead.clear();
    await this.pool?.close();
  }

  private async analysis(document: Document): Promise<DocumentAnalysis> {
    const ready = this.ahead.get(document);
    this.ahead.delete(document);
    if (ready) return (await ready).analysis;
    return this.pool ? (await this.pool.analyse(document)).analysis : analyseHere(document);
  }

  /** The signature made with the analysis ahead, else (or if that analysis failed) one made here. */
  private async signature(document: Document): Promise<TextSignature> {
    const ready = this.ahead.get(document);
    return ready ? ready.then((result) => result.signature, () => signHere(document)) : signHere(document);
  }
}

/**
 * The very text of a stored document, run by another outlet: a copy that is one more source of
 * the original, identified by outlet and text. The same outlet again is a plain duplicate.
 */
async function outletCopy(store: Store, document: Document): Promise<{ document: Document; originalId: string } | undefined> {
  const stored = await store.documentBySha256(document.sha256);
  if (!stored || !document.source || stored.source === document.source) return undefined;
  const identity = sha256(`${document.source}\u0000${document.text}`);
  if (await store.hasDocument(identity)) return undefined;
  const derivedId = document.id === `doc-${document.sha256.slice(0, 16)}` || document.id === stored.id;
  return {
    document: { ...document, id: derivedId ? `doc-${identity.slice(0, 16)}` : document.id, sha256: identity },
    originalId: stored.duplicate_of ?? stored.id,
  };
}

export interface FileOutcome {
  file: string;
  inserted: number;
  duplicate: number;
  /** Why the file failed; documents stored before a storage failure stay stored. */
  error?: string;
}

/** Hooks for progress display; all optional. */
export interface IngestProgress {
  /** All files are read and validated; `documents` will now be stored one by one. */
  start?(documents: number): void;
  document?(file: string, result: SaveResult): void;
  file?(outcome: FileOutcome): void;
}

/**
 * Ingests files: first reads and validates each file completely (a bad file is reported and
 * skipped, nothing of it stored), then stores their documents in order, `BATCH_SIZE` to a
 * transaction, so an interruption loses at most the batch in flight and a re-run skips what is
 * stored. A batch that fails is stored again one document at a time, so the documents before the
 * failing one stay stored and its file stops there. `shouldStop` is polled between batches.
 */
export async function ingestFiles(
  store: Store,
  files: string[],
  options: ReadOptions,
  progress: IngestProgress = {},
  shouldStop: () => boolean = () => false,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  const loaded: FileWork[] = [];
  for (const file of files) {
    try {
      loaded.push({ documents: await loadDocuments(store, file, options), done: 0, outcome: { file, inserted: 0, duplicate: 0 } });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const outcome = { file, inserted: 0, duplicate: 0, error: error.message };
      outcomes.push(outcome);
      progress.file?.(outcome);
    }
  }
  const total = loaded.reduce((sum, { documents }) => sum + documents.length, 0);
  progress.start?.(total);
  // Worker threads pay for loading the models once each: worth it for long runs only.
  const ingester = new BatchIngester(store, total >= 4 * BATCH_SIZE ? defaultThreads() : 0);
  try {
    await storeFiles(ingester, loaded, outcomes, progress, shouldStop);
  } finally {
    await ingester.close();
  }
  return outcomes;
}

/** Stores the loaded files' documents in batches, reporting each file when it is done. */
async function storeFiles(ingester: BatchIngester, loaded: FileWork[], outcomes: FileOutcome[], progress: IngestProgress, shouldStop: () => boolean): Promise<void> {
  let current = 0;
  /** Reports, in order, the files whose documents are all stored or that failed. */
  const finishFiles = () => {
    for (; current < loaded.length && (loaded[current]!.outcome.error || loaded[current]!.done === loaded[current]!.documents.length); current++) {
      outcomes.push(loaded[current]!.outcome);
      progress.file?.(loaded[current]!.outcome);
    }
  };
  finishFiles();
  while (current < loaded.length && !shouldStop()) {
    // This batch and the next (analysed meanwhile).
    const items: BatchItem[] = [];
    for (let f = current; f < loaded.length && items.length < 2 * BATCH_SIZE; f++) {
      const work = loaded[f]!;
      if (work.outcome.error) continue;
      for (let d = work.done; d < work.documents.length && items.length < 2 * BATCH_SIZE; d++) items.push({ work, document: work.documents[d]! });
    }
    await storeBatch(ingester, items.slice(0, BATCH_SIZE), items.slice(BATCH_SIZE).map((item) => item.document), progress);
    finishFiles();
  }
  // Interrupted: the file in progress is reported with what it stored.
  if (current < loaded.length && loaded[current]!.done > 0) {
    outcomes.push(loaded[current]!.outcome);
    progress.file?.(loaded[current]!.outcome);
  }
}

interface FileWork {
  documents: Document[];
  /** Documents stored or found stored so far. */
  done: number;
  outcome: FileOutcome;
}

interface BatchItem {
  work: FileWork;
  document: Document;
}

/** One transaction for the batch; if it fails, one per document, to store all but the failing one's file rest. */
async function storeBatch(ingester: BatchIngester, batch: BatchItem[], next: Document[], progress: IngestProgress): Promise<void> {
  const record = (item: BatchItem, result: SaveResult) => {
    item.work.outcome[result.status] += 1;
    item.work.done += 1;
    progress.document?.(item.work.outcome.file, result);
  };
  let results: SaveResult[] | undefined;
  try {
    results = await ingester.storeBatch(batch.map((item) => item.document), next);
  } catch {
    // Found again below, with the document that caused it.
  }
  if (results) {
    batch.forEach((item, i) => record(item, results[i]!));
    return;
  }
  for (const item of batch) {
    if (item.work.outcome.error) continue;
    try {
      record(item, (await ingester.storeBatch([item.document]))[0]!);
    } catch (error) {
      item.work.outcome.error = `${item.work.outcome.file}: document ${item.document.id}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
