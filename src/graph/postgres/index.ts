/** Server backend: PostgreSQL through a node-postgres pool. */
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "../schema.js";

export async function openPostgres(url: string, maxConnections = 4): Promise<Kysely<Database>> {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  // Fail now, with the URL's host, rather than on the first query.
  const client = await pool.connect().catch(async (error: unknown) => {
    await pool.end();
    throw new Error(`cannot connect to PostgreSQL at ${redact(url)}: ${error instanceof Error ? error.message : String(error)}`);
  });
  client.release();
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
