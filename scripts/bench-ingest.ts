/**
 * Ingest benchmark: `npm run bench:ingest -- [--sizes 1000,5000] [--workers 1,2] [--pg URL] [--no-postgres] [--no-analysis]`.
 *
 * Reads the first N documents of ../shared/data/news (Reuters-21578 SGML, every tenth slot a BBC
 * text while they last) and prints, for each N, articles/s, tokens/s and peak RSS of:
 * the analysis alone (no store), PGlite in one process (an on-disk store, as `dossier ingest`), and
 * PostgreSQL with 1 and 2 `dossier worker` processes (pg-boss queue). Each configuration runs in its
 * own child process so its peak RSS is its own; times exclude start-up (reading the corpus, loading
 * models, opening the store). PostgreSQL is a throwaway loopback cluster (test/postgres-cluster.ts)
 * unless --pg names a server whose user may create databases.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { openStore } from "../src/graph/open.js";
import type { SaveResult, Store } from "../src/graph/store.js";
import { enqueueDocuments, openQueue, runWorker } from "../src/ingest/queue.js";
import { readDocuments } from "../src/ingest/registry.js";
import { defaultThreads } from "../src/ingest/analysis-pool.js";
import { BATCH_SIZE, BatchIngester, storeDocument } from "../src/ingest/run.js";
import { InputError, sha256 } from "../src/ingest/types.js";
import type { Document } from "../src/model/index.js";
import { analyse, analyseDoc } from "../src/nlp/pipeline.js";
import { tokenizer } from "../src/nlp/tokenize.js";
import { findPostgresBinDir, startPostgresCluster, type PostgresCluster } from "../test/postgres-cluster.js";

const SCRIPT = fileURLToPath(import.meta.url);
const NEWS = resolve(dirname(SCRIPT), "../../shared/data/news");
const BBC_DATE = "2005-01-01";
const PROGRESS_EVERY = 250;

/** What a child process reports on its last stdout line. */
interface Measure {
  documents: number;
  inserted: number;
  seconds: number;
  /** CPU seconds of the process (every thread) over the same span; a PostgreSQL server's are not counted. */
  cpuSeconds: number;
  /** CPU seconds of the main thread alone (where PGlite stores), where the system tells (Linux). */
  mainCpuSeconds?: number;
  maxRssMb: number;
}

// ---------------------------------------------------------------- corpus

/** The first `size` documents of the news corpus, the same on every call (scripts/analysis-snapshot.ts reads it too). */
export async function loadCorpus(size: number): Promise<Document[]> {
  const reutersDir = join(NEWS, "reuters21578");
  const bbcDir = join(NEWS, "bbc");
  const bbcFiles = readdirSync(bbcDir)
    .sort()
    .flatMap((topic) => readdirSync(join(bbcDir, topic)).filter((f) => f.endsWith(".txt")).sort().map((f) => join(bbcDir, topic, f)));
  const bbcWanted = Math.min(bbcFiles.length, Math.floor(size / 10));
  const bbc: Document[] = [];
  // An even spread over the five topics.
  for (let i = 0; i < bbcWanted; i++) {
    const file = bbcFiles[Math.floor((i * bbcFiles.length) / bbcWanted)]!;
    try {
      bbc.push(...(await readDocuments(file, readFileSync(file), { date: BBC_DATE, source: "bbc" })));
    } catch (error) {
      if (!(error instanceof InputError)) throw error; // one BBC file is not UTF-8: left out, Reuters fills its place
    }
  }
  const reuters: Document[] = [];
  for (const file of readdirSync(reutersDir).filter((f) => f.endsWith(".sgm")).sort()) {
    if (reuters.length >= size - bbc.length) break;
    const path = join(reutersDir, file);
    reuters.push(...(await readDocuments(path, readFileSync(path), {})));
  }
  const documents: Document[] = [];
  for (let slot = 0; documents.length < size && (bbc.length > 0 || reuters.length > 0); slot++) {
    const next = (slot % 10 === 9 && bbc.length > 0) || reuters.length === 0 ? bbc.shift() : reuters.shift();
    documents.push(next!);
  }
  if (documents.length < size) throw new Error(`the news corpus in ${NEWS} holds only ${documents.length} documents, not ${size}`);
  return documents;
}

function countTokens(documents: Document[]): number {
  return documents.reduce((sum, document) => sum + analyseDoc(document, [tokenizer]).tokens.length, 0);
}

/**
 * Loads the pipeline's and the store's lazily loaded models and data (gazetteers, places, Phoenix persons) before the
 * clock starts, by analysing one short document and, given a store, storing it (one extra row set);
 * given an ingester, through it, so its analysis thread loads the models too.
 */
async function warmUp(label: string, store?: Store, ingester?: BatchIngester): Promise<void> {
  const text = `Reuters reported on Monday that President Asif Ali Zardari said the Islamic State accused the government of Iraq of killing its leader in Mosul (${label}).`;
  const document = { id: `warm-up-${label.replace(/\W+/g, "-")}`, date: "2020-01-01", text, sha256: sha256(text) };
  if (ingester) await ingester.storeBatch([document]);
  else if (store) await storeDocument(store, document);
  else analyse(document);
}

// ---------------------------------------------------------------- children (one configuration each)

/** Starts a clock of wall and process CPU time (all threads), and of the main thread's CPU time where known. */
function clock(): () => { seconds: number; cpuSeconds: number; mainCpuSeconds?: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const main = mainThreadCpuSeconds();
  return () => {
    const used = process.cpuUsage(cpu);
    const mainNow = mainThreadCpuSeconds();
    return {
      seconds: (performance.now() - wall) / 1000,
      cpuSeconds: (used.user + used.system) / 1e6,
      ...(main !== undefined && mainNow !== undefined ? { mainCpuSeconds: mainNow - main } : {}),
    };
  };
}

/** User and system CPU seconds of the calling thread from /proc (Linux; clock ticks of 1/100 s), else undefined. */
function mainThreadCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync("/proc/thread-self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

function maxRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function progress(label: string, done: number, total: number, started: number): void {
  if (done % PROGRESS_EVERY === 0 || done === total) {
    process.stderr.write(`  ${label}: ${done}/${total} documents, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
}

async function childAnalyse(size: number): Promise<Measure> {
  const documents = await loadCorpus(size);
  await warmUp("analysis");
  const started = performance.now();
  const elapsed = clock();
  documents.forEach((document, i) => {
    analyse(document);
    progress(`analysis ${size}`, i + 1, size, started);
  });
  return { documents: size, inserted: 0, ...elapsed(), maxRssMb: maxRssMb() };
}

async function childPglite(size: number): Promise<Measure> {
  const documents = await loadCorpus(size);
  const dir = mkdtempSync(join(tmpdir(), "dossier-bench-pglite-"));
  try {
    const store = await openStore(join(dir, "store"));
    await warmUp("pglite", store);
    let inserted = 0;
    // As `dossier ingest`: BATCH_SIZE documents per transaction, the next batch analysed in worker threads meanwhile.
    const ingester = new BatchIngester(store, defaultThreads());
    await warmUp("pglite threads", store, ingester);
    const started = performance.now();
    const elapsed = clock();
    let measured: { seconds: number; cpuSeconds: number };
    try {
      for (let i = 0; i < documents.length; i += BATCH_SIZE) {
        const results = await ingester.storeBatch(documents.slice(i, i + BATCH_SIZE), documents.slice(i + BATCH_SIZE, i + 2 * BATCH_SIZE));
        inserted += results.filter((result) => result.status === "inserted").length;
        progress(`PGlite ${size}`, Math.min(i + BATCH_SIZE, size), size, started);
      }
      measured = elapsed();
    } finally {
      await ingester.close();
      await store.close();
    }
    return { documents: size, inserted, ...measured, maxRssMb: maxRssMb() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A queue worker: says "ready" once started, waits for "go" on stdin, then drains the queue. */
async function childWorker(db: string, label: string): Promise<Measure> {
  const boss = await openQueue(db);
  const store = await openStore(db);
  try {
    await warmUp(label, store);
    process.stdout.write("ready\n");
    for await (const line of createInterface({ input: process.stdin })) if (line === "go") break;
    let done = 0;
    let inserted = 0;
    const started = performance.now();
    const elapsed = clock();
    await runWorker(boss, store, {
      exitWhenEmpty: true,
      pollMs: 100,
      onResult(_document, result: SaveResult | Error) {
        done += 1;
        if (result instanceof Error) process.stderr.write(`  ${label}: ${result.message}\n`);
        else if (result.status === "inserted") inserted += 1;
        if (done % PROGRESS_EVERY === 0) process.stderr.write(`  ${label}: ${done} documents, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      },
    });
    return { documents: done, inserted, ...elapsed(), maxRssMb: maxRssMb() };
  } finally {
    await store.close();
    await boss.stop({ graceful: false, close: true });
  }
}

// ---------------------------------------------------------------- parent

interface Child {
  ready: Promise<void>;
  go(): void;
  done: Promise<Measure>;
}

function startChild(args: string[]): Child {
  const child = spawn(process.execPath, [...process.execArgv, SCRIPT, ...args], { stdio: ["pipe", "pipe", "inherit"] });
  const lines: string[] = [];
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  createInterface({ input: child.stdout! }).on("line", (line) => {
    if (line === "ready") onReady();
    else lines.push(line);
  });
  const done = new Promise<Measure>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      const last = lines.at(-1);
      if (code === 0 && last) resolve(JSON.parse(last) as Measure);
      else reject(new Error(`bench child ${args.join(" ")} exited with ${code}`));
    });
  });
  return { ready, go: () => child.stdin!.end("go\n"), done };
}

async function runChild(args: string[]): Promise<Measure> {
  const child = startChild(args);
  child.go();
  return child.done;
}

async function withDatabase<T>(admin: string, name: string, body: (url: string) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    try {
      return await body(url.toString());
    } finally {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

/** Enqueues the corpus, then times `workers` worker processes draining it. */
async function benchPostgres(admin: string, size: number, workers: number): Promise<Measure> {
  return withDatabase(admin, `dossier_bench_${size}_${workers}_${process.pid}`, async (url) => {
    // Schema and queue are made once here, so workers do not race to migrate.
    const store = await openStore(url);
    const boss = await openQueue(url);
    try {
      await enqueueDocuments(boss, store, await loadCorpus(size));
    } finally {
      await boss.stop({ graceful: false, close: true });
      await store.close();
    }
    const children = Array.from({ length: workers }, (_, i) => startChild(["--child", "worker", "--db", url, "--label", `PostgreSQL ${size} worker ${i + 1}/${workers}`]));
    await Promise.all(children.map((child) => child.ready));
    const started = performance.now();
    children.forEach((child) => child.go());
    const results = await Promise.all(children.map((child) => child.done));
    return {
      documents: results.reduce((sum, r) => sum + r.documents, 0),
      inserted: results.reduce((sum, r) => sum + r.inserted, 0),
      seconds: (performance.now() - started) / 1000,
      cpuSeconds: results.reduce((sum, r) => sum + r.cpuSeconds, 0),
      maxRssMb: Math.max(...results.map((r) => r.maxRssMb)),
    };
  });
}

interface Row {
  configuration: string;
  size: number;
  tokens: number;
  measure: Measure;
}

function printTable(rows: Row[]): void {
  const header = ["configuration", "documents", "stored", "seconds", "CPU s", "CPU ms/doc", "main ms/doc", "other ms/doc", "articles/s", "tokens/s", "peak RSS MB"];
  const perDoc = (row: Row, seconds: number | undefined) => (seconds === undefined ? "-" : ((seconds * 1000) / row.size).toFixed(1));
  const body = rows.map((row) => [
    row.configuration,
    String(row.size),
    row.configuration.startsWith("analysis") ? "-" : String(row.measure.inserted),
    row.measure.seconds.toFixed(1),
    row.measure.cpuSeconds.toFixed(1),
    ((row.measure.cpuSeconds * 1000) / row.size).toFixed(1),
    perDoc(row, row.measure.mainCpuSeconds),
    perDoc(row, row.measure.mainCpuSeconds === undefined ? undefined : row.measure.cpuSeconds - row.measure.mainCpuSeconds),
    (row.size / row.measure.seconds).toFixed(1),
    Math.round(row.tokens / row.measure.seconds).toString(),
    Math.round(row.measure.maxRssMb).toString(),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  process.stdout.write(`\n${line(header)}\n${line(widths.map((w) => "-".repeat(w)))}\n${body.map(line).join("\n")}\n`);
  process.stdout.write(`(CPU: the bench process's every thread; PostgreSQL rows count the workers' processes, not the server's. Main: the main thread alone, which stores into PGlite; other: the rest, the analysis thread and V8's helpers. Load average at the end: ${loadavg().map((n) => n.toFixed(2)).join(", ")})\n`);
}

/** Time per document at each size relative to the smallest: 1.00 everywhere is linear growth. */
function printGrowth(rows: Row[]): void {
  const sizes = [...new Set(rows.map((row) => row.size))];
  if (sizes.length < 2) return;
  process.stdout.write(`\ngrowth (seconds per document, relative to ${sizes[0]} documents; 1.00 = linear):\n`);
  for (const configuration of new Set(rows.map((row) => row.configuration))) {
    const own = rows.filter((row) => row.configuration === configuration);
    const base = own[0]!.measure.seconds / own[0]!.size;
    process.stdout.write(`  ${configuration}: ${own.map((row) => `${row.size}: ${(row.measure.seconds / row.size / base).toFixed(2)}`).join(", ")}\n`);
  }
}

function numbers(flag: string, value: string): number[] {
  const list = value.split(",").map(Number);
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--${flag} takes positive whole numbers separated by commas, not ${JSON.stringify(value)}`);
  return list;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "1000,5000" },
      workers: { type: "string", default: "1,2" },
      pg: { type: "string" },
      "no-postgres": { type: "boolean", default: false },
      "no-analysis": { type: "boolean", default: false },
      child: { type: "string" },
      size: { type: "string" },
      db: { type: "string" },
      label: { type: "string", default: "worker" },
    },
  });
  if (values.child) {
    const size = Number(values.size);
    const measure =
      values.child === "analyse" ? await childAnalyse(size)
      : values.child === "pglite" ? await childPglite(size)
      : await childWorker(values.db!, values.label);
    process.stdout.write(`${JSON.stringify(measure)}\n`);
    return;
  }

  const sizes = numbers("sizes", values.sizes);
  const workerCounts = numbers("workers", values.workers);
  let cluster: PostgresCluster | undefined;
  let admin = values.pg;
  if (!admin && !values["no-postgres"]) {
    const bin = findPostgresBinDir();
    if (bin) cluster = await startPostgresCluster(bin);
    else process.stderr.write("bench: no initdb/pg_ctl found; PostgreSQL skipped (install postgresql or pass --pg URL)\n");
    admin = cluster?.url;
  }
  const rows: Row[] = [];
  try {
    for (const size of sizes) {
      process.stderr.write(`bench: ${size} documents from ${NEWS}\n`);
      const tokens = countTokens(await loadCorpus(size));
      const record = async (configuration: string, measure: Promise<Measure>) => {
        rows.push({ configuration, size, tokens, measure: await measure });
        process.stderr.write(`bench: ${configuration}, ${size} documents: ${rows.at(-1)!.measure.seconds.toFixed(1)} s\n`);
      };
      if (!values["no-analysis"]) await record("analysis only (no store)", runChild(["--child", "analyse", "--size", String(size)]));
      await record("PGlite, 1 process", runChild(["--child", "pglite", "--size", String(size)]));
      if (admin && !values["no-postgres"]) {
        for (const workers of workerCounts) await record(`PostgreSQL, ${workers} worker${workers > 1 ? "s" : ""}`, benchPostgres(admin, size, workers));
      }
    }
  } finally {
    cluster?.stop();
  }
  rows.sort((a, b) => a.configuration.localeCompare(b.configuration) || a.size - b.size);
  printTable(rows);
  printGrowth(rows);
}

// Run only as the script itself, not when another script imports the corpus loader.
if (process.argv[1] === SCRIPT) await main();
