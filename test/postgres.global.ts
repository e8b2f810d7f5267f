/**
 * Vitest global setup: a throwaway PostgreSQL cluster on loopback for the whole run, from the
 * Debian `postgresql` package (initdb + pg_ctl, as the postgres user when running as root).
 * Exposes its URL as DOSSIER_TEST_PG_URL. Without the binaries, PostgreSQL tests skip locally
 * and the run fails in CI (CI=true).
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    dossierPgUrl: string;
  }
}

function findBinDir(): string | undefined {
  const versions = existsSync("/usr/lib/postgresql")
    ? readdirSync("/usr/lib/postgresql")
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const dirs = [...versions.map((v) => `/usr/lib/postgresql/${v}/bin`), ...(process.env.PATH ?? "").split(delimiter)];
  return dirs.find((dir) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl")));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (process.env.DOSSIER_TEST_PG_URL) {
    project.provide("dossierPgUrl", process.env.DOSSIER_TEST_PG_URL);
    return undefined;
  }
  const bin = findBinDir();
  if (!bin) {
    if (process.env.CI === "true") throw new Error("PostgreSQL binaries (initdb, pg_ctl) not found: install the Debian package postgresql");
    process.stderr.write("postgres.global: no PostgreSQL binaries found; PostgreSQL tests will be skipped\n");
    project.provide("dossierPgUrl", "");
    return undefined;
  }
  const root = mkdtempSync(join(tmpdir(), "dossier-pg-"));
  const data = join(root, "data");
  const log = join(root, "server.log");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"]).toString().trim());
    chownSync(root, id("-u"), id("-g"));
  }
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? "runuser" : join(bin, tool);
    const argv = asRoot ? ["-u", "postgres", "--", join(bin, tool), ...args] : args;
    execFileSync(command, argv, { stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 });
  };
  const port = await freePort();
  try {
    run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
    run("pg_ctl", ["-D", data, "-l", log, "-w", "-t", "60", "-o", `-k ${root} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, "start"]);
  } catch (error) {
    const detail = existsSync(log) ? readFileSync(log, "utf8").slice(-2000) : "";
    rmSync(root, { recursive: true, force: true });
    throw new Error(`could not start the test PostgreSQL: ${error instanceof Error ? error.message : String(error)}\n${detail}`);
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  process.env.DOSSIER_TEST_PG_URL = url;
  project.provide("dossierPgUrl", url);
  return () => {
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
}
