/** Stores for tests: a fresh PGlite (cloned from a migrated template) and a fresh PostgreSQL database per call. */
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterEach, beforeAll, inject } from "vitest";
import { openPgliteStore, openStore } from "../src/graph/open.js";
import type { Store } from "../src/graph/store.js";

/** The admin URL of the run's PostgreSQL, or undefined when it is unavailable (skipped outside CI). */
export function postgresUrl(): string | undefined {
  return inject("dossierPgUrl") || process.env.DOSSIER_TEST_PG_URL || undefined;
}

/** Creates an empty database on the run's PostgreSQL and returns its URL. */
export async function freshPostgresDatabase(prefix = "t"): Promise<string> {
  const admin = postgresUrl();
  if (!admin) throw new Error("no test PostgreSQL (see test/postgres.global.ts)");
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

let template: Promise<File | Blob> | undefined;

/**
 * A fresh in-memory PGlite store. initdb and migrations run once per test file; each store then
 * loads a dump of that migrated template, which is several times faster than initdb.
 */
async function freshPgliteStore(): Promise<Store> {
  const pglite = new PGlite({ loadDataDir: await pgliteTemplate() });
  return openPgliteStore(pglite);
}

function pgliteTemplate(): Promise<File | Blob> {
  template ??= (async () => {
    const pglite = new PGlite();
    const store = await openPgliteStore(pglite);
    const dump = await pglite.dumpDataDir("none");
    await store.close();
    return dump;
  })();
  return template;
}

export interface Backend {
  name: "pglite" | "postgres";
  /** Whether this backend can run here (PostgreSQL may be absent outside CI). */
  available: boolean;
  /** One-time set-up worth doing in beforeAll (slow under load: PGlite's initdb). */
  prepare(): Promise<void>;
  open(): Promise<Store>;
}

export const backends: Backend[] = [
  { name: "pglite", available: true, prepare: async () => void (await pgliteTemplate()), open: freshPgliteStore },
  {
    name: "postgres",
    available: postgresUrl() !== undefined,
    prepare: async () => {},
    open: async () => openStore(await freshPostgresDatabase()),
  },
];

/**
 * Registers one describe block's store lifecycle: the backend's one-time set-up before all tests,
 * and closing the store a test opened after each. Returns the opener for the tests.
 */
export function storePerTest(backend: Backend): () => Promise<Store> {
  let store: Store | undefined;
  beforeAll(async () => {
    if (backend.available) await backend.prepare();
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
  return async () => (store = await backend.open());
}
