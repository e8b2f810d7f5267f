/**
 * A throwaway PostgreSQL cluster on loopback from the Debian `postgresql` package (initdb + pg_ctl,
 * as the postgres user when running as root). Used by the test run (postgres.global.ts) and by the
 * ingest benchmark (scripts/bench-ingest.ts).
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

export interface PostgresCluster {
  /** Admin URL of the cluster's `postgres` database. */
  url: string;
  /** Stops the server and deletes its files. */
  stop(): void;
}

/** The directory holding initdb and pg_ctl (newest Debian version first, then PATH), if any. */
export function findPostgresBinDir(): string | undefined {
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

/** Initialises and starts a cluster in a new temporary directory (fsync off: its data is disposable). */
export async function startPostgresCluster(bin: string): Promise<PostgresCluster> {
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
    throw new Error(`could not start a throwaway PostgreSQL: ${error instanceof Error ? error.message : String(error)}\n${detail}`);
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
