/** The ingest path of one file: read and validate everything, then analyse and store each document in its own transaction. */
import { readFile } from "node:fs/promises";
import type { Store, SaveResult } from "../graph/store.js";
import type { Document } from "../model/index.js";
import { analyse } from "../nlp/pipeline.js";
import { readDocuments } from "./registry.js";
import { InputError, type ReadOptions } from "./types.js";

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

/** Analyses and stores one document (one transaction); a document already stored is not analysed again. */
export async function storeDocument(store: Store, document: Document): Promise<SaveResult> {
  if (await store.hasDocument(document.sha256)) return { status: "duplicate", documentId: document.id };
  return store.saveAnalysis(await analyse(document));
}
