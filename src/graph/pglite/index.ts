/** Embedded backend: PGlite (PostgreSQL in WebAssembly) in a local directory. */
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import type { Database } from "../schema.js";

/** `dir` is a directory (created if missing) or `memory://` for a throwaway in-memory store. */
export async function openPglite(dir: string): Promise<Kysely<Database>> {
  const dataDir = dir.startsWith("memory://") ? dir : resolve(dir);
  const pglite = new PGlite({ dataDir });
  await pglite.waitReady;
  return pgliteKysely(pglite);
}

export function pgliteKysely(pglite: PGlite): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
}
