/**
 * Browser tests: the built UI served by `dossier serve`'s server over a temp store holding the seed,
 * driven in Debian's headless Chromium. Skipped when Chromium is missing, except in CI where that fails.
 * UPDATE_SCREENSHOTS=1 writes the README's screenshots to docs/screenshots/.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_TEXT, hostileAnalysis, seedLikeAnalysis } from "../../test/fixtures/analysis.js";
import { startServer, type RunningServer } from "../api/server.js";
import { TokenStore } from "../api/tokens.js";
import { openStore } from "../graph/open.js";
import type { Store } from "../graph/store.js";
import { ingestFiles } from "../ingest/run.js";

const CHROMIUM = "/usr/bin/chromium";
const REPO = fileURLToPath(new URL("../../", import.meta.url));
const SEED = join(REPO, "../shared/seeds/000_c9f1e4863a1e1bca.txt");
const WEB_DIR = join(REPO, "dist/web");
/** The README's screenshots are refreshed only on request, so test runs leave the tree clean. */
const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === "1";
const haveChromium = existsSync(CHROMIUM);

if (!haveChromium && process.env.CI === "true") {
  throw new Error(`${CHROMIUM} is missing: .ci/run must install Debian's chromium`);
}

describe.skipIf(!haveChromium)("web UI in Chromium", () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  let shots: string;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const strayRequests: string[] = [];

  const open = async (hash: string) => {
    await page.goto(`${server.url}/${hash}`);
    await page.waitForSelector("#app[data-ready=true]");
  };

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIR, "index.html"))) await build({ configFile: join(REPO, "src/web/vite.config.ts") });
    dir = await mkdtemp(join(tmpdir(), "dossier-ui-"));
    store = await openStore(join(dir, "db"));
    const [outcome] = await ingestFiles(store, [SEED], {});
    expect(outcome?.error).toBeUndefined();
    await store.saveAnalysis(seedLikeAnalysis());
    await store.saveAnalysis(hostileAnalysis());
    const tokens = new TokenStore(join(dir, "db.tokens.json"));
    token = (await tokens.create("ui test")).token;
    server = await startServer({ store, tokens, host: "127.0.0.1", port: 0, staticDir: WEB_DIR });
    context = await chromium.launchPersistentContext(join(dir, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 860 },
      acceptDownloads: true,
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--enable-unsafe-swiftshader",
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("request", (request) => {
      if (!request.url().startsWith(server.url)) strayRequests.push(request.url());
      else if (new URL(request.url()).pathname === "/x") strayRequests.push(request.url());
    });
    shots = UPDATE_SCREENSHOTS ? join(REPO, "docs/screenshots") : join(dir, "screenshots");
    await mkdir(shots, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await store?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("shows the ISKP actor page with aliases, relations, timeline and claims", async () => {
    await open("#/actor/ISKP");
    await expect(page.locator("h1.actor-name").innerText()).resolves.toContain("Islamic State - Khorasan Province");
    const aliases = await page.locator("table.aliases").innerText();
    expect(aliases).toContain("ISKP");
    const relations = await page.locator("table.relations").innerText();
    expect(relations).toMatch(/rival of/);
    expect(relations).toMatch(/affiliate of/);
    expect(await page.locator("svg.timeline circle").count()).toBeGreaterThan(3);
    expect(await page.locator("table.claims-by tbody tr").count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: join(shots, "actor.png") });
  });

  it("clicks from a claim through to its source span in the document", async () => {
    await open("#/actor/ISKP");
    const link = page.locator("table.claims-by a.source", { hasText: "cancer" }).first();
    const quoted = (await link.innerText()).replace(/^\u201c|\u201d$/g, "");
    await link.click();
    await page.waitForSelector("#app[data-ready=true] .doc-text .focus");
    expect(page.url()).toMatch(/#\/document\/.+\?start=\d+&end=\d+/);
    const focused = await page.locator(".doc-text .focus").allInnerTexts();
    // Entity labels (ORG, GPE) sit inside the marks; the words themselves are the claim's.
    expect(focused.join("").replace(/(ORG|GPE|PER|LOC|WORK)/g, "")).toBe(quoted);
    await expect(page.locator(".doc-panel").innerText()).resolves.toMatch(/claim/);
    await page.screenshot({ path: join(shots, "document.png") });
    // Every entity highlight leads to its actor.
    await page.locator(".doc-text a.ent", { hasText: "Taliban" }).first().click();
    await page.waitForSelector("#app[data-ready=true] h1.actor-name");
    await expect(page.locator("h1.actor-name").innerText()).resolves.toContain("Taliban");
  });

  it("explores the ISKP graph with depth, predicate filter, communities and export", async () => {
    await open("#/graph/ISKP?depth=2");
    const summary = page.locator(".graph-summary");
    await expect(summary.getAttribute("data-nodes")).resolves.not.toBeNull();
    const nodes = Number(await summary.getAttribute("data-nodes"));
    expect(nodes).toBeGreaterThanOrEqual(5);
    expect(await page.locator("#sigma canvas").count()).toBeGreaterThan(0);
    await expect(page.locator("#sigma").innerText()).resolves.not.toMatch(/cannot draw/);
    await page.locator("input[aria-label='Colour by community']").check();
    await page.screenshot({ path: join(shots, "graph.png") });
    // Only rival_of links: fewer actors, and the exported view holds nothing else.
    for (const box of await page.locator(".predicate-filter input").all()) {
      if ((await box.getAttribute("value")) !== "rival_of") await box.uncheck();
    }
    await page.waitForSelector(".graph-summary[data-predicates=rival_of]");
    expect(Number(await summary.getAttribute("data-nodes"))).toBeLessThan(nodes);
    const download = page.waitForEvent("download");
    await page.locator("button", { hasText: "Export JSON" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("dossier-graph.json");
    const view = JSON.parse(await readFile((await file.path())!, "utf8")) as { nodes: { name: string }[]; edges: { predicate: string }[] };
    expect(view.nodes.map((n) => n.name)).toContain("Taliban");
    expect(new Set(view.edges.map((e) => e.predicate))).toEqual(new Set(["rival_of"]));
    const png = page.waitForEvent("download");
    await page.locator("button", { hasText: "Export PNG" }).click();
    expect((await png).suggestedFilename()).toBe("dossier-graph.png");
  }, 180_000);

  it("searches across actors, claims and documents", async () => {
    await open("#/search?q=Taliban");
    const text = await page.locator("#app").innerText();
    expect(text).toMatch(/Actors \([1-9]/);
    expect(text).toMatch(/Documents \([1-9]/);
  });

  it("renders a hostile document as text: no script runs, no markup is made", async () => {
    await open(`#/actor/${encodeURIComponent("The Hostile Front")}`);
    await expect(page.locator("h1.actor-name").textContent()).resolves.toContain('Hostile Front <img src=x onerror="window.__pwned=5">');
    await open("#/search?q=Hostile");
    await expect(page.locator("#app").innerText()).resolves.toMatch(/Actors \([1-9]/);
    await open("#/search?q=rejects");
    await expect(page.locator("#app").innerText()).resolves.toMatch(/Claims \([1-9]/);
    await open("#/document/hostile");
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(strayRequests).toEqual([]);
    const text = page.locator(".doc-text");
    expect(await text.locator("script, img, svg, iframe, b").count()).toBe(0);
    expect(await text.locator("a[href^='javascript']").count()).toBe(0);
    expect((await text.textContent())?.replace(/(ORG|GPE|PER|LOC|WORK)/g, "")).toBe(HOSTILE_TEXT.replace(/(ORG|GPE|PER|LOC|WORK)/g, ""));
    await expect(page.locator("h1.doc-title").textContent()).resolves.toContain("<img src=x");
    expect(pageErrors).toEqual([]);
  });

  it("uploads a file on the ingest page with a token and shows its progress to the end", async () => {
    await open("#/ingest");
    await page.locator("#token").fill(token);
    await page.locator("#token").press("Enter");
    await page.locator("input[type=file]").setInputFiles({
      name: "note.jsonl",
      mimeType: "application/json",
      buffer: Buffer.from(`${JSON.stringify({ date: "2024-05-01", text: "The Taliban rejected talks with Pakistan on Monday." })}\n`),
    });
    await page.locator("button", { hasText: "Upload and ingest" }).click();
    await page.waitForSelector(".ingest-status .job[data-status=done]", { timeout: 120_000 });
    await expect(page.locator(".ingest-status .job-summary").innerText()).resolves.toMatch(/done: 1\/1 documents · 1 new/);
  });

  it("undoes a merge from the actor page with the token", async () => {
    await open("#/actor/ISKP");
    const undo = page.locator("table.merges button.undo").first();
    expect(await undo.count()).toBe(1);
    await undo.click();
    await page.waitForSelector(".merge-status p");
    await expect(page.locator(".merge-status").innerText()).resolves.toMatch(/^Undone: the merged rows are now /);
  });
});
