import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../graph/open.js";
import type { Store } from "../graph/store.js";
import { FetchRefused } from "./fetch.js";
import { loadWatchState, parseInterval, pollFeed, saveWatchState, type WatchState } from "./watch.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = join(ROOT, "bin/dossier.js");

function item(n: number): string {
  return `<item><title>Report ${n}</title><link>https://wire.example/${n}</link><guid>wire-${n}</guid>
    <pubDate>0${n} Mar 2024 10:00:00 GMT</pubDate>
    <description>&lt;p&gt;The ministry said on day ${n} that the militants attacked a checkpoint near the border.&lt;/p&gt;</description></item>`;
}
const rss = (items: number[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link><description>d</description>${items.map(item).join("")}</channel></rss>`;

/** A feed server that answers conditional GETs, records what it was asked, and can be changed. */
let server: Server;
let base: string;
let feed = { body: rss([1, 2]), etag: '"v1"' };
const asked: IncomingHttpHeaders[] = [];
beforeAll(async () => {
  server = createServer((request, response) => {
    asked.push(request.headers);
    if (request.headers["if-none-match"] === feed.etag) {
      response.writeHead(304);
      response.end();
      return;
    }
    response.writeHead(200, { "content-type": "application/rss+xml", etag: feed.etag, "last-modified": "Sat, 02 Mar 2024 10:00:00 GMT" });
    response.end(feed.body);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

describe("polling a feed into the store", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore("memory://");
  });
  afterAll(async () => {
    await store.close();
  });

  it("stores new items once, sends validators, and stores only what is new after a change", { timeout: 120_000 }, async () => {
    feed = { body: rss([1, 2]), etag: '"v1"' };
    const state: WatchState = { feeds: {} };
    const url = `${base}/feed.xml`;
    const first = await pollFeed(store, url, state, { allowLoopback: true });
    expect(first).toMatchObject({ notModified: false, items: 2, fresh: 2, inserted: 2, duplicate: 0 });
    expect(state.feeds[url]).toMatchObject({ etag: '"v1"', lastModified: "Sat, 02 Mar 2024 10:00:00 GMT", seen: ["wire-1", "wire-2"] });
    const documents = (await store.exportGraph()).documents;
    expect(documents.map((d) => [d.date, d.title, d.url, d.source]).sort()).toEqual([
      ["2024-03-01", "Report 1", "https://wire.example/1", "Wire"],
      ["2024-03-02", "Report 2", "https://wire.example/2", "Wire"],
    ]);

    const second = await pollFeed(store, url, state, { allowLoopback: true });
    expect(second.notModified).toBe(true);
    expect(asked.at(-1)).toMatchObject({ "if-none-match": '"v1"', "if-modified-since": "Sat, 02 Mar 2024 10:00:00 GMT" });

    feed = { body: rss([2, 3]), etag: '"v2"' };
    const third = await pollFeed(store, url, state, { allowLoopback: true });
    expect(third).toMatchObject({ items: 2, fresh: 1, inserted: 1 });
    expect((await store.exportGraph()).documents).toHaveLength(3);
    expect(state.feeds[url]!.seen).toEqual(["wire-1", "wire-2", "wire-3"]);
  });

  it("refuses loopback without --allow-loopback and private addresses, storing nothing", async () => {
    const before = asked.length;
    const state: WatchState = { feeds: {} };
    await expect(pollFeed(store, `${base}/feed.xml`, state)).rejects.toThrow(FetchRefused);
    await expect(pollFeed(store, "http://10.0.0.1/feed.xml", state, { allowLoopback: true })).rejects.toThrow(FetchRefused);
    await expect(pollFeed(store, "http://169.254.10.20/feed.xml", state, { allowLoopback: true })).rejects.toThrow(FetchRefused);
    expect(asked.length).toBe(before);
  });
});

describe("watch state and interval", () => {
  it("round-trips the state file and names a corrupt one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dossier-watch-"));
    const file = join(dir, "sub", "state.json");
    expect(await loadWatchState(file)).toEqual({ feeds: {} });
    await saveWatchState(file, { feeds: { u: { seen: ["a"], etag: "x" } } });
    expect(await loadWatchState(file)).toEqual({ feeds: { u: { seen: ["a"], etag: "x" } } });
    const corrupt = join(dir, "corrupt.json");
    await saveWatchState(corrupt, { feeds: {} });
    await import("node:fs/promises").then((fs) => fs.writeFile(corrupt, "{nope"));
    await expect(loadWatchState(corrupt)).rejects.toThrow(/corrupt\.json: unreadable watch state/);
  });

  it("parses --every", () => {
    expect(parseInterval("15m")).toBe(900_000);
    expect(parseInterval("30s")).toBe(30_000);
    expect(parseInterval("2h")).toBe(7_200_000);
    expect(parseInterval("90")).toBe(90_000);
    expect(() => parseInterval("0.5s")).toThrow(/--every/);
    expect(() => parseInterval("soon")).toThrow(/--every/);
  });
});

describe.skipIf(!existsSync(join(ROOT, "dist/cli/main.js")))("dossier watch (built CLI)", () => {
  const run = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { timeout: 170_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
    }
  };

  it("polls once into a store directory, then reports not modified", { timeout: 240_000 }, async () => {
    feed = { body: rss([1, 2, 3]), etag: '"cli"' };
    const db = join(mkdtempSync(join(tmpdir(), "dossier-watch-cli-")), "store");
    const url = `${base}/cli.xml`;
    const first = await run("watch", url, "--once", "--allow-loopback", "--db", db);
    expect(first.stderr).toBe("");
    expect(first.stdout).toBe(`watch: ${url}: 3 items, 3 new, 3 inserted, 0 duplicate\n`);
    expect(JSON.parse(readFileSync(join(db, "watch-state.json"), "utf8")).feeds[url].etag).toBe('"cli"');
    const again = await run("watch", url, "--once", "--allow-loopback", "--db", db);
    expect(again.stdout).toBe(`watch: ${url}: not modified\n`);
  });

  it("refuses loopback without the flag with exit code 1", { timeout: 120_000 }, async () => {
    const db = join(mkdtempSync(join(tmpdir(), "dossier-watch-cli-")), "store");
    const result = await run("watch", `${base}/cli.xml`, "--once", "--db", db);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^dossier: refusing 127\.0\.0\.1: it resolves to 127\.0\.0\.1, a loopback/);
  });
});
