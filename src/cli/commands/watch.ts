import { join } from "node:path";
import type { Command } from "commander";
import { isPostgresUrl } from "../../graph/open.js";
import { loadWatchState, parseInterval, pollFeed, saveWatchState, type PollResult } from "../../ingest/watch.js";
import { FetchFailed, parseHttpUrl, resolvePublic } from "../../ingest/fetch.js";
import { addDbOption, withStore } from "../store-option.js";

interface WatchOptions {
  db: string;
  every: string;
  once?: boolean;
  allowLoopback?: boolean;
  state?: string;
  source?: string;
  maxBytes: string;
  timeout: string;
}

function describe(url: string, result: PollResult): string {
  if (result.notModified) return `watch: ${url}: not modified`;
  const rejected = result.rejected.length ? `, ${result.rejected.length} rejected` : "";
  return `watch: ${url}: ${result.items} items, ${result.fresh} new, ${result.inserted} inserted, ${result.duplicate} duplicate${rejected}`;
}

export function register(program: Command): void {
  addDbOption(
    program
      .command("watch")
      .description("Poll an RSS/Atom/JSON feed URL and ingest new items (conditional GET; public addresses only)")
      .argument("<url>", "feed URL (http or https)")
      .option("--every <interval>", "time between polls: 30s, 15m, 2h, 1d", "15m")
      .option("--once", "poll once and exit")
      .option("--allow-loopback", "allow feeds on this machine (127.0.0.0/8, ::1)")
      .option("--state <file>", "where ETag, Last-Modified and seen items are kept (default: watch-state.json in the --db directory)")
      .option("--source <name>", "source recorded for items (default: the feed's title)")
      .option("--max-bytes <n>", "largest response accepted", String(10 * 1024 * 1024))
      .option("--timeout <seconds>", "time limit per poll", "30"),
  ).action(async (url: string, options: WatchOptions) => {
    const every = parseInterval(options.every);
    const stateFile = options.state ?? (isPostgresUrl(options.db) ? "./.dossier-watch-state.json" : join(options.db, "watch-state.json"));
    const maxBytes = Number(options.maxBytes);
    const timeoutMs = Number(options.timeout) * 1000;
    if (!(maxBytes > 0) || !(timeoutMs > 0)) throw new Error("--max-bytes and --timeout must be positive numbers");
    // Refuse a forbidden host before opening the store; every poll checks again, as DNS answers change.
    await resolvePublic(parseHttpUrl(url).hostname, options.allowLoopback ?? false);

    let stopping = false;
    let wake: (() => void) | undefined;
    const onSignal = () => {
      stopping = true;
      wake?.();
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    try {
      await withStore(options.db, async (store) => {
        while (!stopping) {
          const state = await loadWatchState(stateFile);
          try {
            const result = await pollFeed(store, url, state, { allowLoopback: options.allowLoopback, source: options.source, maxBytes, timeoutMs });
            for (const reason of result.rejected) process.stderr.write(`dossier: ${reason}\n`);
            process.stdout.write(`${describe(url, result)}\n`);
          } catch (error) {
            // A flaky network should not end a long-running watch; anything else (refusal, bad feed) does.
            if (options.once || !(error instanceof FetchFailed)) throw error;
            process.stderr.write(`dossier: ${error.message} (retrying in ${options.every})\n`);
          } finally {
            await saveWatchState(stateFile, state);
          }
          if (options.once) break;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, every);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
      });
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
  });
}
