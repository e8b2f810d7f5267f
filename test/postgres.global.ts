/**
 * Vitest global setup: a throwaway PostgreSQL cluster on loopback for the whole run (see
 * postgres-cluster.ts). Exposes its URL as DOSSIER_TEST_PG_URL. Without the binaries, PostgreSQL
 * tests skip locally and the run fails in CI (CI=true).
 */
import type { TestProject } from "vitest/node";
import { findPostgresBinDir, startPostgresCluster } from "./postgres-cluster.js";

declare module "vitest" {
  export interface ProvidedContext {
    dossierPgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (process.env.DOSSIER_TEST_PG_URL) {
    project.provide("dossierPgUrl", process.env.DOSSIER_TEST_PG_URL);
    return undefined;
  }
  const bin = findPostgresBinDir();
  if (!bin) {
    if (process.env.CI === "true") throw new Error("PostgreSQL binaries (initdb, pg_ctl) not found: install the Debian package postgresql");
    process.stderr.write("postgres.global: no PostgreSQL binaries found; PostgreSQL tests will be skipped\n");
    project.provide("dossierPgUrl", "");
    return undefined;
  }
  const cluster = await startPostgresCluster(bin);
  process.env.DOSSIER_TEST_PG_URL = cluster.url;
  project.provide("dossierPgUrl", cluster.url);
  return () => cluster.stop();
}
