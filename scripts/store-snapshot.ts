/**
 * Store snapshot: `npx tsx scripts/store-snapshot.ts [--size 1000] [--analyses FILE] [--out FILE] [--compare FILE] [--batch 100] [--profile FILE] [--statements]`.
 *
 * Stores the first N documents of ../shared/data/news (the corpus of `npm run bench:ingest`),
 * analysed and signed (MinHash) beforehand, into a fresh on-disk PGlite store as `dossier ingest` does (batches of
 * `--batch` documents, one transaction each), and prints the CPU time of storing per document: no
 * other thread runs, so it is the store's own cost (PGlite and the JavaScript around it). Then it
 * reads every table of the store, row by row in a fixed order (the time a row was written left
 * out), and writes them with one hash per table (--out), or compares them with an earlier snapshot
 * (--compare: the tables that differ and their first differing rows), so a change to the store can
 * be shown to leave the stored graph identical.
 *
 * --statements prints the CPU time of each kind of SQL statement per document (a statement's
 * time counts whatever else ran meanwhile, which is nothing in this script but the statement).
 * --profile FILE writes a CPU profile (.cpuprofile) of the storing alone.
 *
 * --analyses FILE keeps the analyses (written on the first run, read afterwards), so that the
 * snapshots before and after a change store the very same analyses even while the pipeline changes,
 * and the run measures storing only.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Session } from "node:inspector/promises";
import { deserialize, serialize } from "node:v8";
import { PGlite } from "@electric-sql/pglite";
import { openPgliteStore } from "../src/graph/open.js";
import { textSignature } from "../src/ingest/dedupe.js";
import { storeDocuments } from "../src/ingest/run.js";
import { sha256 } from "../src/ingest/types.js";
import type { Document, DocumentAnalysis } from "../src/model/index.js";
import { analyse } from "../src/nlp/pipeline.js";
import { loadCorpus } from "./bench-ingest.js";

/** Columns holding the time a row was written: different on every run. */
const VOLATILE = new Set(["ingested_at", "created_at", "undone_at"]);

interface Table {
  rows: number;
  hash: string;
  /** Every row as one line of text, in order. */
  lines: string[];
}

interface Snapshot {
  size: number;
  tables: Record<string, Table>;
}

async function analyses(documents: Document[], file?: string): Promise<Map<string, DocumentAnalysis>> {
  if (file && existsSync(file)) {
    const stored = deserialize(readFileSync(file)) as { id: string; analysis: DocumentAnalysis }[];
    if (stored.length !== documents.length) throw new Error(`${file} holds ${stored.length} analyses, not ${documents.length}`);
    return new Map(stored.map(({ id, analysis }) => [id, analysis]));
  }
  const list = documents.map((document) => ({ id: document.id, analysis: analyse(document) }));
  if (file) writeFileSync(file, serialize(list));
  return new Map(list.map(({ id, analysis }) => [id, analysis]));
}

/** Every table of the store (but the migrations' own), each row's columns as text, ordered by every column. */
async function readTables(pglite: PGlite): Promise<Record<string, Table>> {
  const { rows: tables } = await pglite.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'schema_migrations%' ORDER BY table_name`,
  );
  const out: Record<string, Table> = {};
  for (const { table_name: table } of tables) {
    const { rows: columns } = await pglite.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    const kept = columns.map((c) => c.column_name).filter((c) => !VOLATILE.has(c));
    const list = kept.map((c) => `${quote(c)}::text`).join(", ");
    const { rows } = await pglite.query<{ line: string }>(`SELECT concat_ws(' | ', ${kept.map((c) => `coalesce(${quote(c)}::text, 'NULL')`).join(", ")}) AS line FROM ${quote(table)} ORDER BY ${list}`);
    const lines = rows.map((row) => row.line);
    out[table] = { rows: lines.length, hash: createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16), lines };
  }
  return out;
}

/** Wraps `pglite.query` to sum the CPU time of each kind of statement (its first words and tables). */
function timeStatements(pglite: PGlite): Map<string, { n: number; ms: number }> {
  const times = new Map<string, { n: number; ms: number }>();
  const query = pglite.query.bind(pglite);
  pglite.query = (async (text: string, ...rest: unknown[]) => {
    const cpu = process.cpuUsage();
    try {
      return await (query as (text: string, ...rest: unknown[]) => Promise<unknown>)(text, ...rest);
    } finally {
      const used = process.cpuUsage(cpu);
      const tables = [...text.matchAll(/(?:insert into|from|update|join) "?(\w+)"?/gi)].map((m) => m[1]);
      const verb = text.trim().split(/\s+/)[0]!.toLowerCase();
      const what = verb === "with" ? "with: the batch's inserts" : `${verb} ${[...new Set(tables)].slice(0, 3).join(",")}`;
      const entry = times.get(what) ?? { n: 0, ms: 0 };
      entry.n += 1;
      entry.ms += (used.user + used.system) / 1000;
      times.set(what, entry);
    }
  }) as typeof pglite.query;
  return times;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/** Prints the tables whose rows differ, with the first rows that do; returns how many differ. */
function compare(before: Snapshot, after: Snapshot): number {
  let differing = 0;
  for (const name of [...new Set([...Object.keys(before.tables), ...Object.keys(after.tables)])].sort()) {
    const a = before.tables[name];
    const b = after.tables[name];
    if (a && b && a.hash === b.hash) continue;
    differing += 1;
    if (!a || !b) {
      process.stdout.write(`${name}: only in the ${a ? "earlier" : "new"} snapshot\n`);
      continue;
    }
    process.stdout.write(`${name}: ${a.rows} rows before, ${b.rows} now\n`);
    const only = (x: string[], y: string[]) => {
      const other = new Set(y);
      return x.filter((line) => !other.has(line));
    };
    for (const line of only(a.lines, b.lines).slice(0, 3)) process.stdout.write(`  - ${line.slice(0, 300)}\n`);
    for (const line of only(b.lines, a.lines).slice(0, 3)) process.stdout.write(`  + ${line.slice(0, 300)}\n`);
  }
  return differing;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: "string", default: "1000" },
      batch: { type: "string", default: "100" },
      analyses: { type: "string" },
      out: { type: "string" },
      compare: { type: "string" },
      profile: { type: "string" },
      statements: { type: "boolean", default: false },
    },
  });
  const size = Number(values.size);
  const batchSize = Number(values.batch);
  const documents = await loadCorpus(size);
  const analysed = await analyses(documents, values.analyses);
  const dir = mkdtempSync(join(tmpdir(), "dossier-store-snapshot-"));
  try {
    const pglite = new PGlite({ dataDir: join(dir, "store") });
    await pglite.waitReady;
    const store = await openPgliteStore(pglite);
    const statements = values.statements ? timeStatements(pglite) : undefined;
    const analyser = async (document: Document) => {
      const analysis = analysed.get(document.id);
      if (!analysis) throw new Error(`no analysis of ${document.id}`);
      return analysis;
    };
    // Signed beforehand too, as `dossier ingest` signs each text with its analysis on another thread.
    const signatures = new Map(documents.map((document) => [document.id, textSignature(document.text)]));
    const signer = async (document: Document) => signatures.get(document.id) ?? textSignature(document.text);
    // The store's lazily loaded data (gazetteers, places) and compiled code, before the clock starts.
    const text = "Reuters reported on Monday that President Asif Ali Zardari said the Islamic State accused the government of Iraq of killing its leader in Mosul.";
    const warmUp = { id: "warm-up", date: "2020-01-01", text, sha256: sha256(text) };
    await storeDocuments(store, [warmUp], async (document) => analyse(document));
    const session = values.profile ? new Session() : undefined;
    session?.connect();
    await session?.post("Profiler.enable");
    await session?.post("Profiler.start");
    const wall = performance.now();
    const cpu = process.cpuUsage();
    let inserted = 0;
    for (let i = 0; i < documents.length; i += batchSize) {
      const results = await storeDocuments(store, documents.slice(i, i + batchSize), analyser, signer);
      inserted += results.filter((result) => result.status === "inserted").length;
    }
    const used = process.cpuUsage(cpu);
    if (session) {
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(values.profile!, JSON.stringify(profile));
      session.disconnect();
    }
    const cpuMs = (used.user + used.system) / 1000;
    if (statements) {
      for (const [what, { n, ms }] of [...statements].sort((a, b) => b[1].ms - a[1].ms)) {
        process.stdout.write(`${(ms / size).toFixed(3).padStart(7)} ms/doc ${String(n).padStart(6)}x  ${what}\n`);
      }
      statements.clear();
    }
    process.stdout.write(
      `stored ${inserted} of ${size} documents in ${((performance.now() - wall) / 1000).toFixed(1)} s; CPU ${(cpuMs / size).toFixed(2)} ms per document (${(cpuMs / inserted).toFixed(2)} per stored one); load average ${loadavg().map((n) => n.toFixed(2)).join(", ")}\n`,
    );
    const snapshot: Snapshot = { size, tables: await readTables(pglite) };
    await store.close();
    process.stdout.write(`${Object.entries(snapshot.tables).map(([name, t]) => `${name} ${t.rows} ${t.hash}`).join("\n")}\n`);
    if (values.out) writeFileSync(values.out, JSON.stringify(snapshot));
    if (values.compare) {
      const differing = compare(JSON.parse(readFileSync(values.compare, "utf8")) as Snapshot, snapshot);
      process.stdout.write(differing === 0 ? `identical to ${values.compare}: every table row for row\n` : `${differing} tables differ from ${values.compare}\n`);
      if (differing > 0) process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
