/** Embedded backend: PGlite (PostgreSQL in WebAssembly) in a local directory. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import type { Database } from "../schema.js";

/**
 * `dir` is a directory (created if missing) or `memory://` for a throwaway in-memory store.
 * One process at a time: a second opener would corrupt the directory, so it gets a clear error.
 */
export async function openPglite(dir: string): Promise<{ kysely: Kysely<Database>; release: () => void }> {
  if (dir.startsWith("memory://")) {
    const pglite = new PGlite({ dataDir: dir });
    await pglite.waitReady;
    return { kysely: pgliteKysely(pglite), release: () => {} };
  }
  const dataDir = resolve(dir);
  const release = lockDirectory(dataDir);
  try {
    const pglite = new PGlite({ dataDir });
    await pglite.waitReady;
    return { kysely: pgliteKysely(pglite), release };
  } catch (error) {
    release();
    throw new Error(`cannot open the store in ${dataDir}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function pgliteKysely(pglite: PGlite): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
}

/** Takes `dir/dossier.lock` for this process; a lock left by a dead process (e.g. after kill -9) is taken over. */
function lockDirectory(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, "dossier.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: "wx" });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lock, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new Error(`the store in ${dir} is in use by process ${holder}; wait for it, or use a PostgreSQL store (--db postgres://...) for concurrent access`);
      }
      rmSync(lock, { force: true });
    }
  }
  throw new Error(`cannot lock the store in ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
