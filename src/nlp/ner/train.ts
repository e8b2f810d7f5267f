/**
 * Trains the NER model: `npm run train:ner` (see models/ner/README.md for the flags used).
 * Reads ../shared/data/conll2003/train.txt (training) and valid.txt (epoch selection only),
 * builds the gazetteer and word clusters, trains an averaged perceptron and writes the model.
 * Progress goes to stderr as plain lines.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadOrBuildClusters } from "./clusters-build.js";
import { labelledDocuments, type LabelledDocument } from "./conll.js";
import { ConllEvaluator, prf } from "./conlleval.js";
import { FeatureExtractor, type NerResources } from "./features.js";
import { buildGazetteer } from "./gazetteer-build.js";
import { NerModel } from "./model.js";
import { AveragedPerceptron, type Sentence } from "./perceptron.js";
import { bilouFromSpans, iobFromSpans, spansFromBilou, spansFromIob, TAG_COUNT } from "./tags.js";
import { NerTagger } from "./tagger.js";

interface Options {
  data: string;
  out: string;
  epochs: number;
  minCount: number;
  sample: number;
  clusters: boolean;
  clusterCache: string;
  prune: number;
  seed: number;
}

function log(message: string): void {
  process.stderr.write(`[train:ner ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Deterministic shuffling (mulberry32), so a run is reproducible. */
function shuffle<T>(items: T[], seed: number): void {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}

interface ExtractedDocument {
  doc: LabelledDocument;
  features: Uint32Array;
  offsets: Uint32Array;
}

function extractAll(extractor: FeatureExtractor, docs: LabelledDocument[]): ExtractedDocument[] {
  return docs.map((doc) => ({ doc, ...extractor.extract(doc.tokens) }));
}

/** Feature hash → row for features seen at least `minCount` times in training. */
function featureRows(extracted: ExtractedDocument[], minCount: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { features } of extracted) for (const hash of features) counts.set(hash, (counts.get(hash) ?? 0) + 1);
  const rows = new Map<number, number>();
  for (const [hash, count] of counts) if (count >= minCount) rows.set(hash, rows.size);
  return rows;
}

function sentencesOf(extracted: ExtractedDocument[], rows: Map<number, number>): Sentence[] {
  const sentences: Sentence[] = [];
  for (const { doc, features, offsets } of extracted) {
    let token = 0;
    doc.tokens.forEach((tokens, s) => {
      const from = offsets[token] ?? 0;
      const to = offsets[token + tokens.length] ?? 0;
      const local = new Uint32Array(tokens.length + 1);
      for (let i = 0; i <= tokens.length; i++) local[i] = (offsets[token + i] ?? 0) - from;
      const ids = new Int32Array(to - from);
      for (let f = from; f < to; f++) ids[f - from] = rows.get(features[f] ?? 0) ?? -1;
      sentences.push({ rows: ids, offsets: local, gold: bilouFromSpans(spansFromIob(doc.tags[s] ?? []), tokens.length) });
      token += tokens.length;
    });
  }
  return sentences;
}

function evaluate(
  perceptron: AveragedPerceptron,
  sentences: Sentence[],
  weights: Float32Array,
  transitions: Float32Array,
): number {
  const evaluator = new ConllEvaluator();
  for (const sentence of sentences) {
    const n = sentence.gold.length;
    const guess = iobFromSpans(spansFromBilou(perceptron.decode(sentence, weights, transitions)), n);
    evaluator.addSentence(iobFromSpans(spansFromBilou(sentence.gold), n), guess);
  }
  return prf(evaluator.result().overall).f1;
}

/** Keeps rows whose largest absolute weight reaches `threshold`; returns the compacted model. */
function prune(rows: Map<number, number>, weights: Float32Array, threshold: number): { hashes: Uint32Array; weights: Float32Array } {
  const T = TAG_COUNT;
  const kept: number[] = [];
  for (const [hash, row] of rows) {
    let max = 0;
    for (let t = 0; t < T; t++) max = Math.max(max, Math.abs(weights[row * T + t] ?? 0));
    if (max >= threshold) kept.push(hash, row);
  }
  const count = kept.length / 2;
  const hashes = new Uint32Array(count);
  const compact = new Float32Array(count * T);
  for (let k = 0; k < count; k++) {
    hashes[k] = kept[2 * k] ?? 0;
    compact.set(weights.subarray((kept[2 * k + 1] ?? 0) * T, ((kept[2 * k + 1] ?? 0) + 1) * T), k * T);
  }
  return { hashes, weights: compact };
}

/** Full tagger F1 on documents (features, decoding, consistency pass), as `dossier eval ner` does. */
export function taggerF1(tagger: NerTagger, docs: LabelledDocument[]): number {
  const evaluator = new ConllEvaluator();
  for (const doc of docs) {
    const guessed = tagger.tagDocument(doc.tokens);
    doc.tags.forEach((gold, s) => evaluator.addSentence(gold, guessed[s] ?? []));
  }
  return prf(evaluator.result().overall).f1;
}

export async function train(options: Options): Promise<void> {
  const started = Date.now();
  const conll = resolve(options.data, "conll2003");
  let trainDocs = labelledDocuments(readFileSync(resolve(conll, "train.txt"), "utf8"), "train.txt");
  const validDocs = labelledDocuments(readFileSync(resolve(conll, "valid.txt"), "utf8"), "valid.txt");
  if (options.sample < 1) trainDocs = trainDocs.filter((_, i) => (i * options.sample) % 1 < options.sample);
  log(`${trainDocs.length} training documents, ${validDocs.length} validation documents`);
  const gazetteer = buildGazetteer(options.data);
  log(`gazetteer: ${gazetteer.size} phrases`);
  const clusters = options.clusters ? await loadOrBuildClusters(options.data, options.clusterCache, trainDocs, log) : null;
  const resources: NerResources = { gazetteer, clusters };
  const extractor = new FeatureExtractor(resources);
  const trainExtracted = extractAll(extractor, trainDocs);
  const rows = featureRows(trainExtracted, options.minCount);
  const trainSentences = sentencesOf(trainExtracted, rows);
  const validSentences = sentencesOf(extractAll(extractor, validDocs), rows);
  log(`${rows.size} features (seen ≥ ${options.minCount}×), ${trainSentences.length} training sentences`);

  const perceptron = new AveragedPerceptron(rows.size);
  let best: { f1: number; epoch: number; weights: Float32Array; transitions: Float32Array } = {
    f1: -1,
    epoch: 0,
    weights: new Float32Array(0),
    transitions: new Float32Array(0),
  };
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(trainSentences, options.seed + epoch);
    let errors = 0;
    for (const sentence of trainSentences) if (perceptron.learn(sentence)) errors++;
    const averaged = perceptron.averaged();
    const f1 = evaluate(perceptron, validSentences, averaged.weights, averaged.transitions);
    log(`epoch ${epoch}/${options.epochs}: ${errors} sentences wrong, valid F1 ${f1.toFixed(2)} (sentence-level, no consistency pass)`);
    if (f1 > best.f1) best = { f1, epoch, ...averaged };
  }
  log(`best epoch ${best.epoch}: valid F1 ${best.f1.toFixed(2)}`);
  const pruned = prune(rows, best.weights, options.prune);
  const meta = {
    command: `npm run train:ner -- ${process.argv.slice(2).join(" ")}`.trim(),
    data: {
      train: "conll2003/train.txt",
      tune: "conll2003/valid.txt (epoch selection)",
      gazetteer: "petrarch2 dictionaries, compromise lexicon, reuters21578 category lists",
      clusters: options.clusters ? "news/reuters21578 + news/bbc + conll2003/train tokens" : "none",
    },
    options: { ...options, data: undefined, out: undefined, clusterCache: undefined },
    epoch: best.epoch,
    features: pruned.hashes.length,
    validF1Sentence: Number(best.f1.toFixed(2)),
    trainedAt: new Date().toISOString(),
  };
  const model = new NerModel({ ...pruned, transitions: best.transitions }, resources, meta);
  mkdirSync(dirname(options.out), { recursive: true });
  model.save(options.out);
  const reloaded = NerModel.load(options.out);
  const plain = taggerF1(new NerTagger(reloaded, { harmonise: false }), validDocs);
  const harmonised = taggerF1(new NerTagger(reloaded), validDocs);
  log(`saved ${options.out}: ${pruned.hashes.length} features; reloaded valid F1 ${plain.toFixed(2)} plain, ${harmonised.toFixed(2)} with consistency pass`);
  const note = { ...meta, validF1: Number(harmonised.toFixed(2)), validF1NoConsistency: Number(plain.toFixed(2)), seconds: Math.round((Date.now() - started) / 1000) };
  writeFileSync(options.out.replace(/\.bin\.gz$/, "") + ".json", JSON.stringify(note, null, 2) + "\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: "string", default: "../shared/data" },
      out: { type: "string", default: "models/ner/ner.bin.gz" },
      epochs: { type: "string", default: "12" },
      "min-count": { type: "string", default: "2" },
      sample: { type: "string", default: "1" },
      "no-clusters": { type: "boolean", default: false },
      "cluster-cache": { type: "string", default: ".cache/ner/clusters.tsv" },
      prune: { type: "string", default: "0.01" },
      seed: { type: "string", default: "1" },
    },
  });
  const data = resolve(values.data);
  if (!existsSync(resolve(data, "conll2003", "train.txt"))) throw new Error(`no conll2003/train.txt under ${data} (use --data)`);
  await train({
    data,
    out: resolve(values.out),
    epochs: Number(values.epochs),
    minCount: Number(values["min-count"]),
    sample: Number(values.sample),
    clusters: !values["no-clusters"],
    clusterCache: resolve(values["cluster-cache"]),
    prune: Number(values.prune),
    seed: Number(values.seed),
  });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main().catch((error: unknown) => {
    process.stderr.write(`train:ner: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
