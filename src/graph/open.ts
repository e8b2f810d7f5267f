import type { PGlite } from "@electric-sql/pglite";
import type { Kysely } from "kysely";
import { migrate } from "./migrations.js";
import { openPglite, pgliteKysely } from "./pglite/index.js";
import { openPostgres } from "./postgres/index.js";
import type { Database } from "./schema.js";
import { SqlStore } from "./sql-store.js";
import { StatisticsUpkeep, tunePlanner } from "./statistics.js";
import type { Store } from "./store.js";

export const DEFAULT_DB = "./.dossier";

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** Opens the store named by `db`: a `postgres://` URL, else a PGlite directory (or `memory://`). Migrates it. */
export async function openStore(db: string = DEFAULT_DB): Promise<Store> {
  if (isPostgresUrl(db)) {
    const kysely = await openPostgres(db);
    await migrateOrClose(kysely);
    return new SqlStore(kysely);
  }
  const { kysely, release } = await openPglite(db);
  try {
    await migrateOrClose(kysely);
  } catch (error) {
    release();
    throw error;
  }
  await tunePlanner(kysely);
  return new SqlStore(kysely, release, undefined, new StatisticsUpkeep());
}

/** A store over a PGlite instance the caller made (in memory, cloned, or owned by an embedding app). Closing it closes `pglite`. */
export async function openPgliteStore(pglite: PGlite): Promise<Store> {
  const kysely = pgliteKysely(pglite);
  await migrateOrClose(kysely);
  await tunePlanner(kysely);
  return new SqlStore(kysely, undefined, undefined, new StatisticsUpkeep());
}

async function migrateOrClose(kysely: Kysely<Database>): Promise<void> {
  try {
    await migrate(kysely as Kysely<unknown>);
  } catch (error) {
    await kysely.destroy();
    throw error;
  }
}
