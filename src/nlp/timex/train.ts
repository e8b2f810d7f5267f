/**
 * Trains the learned decisions of the time-expression tagger (./learned.ts) on TempEval-3's
 * training data and writes models/timex/model.json:
 *
 *   npm run train:timex [-- DIR]     (DIR defaults to ../shared/data/tempeval3/TBAQ-cleaned)
 *
 * Before writing, it prints cross-validated figures (documents held out by corpus, TimeBank vs
 * AQUAINT, and in five folds) beside the rules alone and the full-data fit, so the gain can be
 * judged on documents the model has not seen.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import type { Timex } from "../../model/index.js";
import { timeMLFiles } from "./evaluate.js";
import { applyModel, type RuleTimex, ruleTimexes } from "./index.js";
import { applicable, features, keepProbability, MODEL_PATH, type Model, TRANSFORMS, valueScores } from "./learned.js";
import { align, count, emptyCounts, scores } from "./score.js";
import { parseTimeML } from "./timeml.js";
import { shuffleInPlace } from "../shuffle.js";

interface Doc {
  file: string;
  gold: Timex[];
  found: RuleTimex[];
}

interface KeepExample { feats: string[]; label: 0 | 1 }
interface ValueExample { feats: string[]; options: { index: number }[]; label: number }

const EPOCHS = 12;
const RATE = 0.2;

/** How a model is fitted; chosen by cross-validation over a small grid. */
interface Setting {
  l2: number;
  /** A feature must occur in at least this many training documents: no per-document facts. */
  minDocs: number;
}
interface Thresholds { keepBelow: number; rewriteAbove: number }

const SETTINGS: Setting[] = [1e-2, 5e-2, 0.2].flatMap((l2) => [6, 12].map((minDocs) => ({ l2, minDocs })));
const THRESHOLDS: Thresholds[] = [0, 0.5, 0.35, 0.2].flatMap((keepBelow) => [0.5, 0.65, 0.8, 2].map((rewriteAbove) => ({ keepBelow, rewriteAbove })));

/** A small deterministic generator, so that training is reproducible. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}


function examples(docs: Doc[], minDocs: number): { keep: KeepExample[]; value: ValueExample[] } {
  const documentFrequency = new Map<string, number>();
  for (const doc of docs) {
    for (const f of new Set(doc.found.flatMap((x) => features(x.view)))) documentFrequency.set(f, (documentFrequency.get(f) ?? 0) + 1);
  }
  const keep: KeepExample[] = [];
  const value: ValueExample[] = [];
  for (const doc of docs) {
    const matched = new Map(align(doc.gold, doc.found.map((f) => f.timex)).map(([g, s]) => [s, g]));
    for (const { timex, view } of doc.found) {
      const feats = features(view).filter((f) => (documentFrequency.get(f) ?? 0) >= minDocs);
      const gold = matched.get(timex);
      keep.push({ feats, label: gold ? 1 : 0 });
      if (!gold) continue;
      const options = applicable(view.value, view.dct);
      const label = options.findIndex((o) => o.value === gold.value);
      if (options.length > 1 && label >= 0) value.push({ feats, options, label });
    }
  }
  return { keep, value };
}

/** Logistic regressions fitted by AdaGrad with L2 decay. */
function train(docs: Doc[], { l2, minDocs }: Setting, thresholds: Thresholds): Model {
  const data = examples(docs, minDocs);
  const model: Model = { ...thresholds, keep: {}, value: {} };
  const next = random(7);
  const keepG: Record<string, number> = {};
  const valueG: Record<string, number[]> = {};
  const classes = TRANSFORMS.length;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const { feats, label } of shuffleInPlace([...data.keep], next)) {
      const gradient = keepProbability(model, feats) - label;
      for (const f of feats) {
        const w = model.keep[f] ?? 0;
        const g = gradient + l2 * w;
        keepG[f] = (keepG[f] ?? 0) + g * g;
        model.keep[f] = w - (RATE * g) / Math.sqrt(keepG[f]! + 1e-8);
      }
    }
    for (const { feats, options, label } of shuffleInPlace([...data.value], next)) {
      const p = valueScores(model, feats, options);
      options.forEach(({ index }, k) => {
        const gradient = p[k]! - (k === label ? 1 : 0);
        for (const f of feats) {
          const ws = (model.value[f] ??= new Array<number>(classes).fill(0));
          const gs = (valueG[f] ??= new Array<number>(classes).fill(0));
          const g = gradient + l2 * ws[index]!;
          gs[index]! += g * g;
          ws[index]! -= (RATE * g) / Math.sqrt(gs[index]! + 1e-8);
        }
      });
    }
  }
  return compact(model);
}

/** Rounded weights without the negligible ones: a few hundred kB of JSON. */
function compact(model: Model): Model {
  const round = (x: number): number => Math.round(x * 1e4) / 1e4;
  const keep: Record<string, number> = {};
  for (const [f, w] of Object.entries(model.keep)) if (Math.abs(w) >= 1e-3) keep[f] = round(w);
  const value: Record<string, number[]> = {};
  for (const [f, ws] of Object.entries(model.value)) if (ws.some((w) => Math.abs(w) >= 1e-3)) value[f] = ws.map(round);
  return { ...model, keep, value };
}

function line(name: string, predictions: { gold: Timex[]; system: Timex[] }[]): string {
  const counts = emptyCounts();
  for (const p of predictions) count(p.gold, p.system, counts);
  const s = scores(counts);
  const pct = (x: number): string => (100 * x).toFixed(1);
  return `${name.padEnd(30)} value F1 ${pct(s.value.f1)} (P ${pct(s.value.precision)} R ${pct(s.value.recall)} acc ${pct(s.value.accuracy)})  strict ${pct(s.strict.f1)}  relaxed ${pct(s.relaxed.f1)}`;
}

const report = (name: string, docs: Doc[], model: Model): string =>
  line(name, docs.map((d) => ({ gold: d.gold, system: applyModel(d.found, model) })));

/** Each held-out part scored with a model trained on the rest; the parts' counts pooled, per threshold pair. */
function crossValidate(docs: Doc[], foldOf: (doc: Doc, i: number) => number, folds: number, setting: Setting, thresholds: Thresholds[]): { gold: Timex[]; system: Timex[] }[][] {
  const predictions: { gold: Timex[]; system: Timex[] }[][] = thresholds.map(() => []);
  for (let k = 0; k < folds; k++) {
    const model = train(docs.filter((d, i) => foldOf(d, i) !== k), setting, thresholds[0]!);
    for (const [i, d] of docs.entries()) {
      if (foldOf(d, i) !== k) continue;
      thresholds.forEach((t, j) => predictions[j]!.push({ gold: d.gold, system: applyModel(d.found, { ...model, ...t }) }));
    }
  }
  return predictions;
}

function valueF1(predictions: { gold: Timex[]; system: Timex[] }[]): number {
  const counts = emptyCounts();
  for (const p of predictions) count(p.gold, p.system, counts);
  return scores(counts).value.f1;
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? "../shared/data/tempeval3/TBAQ-cleaned";
  const files = await timeMLFiles(dir);
  if (files.length === 0) throw new Error(`${dir}: no .tml files found`);
  const docs: Doc[] = [];
  for (const [i, file] of files.entries()) {
    const { text, dct, gold } = parseTimeML(readFileSync(file, "utf8"), file);
    docs.push({ file: relative(dir, file), gold, found: ruleTimexes(text, dct) });
    if ((i + 1) % 50 === 0 || i + 1 === files.length) process.stderr.write(`tagged ${i + 1}/${files.length} documents\n`);
  }
  const rulesOnly: Model = { keepBelow: 0, rewriteAbove: 2, keep: {}, value: {} };
  process.stdout.write(`${report("rules alone", docs, rulesOnly)}\n`);
  const fiveFolds = (_: Doc, i: number): number => i % 5;
  let best: { setting: Setting; thresholds: Thresholds; f1: number } | undefined;
  for (const setting of SETTINGS) {
    const results = crossValidate(docs, fiveFolds, 5, setting, THRESHOLDS);
    results.forEach((predictions, j) => {
      const f1 = valueF1(predictions);
      if (!best || f1 > best.f1 + 1e-9) best = { setting, thresholds: THRESHOLDS[j]!, f1 };
    });
    const table = results.map((p, j) => `${THRESHOLDS[j]!.keepBelow}/${THRESHOLDS[j]!.rewriteAbove}:${(100 * valueF1(p)).toFixed(1)}`);
    process.stderr.write(`l2 ${setting.l2} minDocs ${setting.minDocs}: 5-fold value F1 by drop/rewrite threshold ${table.join(" ")}\n`);
  }
  const { setting, thresholds } = best!;
  const corpus = (d: Doc): number => (d.file.startsWith("TimeBank") ? 0 : 1);
  const fitted = train(docs, setting, thresholds);
  // A decision that cross-validation switched off ships no weights.
  const full = { ...fitted, keep: thresholds.keepBelow > 0 ? fitted.keep : {}, value: thresholds.rewriteAbove <= 1 ? fitted.value : {} };
  const lines = [
    `chosen by 5-fold CV: l2 ${setting.l2}, features in >= ${setting.minDocs} documents, drop below ${thresholds.keepBelow}, rewrite above ${thresholds.rewriteAbove}`,
    line("CV 5 folds by document", crossValidate(docs, fiveFolds, 5, setting, [thresholds])[0]!),
    line("CV TimeBank <-> AQUAINT", crossValidate(docs, corpus, 2, setting, [thresholds])[0]!),
    report("fitted on all (training data)", docs, full),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  mkdirSync(dirname(MODEL_PATH), { recursive: true });
  writeFileSync(MODEL_PATH, `${JSON.stringify(full)}\n`);
  process.stdout.write(`wrote ${relative(process.cwd(), MODEL_PATH)} (${Object.keys(full.keep).length} keep features, ${Object.keys(full.value).length} value features)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`train:timex: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
