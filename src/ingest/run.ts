/** The ingest path of one file: read and validate everything, then analyse and store each document in its own transaction. */
import { readFile } from "node:fs/promises";
import type { Store, SaveResult } from "../graph/store.js";
import type { Document } from "../model/index.js";
import { analyse } from "../nlp/pipeline.js";
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
    throw new InputError(file, undefined, code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : `cannot read (${code ?? String(error)})`);
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
 * skipped, nothing of it stored), then stores each document in its own transaction, so an
 * interruption loses at most the document in flight and a re-run skips what is stored.
 * `shouldStop` is polled between documents.
 */
export async function ingestFiles(
  store: Store,
  files: string[],
  options: ReadOptions,
  progress: IngestProgress = {},
  shouldStop: () => boolean = () => false,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  const loaded: { file: string; documents: Document[] }[] = [];
  for (const file of files) {
    try {
      loaded.push({ file, documents: await loadDocuments(store, file, options) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const outcome = { file, inserted: 0, duplicate: 0, error: error.message };
      outcomes.push(outcome);
      progress.file?.(outcome);
    }
  }
  progress.start?.(loaded.reduce((sum, { documents }) => sum + documents.length, 0));
  for (const { file, documents } of loaded) {
    const outcome: FileOutcome = { file, inserted: 0, duplicate: 0 };
    for (const document of documents) {
      if (shouldStop()) break;
      try {
        const result = await storeDocument(store, document);
        outcome[result.status] += 1;
        progress.document?.(file, result);
      } catch (error) {
        outcome.error = `${file}: document ${document.id}: ${error instanceof Error ? error.message : String(error)}`;
        break;
      }
    }
    outcomes.push(outcome);
    progress.file?.(outcome);
    if (shouldStop()) break;
  }
  return outcomes;
}
