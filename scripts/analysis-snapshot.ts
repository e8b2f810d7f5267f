/**
 * Analysis snapshot: `npx tsx scripts/analysis-snapshot.ts [--size 1000] [--passes 1] [--out FILE] [--compare FILE] [--no-digest]`.
 *
 * Analyses the first N documents of ../shared/data/news (the corpus of `npm run bench:ingest`)
 * component by component and prints each one's wall and CPU time per document on the first pass,
 * which meets every document afresh as the benchmark does, and the least CPU time of any further
 * pass (--passes N), with caches filled and code compiled; NER, which the mention finder calls
 * lazily, has its own row. It writes a digest of every annotation each component leaves, one hash
 * per component and document, so a speed change can be shown to leave the output byte-identical,
 * component by component; --compare lists the components whose output differs from an earlier
 * snapshot and the first documents where it does. A component's digest depends on the components
 * before it: to check one component while others change, take the earlier snapshot on a copy of
 * the tree where only that component's files are the old ones.
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

const WARM_UP: Document = {
  id: "warm-up",
  date: "2020-01-01",
  text: "Reuters reported on Monday that the Islamic State accused the government of Iraq of killing its leader in Mosul.",
  sha256: "",
};

/**
 * Runs the default pipeline component by component over `documents` `passes` times, timing each
 * component, and on the first pass unless `digest` is false hashing its output. The first pass
 * meets every document afresh, as the benchmark does; later ones find the caches filled and the code compiled.
 */
function run(documents: Document[], passes: number, digest: boolean): { fresh: Times; warm?: Times; snapshot: Snapshot } {
  const times: Times = new Map();
  let fresh: Times | undefined;
  let warm: Times | undefined;
  const tagger = timedTagger(times);
  const components: Component[] = defaultPipeline().map((c) => (c instanceof MentionFinder ? new MentionFinder(gazetteer(), () => tagger) : c));
  analyseDoc(WARM_UP, components); // loads models and lists before the clock starts, as the benchmark's warm-up
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
    if (pass === 0) fresh = new Map(times);
    else {
      const best: Times = (warm ??= new Map());
      for (const [name, time] of times) {
        const old = best.get(name);
        best.set(name, { wall: Math.min(old?.wall ?? Infinity, time.wall), cpu: Math.min(old?.cpu ?? Infinity, time.cpu) });
      }
    }
  }
  const totals = Object.fromEntries(Object.entries(digests).map(([name, hashes]) => [name, hash(hashes)]));
  return { fresh: fresh!, warm, snapshot: { size: documents.length, digests, totals } };
}

function total(times: Times): { wall: number; cpu: number } {
  const sum = { wall: 0, cpu: 0 };
  for (const time of times.values()) {
    sum.wall += time.wall;
    sum.cpu += time.cpu;
  }
  return sum;
}

function printTimes(fresh: Times, warm: Times | undefined, size: number): void {
  const freshTotal = total(fresh);
  const warmTotal = warm && total(warm);
  const ms = (value: number | undefined) => (value === undefined ? "-" : (value / size).toFixed(3));
  const rows = [...fresh, ["total", freshTotal] as const].map(([name, { wall, cpu }]) => [
    name,
    ms(wall),
    ms(cpu),
    `${((100 * cpu) / freshTotal.cpu).toFixed(1)}%`,
    ms(name === "total" ? warmTotal?.cpu : warm?.get(name)?.cpu),
  ]);
  const header = ["component", "wall ms/doc", "CPU ms/doc", "CPU share", "warm CPU ms/doc"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  process.stdout.write(`\n${line(header)}\n${rows.map(line).join("\n")}\n`);
  process.stdout.write(
    `\nfirst pass: ${size} documents in ${(freshTotal.wall / 1000).toFixed(2)} s wall, ${(freshTotal.cpu / 1000).toFixed(2)} s CPU: ` +
      `${((1000 * size) / freshTotal.wall).toFixed(1)} articles/s (${((1000 * size) / freshTotal.cpu).toFixed(1)} per CPU second); load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}\n`,
  );
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
  const { fresh, warm, snapshot } = run(documents, passes, digest);
  printTimes(fresh, warm, size);
  if (!digest) return;
  process.stdout.write(`\n${Object.entries(snapshot.totals).map(([name, h]) => `${name} ${h}`).join("\n")}\n`);
  if (values.out) writeFileSync(values.out, `${JSON.stringify(snapshot)}\n`);
  if (values.compare && !compare(JSON.parse(readFileSync(values.compare, "utf8")) as Snapshot, snapshot, documents)) process.exitCode = 1;
}

await main();
