/** Storage for near-duplicate detection: MinHash signatures and LSH band keys of analysed documents, and copies. */
import type { Kysely, Transaction } from "kysely";
import type { Document } from "../model/index.js";
import type { Database } from "./schema.js";
import type { SaveResult, TextSignature } from "./store.js";
import { insertRows, type PendingWrites } from "./writes.js";
import { anyOf } from "./actor-state.js";

type Db = Kysely<Database> | Transaction<Database>;

/** Little-endian bytes, so a signature reads the same on every machine sharing a PostgreSQL store. */
function toBytes(minhash: Uint32Array): Uint8Array {
  const bytes = Buffer.alloc(minhash.length * 4);
  minhash.forEach((value, i) => bytes.writeUInt32LE(value, i * 4));
  return bytes;
}

function fromBytes(bytes: Uint8Array): Uint32Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: Math.floor(buffer.length / 4) }, (_, i) => buffer.readUInt32LE(i * 4));
}

/** Indexes a document just stored (so never indexed before) by its signature. */
export function recordSignature(writes: PendingWrites, documentId: string, signature: TextSignature): void {
  writes.insert("document_signatures", [{ document_id: documentId, minhash: toBytes(signature.minhash) }]);
  const bands = [...new Set(signature.bands)].map((band_key) => ({ band_key, document_id: documentId }));
  writes.insert("document_bands", bands);
}

/** Analysed documents sharing at least one LSH band with `bands`, with their signatures. */
export async function nearDuplicateCandidates(db: Db, bands: string[]): Promise<{ documentId: string; minhash: Uint32Array }[]> {
  const byBand = await nearDuplicatesByBand(db, bands);
  const unique = new Map([...byBand.values()].flat().map((candidate) => [candidate.documentId, candidate]));
  return [...unique.values()].sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0));
}

/** For each of `bands`, the analysed documents indexed under it (one query for many texts). */
export async function nearDuplicatesByBand(db: Db, bands: string[]): Promise<Map<string, { documentId: string; minhash: Uint32Array }[]>> {
  const byBand = new Map<string, { documentId: string; minhash: Uint32Array }[]>();
  if (bands.length === 0) return byBand;
  const rows = await db
    .selectFrom("document_bands as b")
    .innerJoin("document_signatures as s", "s.document_id", "b.document_id")
    .select(["b.band_key", "s.document_id", "s.minhash"])
    .where("b.band_key", "=", anyOf([...new Set(bands)]))
    .execute();
  for (const row of rows) {
    const list = byBand.get(row.band_key) ?? [];
    list.push({ documentId: row.document_id, minhash: fromBytes(row.minhash) });
    byBand.set(row.band_key, list);
  }
  return byBand;
}

/**
 * Inserts a document row (a near-duplicate copy when `duplicateOf` is set). The same text already
 * stored is a duplicate; another text under the same id is an error.
 */
export async function insertDocument(db: Db, document: Document, duplicateOf: string | null = null): Promise<SaveResult> {
  return (await insertDocuments(db, [{ document, duplicateOf }]))[0]!;
}

/** Inserts document rows (copies where `duplicateOf` is set) in one statement, with `insertDocument`'s result for each, in order. */
export async function insertDocuments(db: Db, items: { document: Document; duplicateOf: string | null }[]): Promise<SaveResult[]> {
  if (items.length === 0) return [];
  const documents = items.map((item) => item.document);
  const rows = items.map(({ document, duplicateOf }) => ({
    id: document.id,
    date: document.date,
    title: document.title ?? null,
    source: document.source ?? null,
    url: document.url ?? null,
    text: document.text,
    sha256: document.sha256,
    duplicate_of: duplicateOf,
  }));
  // One array per column (./writes.ts): a VALUES list of a hundred texts costs more to parse.
  const inserted = new Set((await insertRows(db, "documents", rows, { doNothing: true }, ["id"])).map((row) => row.id as string));
  const results: SaveResult[] = [];
  for (const document of documents) {
    if (inserted.delete(document.id)) {
      results.push({ status: "inserted", documentId: document.id });
      continue;
    }
    const same = await db.selectFrom("documents").select("id").where("sha256", "=", document.sha256).executeTakeFirst();
    if (!same) throw new Error(`document id "${document.id}" is already used by a different text`);
    results.push({ status: "duplicate", documentId: same.id });
  }
  return results;
}
