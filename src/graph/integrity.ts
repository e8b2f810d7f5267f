/**
 * References to documents that the schema does not enforce (migration 0006 dropped their foreign
 * keys for ingest speed): documents are never deleted or re-keyed, and the write path stores every
 * row naming a document in the transaction that stores the document, after it. Tests check that
 * no row names a missing document after ingesting, crashing, merging and unmerging.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "./schema.js";

/** Every column that names a document, by table. */
export const DOCUMENT_REFERENCES: readonly (readonly [table: keyof Database & string, column: string])[] = [
  ["documents", "duplicate_of"],
  ["actors", "first_document"],
  ["actor_aliases", "document_id"],
  ["actor_keys", "document_id"],
  ["actor_merges", "document_id"],
  ["mentions", "document_id"],
  ["relations", "document_id"],
  ["events", "document_id"],
  ["claims", "document_id"],
  ["provenance", "document_id"],
  ["timexes", "document_id"],
  ["places", "document_id"],
  ["document_signatures", "document_id"],
  ["document_bands", "document_id"],
];

/** Rows naming a document that is not stored, counted by table and column (empty when the store is whole). */
export async function orphanRows(db: Kysely<Database>): Promise<{ table: string; column: string; rows: number }[]> {
  const found: { table: string; column: string; rows: number }[] = [];
  for (const [table, column] of DOCUMENT_REFERENCES) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::integer AS n FROM ${sql.table(table)} t
      WHERE t.${sql.ref(column)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = t.${sql.ref(column)})`.execute(db);
    if (rows[0]!.n > 0) found.push({ table, column, rows: rows[0]!.n });
  }
  return found;
}
