import { request as httpRequest } from "node:http";
import { mkdtemp, rm, writeFile, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostileAnalysis, seedLikeAnalysis } from "../../test/fixtures/analysis.js";
import { openStore } from "../graph/open.js";
import type { Store } from "../graph/store.js";
import { DEFAULT_STATIC_DIR, startServer, type RunningServer } from "./server.js";
import { TokenStore } from "./tokens.js";

const SEED = fileURLToPath(new URL("../../../shared/seeds/000_c9f1e4863a1e1bca.txt", import.meta.url));

describe("HTTP API", () => {
  let dir: string;
  let store: Store;
  let tokens: TokenStore;
  let server: RunningServer;
  let token: string;

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}${path}`, { headers });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };
  const upload = async (files: { name: string; text: string }[], headers: Record<string, string> = {}, fields: Record<string, string> = {}) => {
    const form = new FormData();
    for (const f of files) form.append("files", new Blob([f.text]), f.name);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const response = await fetch(`${server.url}/api/ingest`, { method: "POST", body: form, headers });
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "dossier-api-"));
    store = await openStore("memory://");
    await store.saveAnalysis(seedLikeAnalysis());
    await store.saveAnalysis(hostileAnalysis());
    tokens = new TokenStore(join(dir, "tokens.json"));
    await writeFile(join(dir, "index.html"), "<!doctype html><title>Dossier</title>");
    server = await startServer({ store, tokens, host: "127.0.0.1", port: 0, staticDir: dir });
  }, 300_000);
  afterAll(async () => {
    await server?.close();
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("serves the built UI (dist/web) also when run from source, never src/web's unbuilt one", () => {
    expect(DEFAULT_STATIC_DIR).toBe(fileURLToPath(new URL("../../dist/web/", import.meta.url)));
  });

  it("serves a valid OpenAPI 3.1 document", async () => {
    const { status, body } = await get("/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect((await new Validator().validate({ ...body, paths: { "/x": { get: { responses: { "200": {} } } } } })).valid).toBe(false);
  });

  it("searches actors, claims and documents", async () => {
    const { status, body } = await get("/api/search?q=ISKP");
    expect(status).toBe(200);
    expect(body.actors.map((a: any) => a.name)).toContain("Islamic State - Khorasan Province");
    expect(body.documents.map((d: any) => d.document.id)).toContain("seedlike");
    expect((await get("/api/search?q=cancer")).body.claims.map((c: any) => c.cue)).toEqual(["said"]);
    expect((await get("/api/search?q=")).status).toBe(400);
  });

  it("gives an actor's dossier by alias, with alias sources", async () => {
    const { status, body } = await get("/api/actors/ISKP");
    expect(status).toBe(200);
    expect(body.actor.name).toBe("Islamic State - Khorasan Province");
    expect(body.aliasSources.find((s: any) => s.alias === "ISKP")).toMatchObject({ document: "seedlike", date: "2023-02-16" });
    expect(body.relations.map((r: any) => r.predicate)).toEqual(expect.arrayContaining(["affiliate_of", "rival_of", "founded"]));
    expect(body.claimsBy).toHaveLength(2);
    expect((await get("/api/actors/nobody-at-all")).status).toBe(404);
    expect((await get("/api/actors?type=ORG")).body.length).toBeGreaterThanOrEqual(3);
    expect((await get("/api/actors?type=XYZ")).status).toBe(400);
  });

  it("pages actor and claim lists, linking the next page until the last", async () => {
    const all = (await get("/api/actors?limit=1000")).body.map((a: any) => a.id);
    expect(all.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let path: string | undefined = "/api/actors?limit=2";
    while (path) {
      const page = await get(path);
      expect(page.body.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.map((a: any) => a.id));
      path = /^<([^>]+)>; rel="next"$/.exec(page.headers.get("link") ?? "")?.[1];
    }
    expect(seen).toEqual(all);
    const claims = await get("/api/claims?speaker=ISKP&limit=1");
    expect(claims.body).toHaveLength(1);
    expect(claims.headers.get("link")).toBe('</api/claims?speaker=ISKP&limit=1&offset=1>; rel="next"');
    const last = await get("/api/claims?speaker=ISKP&limit=1&offset=1");
    expect(last.body[0].id).not.toBe(claims.body[0].id);
    expect(last.headers.get("link")).toBeNull();
    expect((await get("/api/claims?offset=-1")).status).toBe(400);
  });

  it("gives a document with mentions and items, and claims by speaker", async () => {
    const { body } = await get("/api/documents/seedlike");
    expect(body.document.title).toBe("ISKP magazine calls Pakistan a cancer");
    expect(body.mentions.length).toBeGreaterThan(5);
    expect(body.claims).toHaveLength(2);
    expect((await get("/api/documents/none")).status).toBe(404);
    expect((await get("/api/claims?speaker=ISKP")).body).toHaveLength(2);
  });

  it("gives ego networks filtered by depth, predicate and time", async () => {
    const one = (await get("/api/graph?actor=ISKP&depth=1")).body;
    const names = (body: any) => body.nodes.map((n: any) => n.name).sort();
    expect(names(one)).toEqual(expect.arrayContaining(["Islamic State", "Islamic State - Khorasan Province", "Pakistan", "Taliban"]));
    expect(one.edges.find((e: any) => e.predicate === "rival_of")).toMatchObject({ kind: "relation", date: "2023-02-16" });
    const rivals = (await get("/api/graph?actor=ISKP&depth=2&predicates=rival_of")).body;
    expect(names(rivals)).toEqual(["Islamic State - Khorasan Province", "Taliban"]);
    // operates_in Khorasan is dated 2015; the rest falls in 2023.
    const early = (await get("/api/graph?actor=ISKP&depth=1&from=2014&to=2016")).body;
    expect(names(early)).toEqual(["Islamic State - Khorasan Province", "Khorasan"]);
    expect((await get("/api/graph?actor=ISKP&depth=0")).body.nodes).toHaveLength(1);
    expect((await get("/api/graph?actor=ISKP&from=2015-13")).status).toBe(400);
    expect((await get("/api/graph?actor=ISKP&depth=9")).status).toBe(400);
  });

  it("answers a huge query string with 431 and a JSON error", async () => {
    const { status, body } = await get(`/api/search?q=${"a".repeat(100_000)}`);
    expect(status).toBe(431);
    expect(body.error).toMatch(/too large/);
  });

  it("answers a NUL character in a path or query with 400, not a store error", async () => {
    for (const path of ["/api/documents/doc%00x", "/api/actors/Tali%00ban", "/api/search?q=a%00b", "/api/claims?speaker=%00", "/api/graph?actor=%00"]) {
      const { status, body } = await get(path);
      expect({ path, status, body }).toEqual({ path, status: 400, body: { error: "the request holds a NUL character (%00)" } });
    }
  });

  it("refuses writes without a token and with a wrong one, accepts a valid one", async () => {
    const seed = await readFile(SEED, "utf8");
    const none = await upload([{ name: "seed.txt", text: seed }]);
    expect(none.status).toBe(401);
    expect(none.body.error).toMatch(/dossier token create/);
    const { token: made } = await tokens.create("test");
    token = made;
    expect((await upload([{ name: "seed.txt", text: seed }], { authorization: `Bearer ${made}x` })).status).toBe(401);
    expect((await upload([{ name: "seed.txt", text: seed }], { authorization: "Bearer dsr_wrong" })).status).toBe(401);
    expect((await upload([{ name: "seed.txt", text: seed }], { authorization: made })).status).toBe(401);
    const accepted = await upload([{ name: "seed.txt", text: seed }, { name: "broken.jsonl", text: "{not json\n" }], { authorization: `Bearer ${made}` });
    expect(accepted.status).toBe(202);
    await server.jobs.idle();
    const job = (await get(`/api/ingest/${accepted.body.id}`)).body;
    expect(job).toMatchObject({ status: "done", inserted: 1, processed: 1 });
    expect(job.files[1].errors[0]).toMatch(/broken\.jsonl/);
    expect((await get(`/api/documents/${job.documents[0]}`)).body.document.date).toBe("2023-02-16");
    expect((await upload([], { authorization: `Bearer ${made}` })).status).toBe(400);
    const truncated = await fetch(`${server.url}/api/ingest`, {
      method: "POST",
      headers: { authorization: `Bearer ${made}`, "content-type": "multipart/form-data; boundary=x" },
      body: '--x\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\nabc',
    });
    expect(truncated.status).toBe(400);
    expect(((await truncated.json()) as { error: string }).error).toMatch(/not a readable multipart form/);
  });

  it("merges and unmerges actors with a token only", async () => {
    const post = async (path: string, body: unknown, auth = true) => {
      const response = await fetch(`${server.url}${path}`, {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${token}` } : {}) },
      });
      return { status: response.status, body: (await response.json()) as any };
    };
    expect((await post("/api/actors/Taliban/merge", { from: "Islamic State" }, false)).status).toBe(401);
    expect((await post("/api/actors/Taliban/merge", { from: "Pakistan" })).status).toBe(400);
    expect((await post("/api/actors/Taliban/merge", {})).status).toBe(400);
    const nul = await post("/api/actors/Taliban/merge", { from: "Islamic\u0000State" });
    expect(nul).toMatchObject({ status: 400, body: { error: "the body holds a NUL character (\\u0000)" } });
    const before = (await get("/api/actors/Taliban/merges")).body.length;
    const merged = await post("/api/actors/Taliban/merge", { from: "Islamic State" });
    expect(merged.status).toBe(200);
    expect(merged.body.rule).toBe("manual");
    expect((await get("/api/actors/Taliban/merges")).body).toHaveLength(before + 1);
    const undone = await post("/api/actors/Taliban/unmerge", { from: merged.body.merged_actor });
    expect(undone.status).toBe(200);
    expect(undone.body.undone.map((m: any) => m.id)).toEqual([merged.body.id]);
    expect((await post("/api/actors/Taliban/unmerge", { from: "nobody-merged" })).status).toBe(400);
  });

  it("answers only to local Host names on loopback, and sets a strict CSP", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${server.url}/api/actors`);
      const request = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, headers: { host: "evil.example" } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      request.end();
    });
    expect(status).toBe(403);
    const page = await fetch(`${server.url}/`);
    expect(await page.text()).toContain("<title>Dossier</title>");
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
  });

  it("refuses to listen beyond loopback without a token, and then needs it for reading too", async () => {
    const empty = new TokenStore(join(dir, "none.json"));
    await expect(startServer({ store, tokens: empty, host: "0.0.0.0", port: 0 })).rejects.toThrow(/without a token/);
    const open = await startServer({ store, tokens, host: "0.0.0.0", port: 0 });
    try {
      const url = open.url.replace("0.0.0.0", "127.0.0.1");
      expect((await fetch(`${url}/api/actors`)).status).toBe(401);
      expect((await fetch(`${url}/api/actors`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});
