/**
 * `npm run bench`: tokens per second and entity F1 of the Dossier tagger and of compromise
 * (people/places/organizations) on the CoNLL-2003 validation split, in one run, on the same
 * text. Single-threaded. Each tagger first runs untimed over the first 40 documents so the JIT
 * has compiled it (the warm-up is printed). Dossier is then timed twice per run: a fresh tagger
 * over every document, then a second pass of the same tagger (caches filled, as in a
 * long-running pipeline). The fresh tagger is newly made on the loaded model, as a new process
 * has it: the model's vocabulary (training tokens and cluster words, none taken from the
 * validation split) was scored when the model was loaded, whose time is printed; every other
 * word type is met for the first time.
 * Rates are medians over `--runs` runs, wall-clock and per CPU-second of this process (the
 * second is steadier on a shared machine, whose load average is printed).
 * `--model PATH` times another model file (default: the committed one).
 */
import { availableParallelism, loadavg } from "node:os";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import nlp from "compromise";
import { labelledDocuments, type LabelledDocument } from "./conll.js";
import { ConllEvaluator, prf, type ConllScore } from "./conlleval.js";
import { loadTagger, NerTagger } from "./index.js";
import { iobFromSpans, type EntitySpan, type NerLabel } from "./tags.js";

type DocumentTagger = (doc: LabelledDocument) => string[][];

const WARM_UP_DOCUMENTS = 40;

interface Timing {
  /** Tokens per second of wall-clock time. */
  tokensPerSecond: number;
  /** Tokens per second of this process's CPU time. */
  tokensPerCpuSecond: number;
}

interface Row extends Timing {
  name: string;
  score: ConllScore;
}

function tokenCount(docs: readonly LabelledDocument[]): number {
  return docs.reduce((sum, doc) => sum + doc.tokens.reduce((n, sentence) => n + sentence.length, 0), 0);
}

/** Tags every document, timed; returns the predictions and the rates. */
function timed(docs: readonly LabelledDocument[], tag: DocumentTagger): { predictions: string[][][]; timing: Timing } {
  const predictions: string[][][] = [];
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (const doc of docs) predictions.push(tag(doc));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const tokens = tokenCount(docs);
  return { predictions, timing: { tokensPerSecond: tokens / seconds, tokensPerCpuSecond: tokens / ((used.user + used.system) / 1e6) } };
}

function score(docs: readonly LabelledDocument[], predictions: readonly string[][][]): ConllScore {
  const evaluator = new ConllEvaluator();
  docs.forEach((doc, d) => doc.tags.forEach((gold, s) => evaluator.addSentence(gold, predictions[d]?.[s] ?? [])));
  return evaluator.result();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function medianTiming(timings: Timing[]): Timing {
  return {
    tokensPerSecond: median(timings.map((timing) => timing.tokensPerSecond)),
    tokensPerCpuSecond: median(timings.map((timing) => timing.tokensPerCpuSecond)),
  };
}

interface Load {
  wallMs: number;
  cpuMs: number;
  vocabulary: number;
}

/** Dossier rows: fresh tagger (cold per-word caches), then the same tagger again (warm); and what loading cost. */
function dossierRows(docs: LabelledDocument[], runs: number, modelPath?: string): { rows: Row[]; load: Load } {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const shared = loadTagger(modelPath);
  const used = process.cpuUsage(cpu);
  const load = { wallMs: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: (used.user + used.system) / 1e3, vocabulary: shared.model.vocabulary.length };
  for (const doc of docs.slice(0, WARM_UP_DOCUMENTS)) shared.tagDocument(doc.tokens);
  const cold: Timing[] = [];
  const warm: Timing[] = [];
  let predictions: string[][][] = [];
  for (let run = 0; run < runs; run++) {
    const tagger = new NerTagger(shared.model);
    const first = timed(docs, (doc) => tagger.tagDocument(doc.tokens));
    const second = timed(docs, (doc) => tagger.tagDocument(doc.tokens));
    if (JSON.stringify(first.predictions) !== JSON.stringify(second.predictions)) throw new Error("bench: the tagger's second pass tagged differently");
    cold.push(first.timing);
    warm.push(second.timing);
    predictions = first.predictions;
  }
  const result = score(docs, predictions);
  const rows = [
    { name: "dossier, fresh tagger", ...medianTiming(cold), score: result },
    { name: "dossier, second pass", ...medianTiming(warm), score: result },
  ];
  return { rows, load };
}

function compromiseRow(docs: LabelledDocument[], runs: number): Row {
  for (const doc of docs.slice(0, WARM_UP_DOCUMENTS)) compromiseTagger(doc);
  const timings: Timing[] = [];
  let predictions: string[][][] = [];
  for (let run = 0; run < runs; run++) {
    const result = timed(docs, compromiseTagger);
    timings.push(result.timing);
    predictions = result.predictions;
  }
  return { name: "compromise", ...medianTiming(timings), score: score(docs, predictions) };
}

interface CompromiseMatch {
  offset?: { start: number; length: number };
}

/** compromise on the document text (tokens joined by spaces, one sentence per line), matches mapped back to tokens. */
function compromiseTagger(doc: LabelledDocument): string[][] {
  const starts: number[][] = [];
  let text = "";
  for (const sentence of doc.tokens) {
    const offsets: number[] = [];
    for (const token of sentence) {
      offsets.push(text.length);
      text += `${token} `;
    }
    starts.push(offsets);
    text += "\n";
  }
  const parsed = nlp(text);
  const spans: EntitySpan[][] = doc.tokens.map(() => []);
  const kinds: [NerLabel, CompromiseMatch[]][] = [
    ["PER", parsed.people().json({ offset: true }) as CompromiseMatch[]],
    ["LOC", parsed.places().json({ offset: true }) as CompromiseMatch[]],
    ["ORG", parsed.organizations().json({ offset: true }) as CompromiseMatch[]],
  ];
  const taken = doc.tokens.map((sentence) => new Uint8Array(sentence.length));
  for (const [label, matches] of kinds) {
    for (const match of matches) {
      if (!match.offset) continue;
      const from = match.offset.start;
      const to = from + match.offset.length;
      starts.forEach((offsets, s) => {
        const inside = offsets.map((start, i) => (start >= from && start < to ? i : -1)).filter((i) => i >= 0);
        const first = inside[0];
        const last = inside[inside.length - 1];
        if (first === undefined || last === undefined || taken[s]?.subarray(first, last + 1).some((x) => x === 1)) return;
        taken[s]?.fill(1, first, last + 1);
        spans[s]?.push({ start: first, end: last + 1, label });
      });
    }
  }
  return doc.tokens.map((sentence, s) => iobFromSpans((spans[s] ?? []).sort((a, b) => a.start - b.start), sentence.length));
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: "string", default: "3" }, "compromise-runs": { type: "string", default: "1" }, model: { type: "string" } },
  });
  const runs = Number(values.runs);
  const compromiseRuns = Number(values["compromise-runs"]);
  if (!(runs >= 1) || !(compromiseRuns >= 1)) throw new Error("bench: --runs and --compromise-runs must be at least 1");
  const file = resolve(positionals[0] ?? "../shared/data/conll2003/valid.txt");
  const docs = labelledDocuments(readFileSync(file, "utf8"), file);
  const loadBefore = loadavg()[0] ?? 0;
  const dossier = dossierRows(docs, runs, values.model && resolve(values.model));
  const rows = [...dossier.rows, compromiseRow(docs, compromiseRuns)];
  const loadAfter = loadavg()[0] ?? 0;
  const types = ["PER", "ORG", "LOC", "MISC"];
  const f1 = (result: ConllScore, type?: string): string => {
    const counts = type ? result.byType.get(type) : result.overall;
    return counts ? prf(counts).f1.toFixed(2) : "0.00";
  };
  const header = ["tagger", "tokens/s", "tokens/CPU-s", "F1", ...types.map((type) => `F1 ${type}`)];
  const lines = rows.map((row) => [
    row.name,
    Math.round(row.tokensPerSecond).toString(),
    Math.round(row.tokensPerCpuSecond).toString(),
    f1(row.score),
    ...types.map((type) => f1(row.score, type)),
  ]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...lines.map((line) => (line[i] ?? "").length)));
  const print = (cells: string[]): void => {
    process.stdout.write(`| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(" | ")} |\n`);
  };
  process.stdout.write(`NER on ${file}: ${docs.length} documents, ${tokenCount(docs)} tokens, entity-level conlleval F1 (compromise has no MISC)\n`);
  process.stdout.write(
    `warm-up: each tagger first tagged the first ${WARM_UP_DOCUMENTS} documents untimed; rates are medians of ${runs} run(s) (compromise: ${compromiseRuns})\n`,
  );
  print(header);
  print(widths.map((width) => "-".repeat(width)));
  for (const line of lines) print(line);
  process.stdout.write(
    "tokens/s is wall-clock, single thread; tokens/CPU-s divides by this process's CPU time.\n" +
      `fresh tagger: a new tagger on the loaded model (the model's ${dossier.load.vocabulary} vocabulary words were scored at load; any other word type is met for the first time); second pass: the same tagger again, per-word caches filled.\n` +
      `model load, vocabulary scoring included: ${dossier.load.wallMs.toFixed(0)} ms wall, ${dossier.load.cpuMs.toFixed(0)} ms CPU\n` +
      `load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${availableParallelism()} cores\n`,
  );
}

main();
