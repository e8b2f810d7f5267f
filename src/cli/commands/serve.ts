import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { assertMayListen, DEFAULT_STATIC_DIR, startServer } from "../../api/server.js";
import { TokenStore, tokenFile } from "../../api/tokens.js";
import { openStore } from "../../graph/open.js";
import { addDbOption } from "../store-option.js";

export function register(program: Command): void {
  addDbOption(
    program
      .command("serve")
      .description("Serve the HTTP API (OpenAPI at /openapi.json) and the web UI; reading is open on loopback, writing needs a token")
      .option("--port <port>", "port", "8080")
      .option("--host <host>", "address to listen on; beyond loopback only once a token exists", "127.0.0.1"),
  ).action(async (options: { db: string; port: string; host: string }) => {
    const port = Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, not ${JSON.stringify(options.port)}`);
    const tokens = new TokenStore(tokenFile(options.db));
    await assertMayListen(options.host, tokens);
    const store = await openStore(options.db);
    const staticDir = existsSync(join(DEFAULT_STATIC_DIR, "index.html")) ? DEFAULT_STATIC_DIR : undefined;
    let server;
    try {
      server = await startServer({ store, tokens, host: options.host, port, staticDir });
    } catch (error) {
      await store.close();
      throw error;
    }
    if (!staticDir) process.stderr.write("dossier serve: no built web UI (run `npm run build`); serving the API only\n");
    process.stdout.write(`dossier: serving ${options.db} at ${server.url}/ (API /api, OpenAPI ${server.url}/openapi.json)\n`);
    const stop = async () => {
      await server.close();
      await store.close();
    };
    process.once("SIGINT", () => void stop());
    process.once("SIGTERM", () => void stop());
  });
}
