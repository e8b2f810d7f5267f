import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { sha256 } from "../ingest/types.js";
import { DOCUMENT_REFERENCES } from "./integrity.js";
import { openPgliteStore } from "./open.js";

describe("references to documents", () => {
  it("lists every column naming a document, which no foreign key checks, and finds rows naming a missing one", async () => {
    const pglite = new PGlite();
    const store = await openPgliteStore(pglite);
    try {
      const { rows: columns } = await pglite.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns
         WHERE table_schema = 'public' AND (column_name IN ('document_id', 'first_document', 'duplicate_of'))`,
      );
      expect(columns.map((c) => `${c.table_name}.${c.column_name}`).sort()).toEqual(DOCUMENT_REFERENCES.map(([t, c]) => `${t}.${c}`).sort());
      const { rows: keys } = await pglite.query<{ n: number }>(`SELECT count(*)::integer AS n FROM pg_constraint WHERE contype = 'f' AND confrelid = 'documents'::regclass`);
      expect(keys[0]!.n).toBe(0);
      // Foreign keys to actors stay: merges and unmerges move and delete actors.
      await expect(pglite.query(`INSERT INTO mentions (document_id, start, "end", text, type, actor_id) VALUES ('d0', 0, 1, 'x', 'ORG', 'org:nobody')`)).rejects.toThrow(/foreign key/);

      const text = "Hamas spoke.";
      await store.saveAnalysis({
        document: { id: "d1", date: "2024-01-01", text, sha256: sha256(text) },
        actors: [{ id: "e1", name: "Hamas", type: "ORG", aliases: [] }],
        mentions: [{ doc: "d1", start: 0, end: 5, text: "Hamas", type: "ORG", actor: "e1" }],
        relations: [],
        events: [],
        claims: [],
        timexes: [],
      });
      expect(await store.orphanRows()).toEqual([]);
      await pglite.query(`INSERT INTO mentions (document_id, start, "end", text, type, actor_id) VALUES ('d9', 0, 5, 'Hamas', 'ORG', 'org:hamas')`);
      await pglite.query(`INSERT INTO timexes (document_id, start, "end", text, type, value) VALUES ('d9', 0, 4, '2024', 'DATE', '2024'), ('d8', 0, 4, '2024', 'DATE', '2024')`);
      expect(await store.orphanRows()).toEqual([
        { table: "mentions", column: "document_id", rows: 1 },
        { table: "timexes", column: "document_id", rows: 2 },
      ]);
    } finally {
      await store.close();
    }
  });
});
