/** Polls a feed URL: conditional GET, new items only, each stored through the same path as `dossier ingest`. */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Store } from "../graph/store.js";
import { parseFeedItems } from "./feed.js";
import { guardedGet, type GetOptions } from "./fetch.js";
import { storeDocument } from "./run.js";
import { InputError, toDocument } from "./types.js";

/** What is remembered about one feed between polls. */
export interface FeedState {
  etag?: string;
  lastModified?: string;
  /** Keys (guid, id or link) of items already stored, newest last. */
  seen: string[];
  checked?: string;
}

export interface WatchState {
  feeds: Record<string, FeedState>;
}

/** Enough to cover any feed's window many times over, small enough to rewrite on every poll. */
const MAX_SEEN = 5000;

export async function loadWatchState(file: string): Promise<WatchState> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { feeds: {} };
    throw error;
  }
  try {
    const state = JSON.parse(text) as WatchState;
    if (!state || typeof state.feeds !== "object" || state.feeds === null) throw new Error("no feeds object");
    return state;
  } catch (error) {
    throw new InputError(file, undefined, `unreadable watch state (${error instanceof Error ? error.message : String(error)}); delete it to start over`);
  }
}

/** Written to a temporary file and renamed, so a crash leaves either the old or the new state. */
export async function saveWatchState(file: string, state: WatchState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 1)}\n`);
  await rename(temporary, file);
}

export interface PollResult {
  notModified: boolean;
  items: number;
  fresh: number;
  inserted: number;
  duplicate: number;
  /** Items that could not become documents (e.g. no date), with the reason. */
  rejected: string[];
}

export interface PollOptions extends GetOptions {
  source?: string;
  /** Date for undated items; defaults to today (UTC). */
  date?: string;
}

/**
 * One poll: conditional GET (If-None-Match / If-Modified-Since), parse, and store the items not
 * seen before. `state` is updated in place; an item is marked seen only once it is stored, and the
 * validators are kept only when every new item was handled, so an interrupted poll is redone.
 */
export async function pollFeed(store: Store, url: string, state: WatchState, options: PollOptions = {}): Promise<PollResult> {
  const feed = (state.feeds[url] ??= { seen: [] });
  const headers: Record<string, string> = { accept: "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5" };
  if (feed.etag) headers["if-none-match"] = feed.etag;
  if (feed.lastModified) headers["if-modified-since"] = feed.lastModified;
  const response = await guardedGet(url, { ...options, headers: { ...options.headers, ...headers } });
  feed.checked = new Date().toISOString();
  const result: PollResult = { notModified: false, items: 0, fresh: 0, inserted: 0, duplicate: 0, rejected: [] };
  if (response.status === 304) return { ...result, notModified: true };
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);

  const items = parseFeedItems(url, response.body, { source: options.source, date: options.date ?? new Date().toISOString().slice(0, 10) });
  const seen = new Set(feed.seen);
  result.items = items.length;
  for (const [index, item] of items.entries()) {
    if (seen.has(item.key)) continue;
    result.fresh += 1;
    let stored: Awaited<ReturnType<typeof storeDocument>>;
    try {
      const { key: _key, ...record } = item;
      stored = await storeDocument(store, toDocument(record, url, `item ${index + 1}`));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      result.rejected.push(error.message);
      continue;
    }
    result[stored.status] += 1;
    seen.add(item.key);
    feed.seen.push(item.key);
  }
  feed.seen = feed.seen.slice(-MAX_SEEN);
  const etag = response.headers.etag;
  const lastModified = response.headers["last-modified"];
  feed.etag = typeof etag === "string" ? etag : undefined;
  feed.lastModified = typeof lastModified === "string" ? lastModified : undefined;
  return result;
}

/** "15m", "30s", "2h", "1d" (or plain seconds) to milliseconds. */
export function parseInterval(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)?$/i.exec(text.trim());
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(match?.[2] ?? "s").toLowerCase() as "s"];
  const ms = match ? Number(match[1]) * unit : NaN;
  if (!(ms >= 1_000)) throw new Error(`--every must be a duration of at least 1s like 30s, 15m, 2h or 1d, not ${JSON.stringify(text)}`);
  return ms;
}
