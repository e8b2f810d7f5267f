/** Starts the API and web UI on one port. */
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import type { Store } from "../graph/store.js";
import { createApp } from "./app.js";
import type { IngestJobs } from "./ingest-jobs.js";
import type { TokenStore } from "./tokens.js";

export interface ServeOptions {
  store: Store;
  tokens: TokenStore;
  host: string;
  /** 0 picks a free port. */
  port: number;
  staticDir?: string;
}

export interface RunningServer {
  url: string;
  jobs: IngestJobs;
  close(): Promise<void>;
}

/** The built UI: dist/web beside dist/api, also when run from source (src/web holds the unbuilt UI, whose .ts no browser runs). */
export const DEFAULT_STATIC_DIR = fileURLToPath(new URL(import.meta.url.endsWith(".ts") ? "../../dist/web/" : "../web/", import.meta.url));

export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Beyond loopback the API is only served once a token exists (and then every request needs one). */
export async function assertMayListen(host: string, tokens: TokenStore): Promise<void> {
  if (!isLoopback(host) && !(await tokens.hasAny())) {
    throw new Error(`refusing to listen on ${host} (beyond loopback) without a token: run \`dossier token create\` first`);
  }
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const loopback = isLoopback(options.host);
  await assertMayListen(options.host, options.tokens);
  const { app, jobs } = createApp({ store: options.store, tokens: options.tokens, loopback, staticDir: options.staticDir });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, () => resolve(started));
    started.once("error", reject);
  });
  // Node answers a malformed request, or an over-long request line or headers (a huge query string), with a bare status: give the API's JSON error.
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
    const [status, reason] = error.code === "HPE_HEADER_OVERFLOW" ? ["431 Request Header Fields Too Large", "request line and headers too large (at most 16 KB): shorten the query"] : ["400 Bad Request", "malformed HTTP request"];
    const body = JSON.stringify({ error: reason });
    socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    jobs,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
