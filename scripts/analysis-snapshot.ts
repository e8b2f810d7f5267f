/**
 * Analysis snapshot: `npx tsx scripts/analysis-snapshot.ts [--size 1000] [--passes 1] [--out FILE] [--compare FILE] [--no-digest]`.
 *
 * Analyses the first N documents of ../shared/data/news (the corpus of `npm run bench:ingest`) and
 * prints the analysis-only rate (one pass on fresh caches, as the benchmark), then the wall and CPU
 * time each pipeline component takes per document over further passes (the least of any pass; NER,
 * which the mention finder calls lazily, on its own row). It writes a digest of every annotation
 * each component leaves, one hash per component and document, so a speed change can be shown to
 * leave the output byte-identical, component by component; --compare lists the components whose
 * output differs from an earlier snapshot and the first documents where it does. A component's
 * digest depends on the components before it: to check one component while others change, take
 * the earlier snapshot on a copy of the tree where only that component's files are the old ones.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import type { Document } from "../src/model/index.js";
import { AnalysedDoc, type Component } from "../src/nlp/doc.js";
import { loadTagger, type NerTagger } from "../src/nlp/ner/index.js";
import { MentionFinder } from "../src/nlp/mentions.js";
import { analyse, analyseDoc, defaultPipeline } from "../src/nlp/pipeline.js";
import { gazetteer } from "../src/nlp/gazetteer/index.js";
import { loadCorpus } from "./bench-ingest.js";

/** The tagger runs inside the mention finder; its time is taken out of the finder's row. */
const NER = "ner";

interface Snapshot {
  size: number;
  /** Component name to one hash per document, in corpus order. */
  digests: Record<string, string[]>;
  /** Component name to one hash over every document. */
  totals: Record<string, string>;
}

/** What each component adds to the document, as text to hash; for the mention finder, the mentions before resolution. */
const OUTPUT: Record<string, (doc: AnalysedDoc) => unknown> = {
  tokenizer: (doc) => [doc.tokens, doc.sentences],
  mentions: (doc) => doc.mentions,
  "in-document-resolver": (doc) => [doc.mentions, doc.entities.map((e) => ({ ...e, aliases: [...e.aliases], mentions: e.mentions.map((m) => [m.start, m.end]) }))],
  timex: (doc) => doc.timexes,
  claims: (doc) => doc.claims,
  "attribution-claims": (doc) => doc.claims,
  relations: (doc) => doc.relations,
  events: (doc) => doc.events,
};

function hash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);
}

/** Wall and CPU milliseconds per component (CPU time is the process's, so other load on the machine leaves it nearly alone). */
type Times = Map<string, { wall: number; cpu: number }>;

function timed<T>(times: Times, name: string, body: () => T): T {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = body();
  const used = process.cpuUsage(cpu);
  const time = times.get(name) ?? { wall: 0, cpu: 0 };
  time.wall += performance.now() - wall;
  time.cpu += (used.user + used.system) / 1000;
  times.set(name, time);
  return result;
}

/** The tagger, with the time its document tagging takes added to `times[NER]`. */
function timedTagger(times: Times): NerTagger {
  const tagger = loadTagger();
  return new Proxy(tagger, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (key === "documentSpans") return (sentences: readonly (readonly string[])[]) => timed(times, NER, () => tagger.documentSpans(sentences));
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * Runs the default pipeline component by component over `documents` `passes` times, timing each
 * component (the least time of any pass) and, on the first pass unless `digest` is false, hashing its output.
 */
function run(documents: Document[], passes: number, digest: boolean): { times: Times; snapshot: Snapshot } {
  let times: Times = new Map();
  const best: Times = new Map();
  const tagger = timedTagger(times);
  const components: Component[] = defaultPipeline().map((c) => (c instanceof MentionFinder ? new MentionFinder(gazetteer(), () => tagger) : c));
  analyseDoc(documents[0]!, components); // loads models and lists before the clock starts
  const digests: Record<string, string[]> = {};
  for (let pass = 0; pass < passes; pass++) {
    times.clear();
    for (const document of documents) {
      const doc = new AnalysedDoc(document);
      for (const component of components) {
        timed(times, component.name, () => component.run(doc));
        if (digest && pass === 0) (digests[component.name] ??= []).push(hash(OUTPUT[component.name]?.(doc) ?? null));
      }
      if (digest && pass === 0) (digests.analyse ??= []).push(hash(analyse(document)));
    }
    const ner = times.get(NER) ?? { wall: 0, cpu: 0 };
    const mentions = times.get("mentions")!;
    times.set("mentions", { wall: mentions.wall - ner.wall, cpu: mentions.cpu - ner.cpu });
    for (const [name, time] of times) {
      const old = best.get(name);
      best.set(name, { wall: Math.min(old?.wall ?? Infinity, time.wall), cpu: Math.min(old?.cpu ?? Infinity, time.cpu) });
    }
  }
  const totals = Object.fromEntries(Object.entries(digests).map(([name, hashes]) => [name, hash(hashes)]));
  return { times: best, snapshot: { size: documents.length, digests, totals } };
}

/** The rate of `analyse` alone, as `npm run bench:ingest` measures it, with CPU time. */
function rate(documents: Document[]): { seconds: number; cpuSeconds: number } {
  analyse(documents[0]!);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const document of documents) analyse(document);
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

function printTimes(times: Times, size: number): void {
  const total = { wall: 0, cpu: 0 };
  for (const time of times.values()) {
    total.wall += time.wall;
    total.cpu += time.cpu;
  }
  const rows = [...times, ["total", total] as const].map(([name, { wall, cpu }]) => [name, (wall / size).toFixed(3), (cpu / size).toFixed(3), `${((100 * cpu) / total.cpu).toFixed(1)}%`]);
  const width = Math.max(...rows.map(([name]) => name!.length));
  process.stdout.write(`\n${"component".padEnd(width)}  wall ms/doc  CPU ms/doc  CPU share\n`);
  for (const [name, wall, cpu, share] of rows) process.stdout.write(`${name!.padEnd(width)}  ${wall!.padStart(11)}  ${cpu!.padStart(10)}  ${share!.padStart(9)}\n`);
}

function compare(before: Snapshot, after: Snapshot, documents: Document[]): boolean {
  if (before.size !== after.size) throw new Error(`--compare: the snapshot holds ${before.size} documents, this run ${after.size}`);
  let same = true;
  for (const name of Object.keys(after.totals)) {
    const old = before.digests[name];
    const differing = old ? after.digests[name]!.flatMap((h, i) => (h === old[i] ? [] : [i])) : [];
    if (!old) process.stdout.write(`${name}: not in the earlier snapshot\n`);
    else if (differing.length === 0) process.stdout.write(`${name}: identical\n`);
    else {
      same = false;
      process.stdout.write(`${name}: ${differing.length} documents differ, first ${differing.slice(0, 5).map((i) => `#${i} ${documents[i]!.id}`).join(", ")}\n`);
    }
  }
  return same;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: "string", default: "1000" },
      out: { type: "string" },
      compare: { type: "string" },
      passes: { type: "string", default: "1" },
      "no-digest": { type: "boolean", default: false },
    },
  });
  const size = Number(values.size);
  if (!Number.isInteger(size) || size < 1) throw new Error(`--size takes a positive whole number, not ${JSON.stringify(values.size)}`);
  const passes = Number(values.passes);
  if (!Number.isInteger(passes) || passes < 1) throw new Error(`--passes takes a positive whole number, not ${JSON.stringify(values.passes)}`);
  const documents = await loadCorpus(size);
  const digest = !values["no-digest"];
  // The rate first, on fresh caches (as bench:ingest measures it); the components then run over the same documents again.
  const { seconds, cpuSeconds } = rate(documents);
  process.stdout.write(
    `analyse(): ${size} documents in ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU: ${(size / seconds).toFixed(1)} articles/s (${(size / cpuSeconds).toFixed(1)} per CPU second); load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}\n`,
  );
  const { times, snapshot } = run(documents, passes, digest);
  printTimes(times, size);
  if (!digest) return;
  process.stdout.write(`\n${Object.entries(snapshot.totals).map(([name, h]) => `${name} ${h}`).join("\n")}\n`);
  if (values.out) writeFileSync(values.out, `${JSON.stringify(snapshot)}\n`);
  if (values.compare && !compare(JSON.parse(readFileSync(values.compare, "utf8")) as Snapshot, snapshot, documents)) process.exitCode = 1;
}

await main();
