/** The `--db` option every store command shares, and opening/closing the store around a command. */
import type { Command } from "commander";
import { DEFAULT_DB, openStore } from "../graph/open.js";
import type { Store } from "../graph/store.js";

export function addDbOption(command: Command): Command {
  return command.option(
    "--db <dir|url>",
    "store: a directory for the embedded store, or a postgres:// URL (env DOSSIER_DB)",
    process.env.DOSSIER_DB ?? DEFAULT_DB,
  );
}

export async function withStore<T>(db: string, run: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}
