/**
 * `npm run bench`: tokens per second and entity F1 of the Dossier tagger and of compromise
 * (people/places/organizations) on the CoNLL-2003 validation split, in one run, on the same text.
 * Single-threaded. Each tagger first runs untimed over 40 documents so the JIT has compiled it;
 * Dossier's timed run then uses a fresh tagger, so its per-word caches start cold.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import nlp from "compromise";
import { labelledDocuments, type LabelledDocument } from "./conll.js";
import { ConllEvaluator, prf, type ConllScore } from "./conlleval.js";
import { loadTagger, NerTagger } from "./index.js";
import { iobFromSpans, type EntitySpan, type NerLabel } from "./tags.js";

type DocumentTagger = (doc: LabelledDocument) => string[][];

interface Row {
  name: string;
  /** Tokens per second of wall-clock time. */
  tokensPerSecond: number;
  /** Tokens per second of this process's CPU time (fairer on a shared machine). */
  tokensPerCpuSecond: number;
  score: ConllScore;
}

function run(name: string, docs: LabelledDocument[], tag: DocumentTagger, warmUp: DocumentTagger): Row {
  for (const doc of docs.slice(0, 40)) warmUp(doc);
  const evaluator = new ConllEvaluator();
  const predictions: string[][][] = [];
  let tokens = 0;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (const doc of docs) predictions.push(tag(doc));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  docs.forEach((doc, d) => {
    doc.tags.forEach((gold, s) => {
      tokens += gold.length;
      evaluator.addSentence(gold, predictions[d]?.[s] ?? []);
    });
  });
  return { name, tokensPerSecond: tokens / seconds, tokensPerCpuSecond: tokens / cpuSeconds, score: evaluator.result() };
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
  const file = resolve(process.argv[2] ?? "../shared/data/conll2003/valid.txt");
  const docs = labelledDocuments(readFileSync(file, "utf8"), file);
  const warm = loadTagger();
  const cold = new NerTagger(warm.model);
  const rows = [
    run("dossier", docs, (doc) => cold.tagDocument(doc.tokens), (doc) => warm.tagDocument(doc.tokens)),
    run("compromise", docs, compromiseTagger, compromiseTagger),
  ];
  const types = ["PER", "ORG", "LOC", "MISC"];
  const f1 = (score: ConllScore, type?: string): string => {
    const counts = type ? score.byType.get(type) : score.overall;
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
  const tokens = docs.reduce((sum, doc) => sum + doc.tokens.reduce((n, sentence) => n + sentence.length, 0), 0);
  process.stdout.write(`NER on ${file}: ${docs.length} documents, ${tokens} tokens, entity-level conlleval F1 (compromise has no MISC)\n`);
  print(header);
  print(widths.map((width) => "-".repeat(width)));
  for (const line of lines) print(line);
  process.stdout.write("tokens/s is wall-clock, single thread; tokens/CPU-s divides by this process's CPU time (stable on a busy machine)\n");
}

main();
