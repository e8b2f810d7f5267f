/**
 * The HTTP API over a Store, and the web UI's static files, as one Hono app.
 * Reading is open on loopback; everything else needs a bearer token (see tokens.ts).
 */
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Store } from "../graph/store.js";
import { isEntityType } from "../model/index.js";
import { dateBound } from "../export/timestamp.js";
import { egoNetwork } from "./graph.js";
import { IngestJobs, type UploadedFile } from "./ingest-jobs.js";
import { openApiDocument } from "./openapi.js";
import type { TokenStore } from "./tokens.js";

export interface ApiOptions {
  store: Store;
  tokens: TokenStore;
  /** Bound to a loopback address: reads need no token, and only local Host headers are served. */
  loopback: boolean;
  /** The built web UI (index.html and assets); none: API only. */
  staticDir?: string;
  maxUploadBytes?: number;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** Limits what a page can do even if some text slipped into markup: no inline or foreign scripts. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 413,
    message: string,
  ) {
    super(message);
  }
}

function hostName(host: string): string {
  return host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.replace(/:\d+$/, "");
}

function bearerToken(c: Context): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "")?.[1];
}

function integer(value: string | undefined, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new HttpError(400, `${name} must be an integer from ${min} to ${max}`);
  return n;
}

/** Lists are paged: `limit` (default 100) rows from `offset`, and a `Link: <...>; rel="next"` header while more remain. */
const PAGE_SIZE = 100;

async function paged<T>(c: Context, rows: (page: { limit: number; offset: number }) => Promise<T[]>): Promise<Response> {
  const limit = integer(c.req.query("limit"), "limit", 1, 1000, PAGE_SIZE);
  const offset = integer(c.req.query("offset"), "offset", 0, Number.MAX_SAFE_INTEGER, 0);
  // One row beyond the page tells whether a next page exists without counting the whole table.
  const found = await rows({ limit: limit + 1, offset });
  if (found.length > limit) {
    const next = new URL(c.req.url);
    next.searchParams.set("limit", String(limit));
    next.searchParams.set("offset", String(offset + limit));
    c.header("Link", `<${next.pathname}${next.search}>; rel="next"`);
  }
  return c.json(found.slice(0, limit));
}

function bound(value: string | undefined, name: string, end: boolean): string | undefined {
  if (!value) return undefined;
  const date = dateBound(value, end);
  if (!date) throw new HttpError(400, `${name} must be YYYY, YYYY-MM or YYYY-MM-DD`);
  return date;
}

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const body: unknown = await c.req.json().catch(() => undefined);
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new HttpError(400, "the body must be a JSON object");
  if (JSON.stringify(body).includes("\\u0000")) throw new HttpError(400, "the body holds a NUL character (\\u0000)");
  return body as Record<string, unknown>;
}

async function userError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error) throw new HttpError(400, error.message);
    throw error;
  }
}

export function createApp(options: ApiOptions): { app: Hono; jobs: IngestJobs } {
  const { store, tokens } = options;
  const jobs = new IngestJobs(store);
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json({ error: error.message }, error.status);
    process.stderr.write(`dossier serve: ${error.stack ?? error.message}\n`);
    return c.json({ error: "internal error" }, 500);
  });
  app.notFound((c) => c.json({ error: "not found" }, 404));

  app.use("*", async (c, next) => {
    // On loopback only local names are served, so a foreign site cannot rebind its name to us.
    if (options.loopback && !LOOPBACK_HOSTS.has(hostName(c.req.header("host") ?? ""))) {
      return c.json({ error: "this server answers only to localhost" }, 403);
    }
    await next();
    c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Frame-Options", "DENY");
  });

  const authorise: MiddlewareHandler = async (c, next) => {
    const reading = c.req.method === "GET" || c.req.method === "HEAD";
    if (reading && options.loopback) return next();
    if (await tokens.verify(bearerToken(c))) return next();
    c.header("WWW-Authenticate", 'Bearer realm="dossier"');
    const why = (await tokens.hasAny()) ? "a valid bearer token is required" : "a bearer token is required: create one with `dossier token create`";
    return c.json({ error: why }, 401);
  };
  // PostgreSQL text cannot hold U+0000: a NUL in an id, a name or a query is the caller's error, not a 500.
  app.use("/api/*", async (c, next) => {
    if (/%00/i.test(c.req.url)) throw new HttpError(400, "the request holds a NUL character (%00)");
    await next();
  });
  app.use("/api/*", authorise);

  app.get("/openapi.json", (c) => c.json(openApiDocument()));

  app.get("/api/search", async (c) => {
    const q = c.req.query("q")?.trim();
    if (!q) throw new HttpError(400, "q is required");
    const limit = integer(c.req.query("limit"), "limit", 1, 1000, 20);
    const [actors, claims, documents] = await Promise.all([store.actors({ q, limit }), store.claims({ q, limit }), store.search(q, limit)]);
    return c.json({ actors, claims, documents });
  });

  app.get("/api/actors", async (c) => {
    const type = c.req.query("type");
    if (type && !isEntityType(type.toUpperCase())) throw new HttpError(400, "type must be one of PER, ORG, GPE, LOC, WORK");
    return paged(c, (page) => store.actors({ type, q: c.req.query("q"), ...page }));
  });

  const actorOf = async (nameOrId: string) => {
    const actor = await store.findActor(nameOrId);
    if (!actor) throw new HttpError(404, `no actor named ${JSON.stringify(nameOrId)}`);
    return actor;
  };

  app.get("/api/actors/:actor", async (c) => {
    const actor = await actorOf(c.req.param("actor"));
    const dossier = await store.dossier(actor.id);
    if (!dossier) throw new HttpError(404, "no such actor");
    return c.json({ ...dossier, aliasSources: await store.aliasSources(actor.id) });
  });

  app.get("/api/actors/:actor/merges", async (c) => c.json(await store.actorMerges((await actorOf(c.req.param("actor"))).id)));

  // Merging and unmerging are an analyst's corrections: the store's refusals are the caller's errors.
  app.post("/api/actors/:actor/merge", async (c) => {
    const into = await actorOf(c.req.param("actor"));
    const { from } = await jsonBody(c);
    if (typeof from !== "string" || !from) throw new HttpError(400, "give the actor to merge in as JSON {\"from\": \"id, name or alias\"}");
    const merged = await actorOf(from);
    return c.json(await userError(() => store.mergeActors(into.id, merged.id)));
  });
  app.post("/api/actors/:actor/unmerge", async (c) => {
    const actor = await actorOf(c.req.param("actor"));
    const { from } = await jsonBody(c);
    if (from !== undefined && typeof from !== "string") throw new HttpError(400, "from must be a document id, a merged actor id or an alias");
    return c.json(await userError(() => store.unmergeActor(actor.id, from)));
  });

  app.get("/api/claims", async (c) => {
    const { speaker, about, q } = c.req.query();
    return paged(c, (page) => store.claims({ speaker, about, q, ...page }));
  });

  app.get("/api/documents/:id", async (c) => {
    const view = await store.documentView(c.req.param("id"));
    if (!view) throw new HttpError(404, "no such document");
    return c.json(view);
  });

  app.get("/api/graph", async (c) => {
    const actor = c.req.query("actor");
    if (!actor) throw new HttpError(400, "actor is required");
    const predicates = c.req.query("predicates");
    const network = await egoNetwork(store, {
      actor,
      depth: integer(c.req.query("depth"), "depth", 0, 4, 1),
      predicates: predicates ? new Set(predicates.split(",").map((p) => p.trim()).filter(Boolean)) : undefined,
      from: bound(c.req.query("from"), "from", false),
      to: bound(c.req.query("to"), "to", true),
      limit: integer(c.req.query("limit"), "limit", 1, 2000, 300),
    });
    if (!network) throw new HttpError(404, "no such actor");
    return c.json(network);
  });

  app.get("/api/ingest", (c) => c.json(jobs.list()));
  app.get("/api/ingest/:job", (c) => {
    const job = jobs.get(c.req.param("job"));
    if (!job) throw new HttpError(404, "no such job");
    return c.json(job);
  });
  app.post(
    "/api/ingest",
    bodyLimit({
      maxSize: options.maxUploadBytes ?? 64 * 1024 * 1024,
      onError: (c) => c.json({ error: "upload too large" }, 413),
    }),
    async (c) => {
      const body = await c.req.parseBody({ all: true }).catch(() => {
        throw new HttpError(400, "the body is not a readable multipart form (send files as multipart field `files`)");
      });
      const files: UploadedFile[] = [];
      for (const value of [body.files ?? body.file ?? []].flat()) {
        if (typeof value === "string") throw new HttpError(400, "files must be file uploads");
        files.push({ name: value.name || "upload", content: Buffer.from(await value.arrayBuffer()) });
      }
      if (files.length === 0) throw new HttpError(400, "no files: send them as multipart field `files`");
      const field = (name: string) => {
        const value = body[name];
        if (value === undefined || value === "") return undefined;
        if (typeof value !== "string") throw new HttpError(400, `${name} must be text`);
        return value;
      };
      const date = field("date");
      if (date !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(date) && dateBound(date, false))) throw new HttpError(400, "date must be YYYY-MM-DD");
      return c.json(jobs.start(files, { date, source: field("source") }), 202);
    },
  );

  if (options.staticDir) app.use("*", serveStatic({ root: options.staticDir }));
  return { app, jobs };
}
