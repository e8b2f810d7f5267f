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
import { gloveClusters } from "./glove-clusters.js";
import type { WordClusters } from "./clusters.js";
import { labelledDocuments, type LabelledDocument } from "./conll.js";
import { ConllEvaluator, prf } from "./conlleval.js";
import { FeatureExtractor, vectorFeatureHashes, type NerResources } from "./features.js";
import { ScaledVectors } from "./glove-vectors.js";
import { buildGazetteer } from "./gazetteer-build.js";
import { NerModel, type ModelWeights } from "./model.js";
import { AveragedPerceptron, type Sentence, type VectorRows } from "./perceptron.js";
import { bilouFromSpans, iobFromSpans, spansFromBilou, spansFromIob, TAG_COUNT } from "./tags.js";
import { NerTagger } from "./tagger.js";
import { mulberry32, shuffleInPlace } from "../shuffle.js";

interface Options {
  data: string;
  out: string;
  epochs: number;
  minCount: number;
  sample: number;
  /** Word clusters: GloVe's (models/glove-clusters.tsv.gz), the news clusters computed here, or none. */
  clusters: "glove" | "news" | "none";
  clusterCache: string;
  prune: number;
  seed: number;
  /** Train a second, stacked stage on jackknifed stage-one tags. */
  stack: boolean;
  folds: number;
  stackEpochs: number;
  /** Add world-countries, ISO subdivisions and GeoNames cities to the gazetteer (off: it cost ~0.4 F1 on valid). */
  geo: boolean;
  /** Keep each stage's last epoch, not its best on valid (to compare options at a fixed number of epochs). */
  lastEpoch: boolean;
  /** GloVe word vectors as real-valued features: each component times `scale`, of the words up to `window` either side. */
  vectors: { scale: number; window: number } | null;
}

function log(message: string): void {
  process.stderr.write(`[train:ner ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

interface ExtractedDocument {
  doc: LabelledDocument;
  features: Uint32Array;
  offsets: Uint32Array;
  /** Each token's scaled word vector (null: none). */
  vectors: (Float32Array | null)[];
}

/** A document's features with its tokens' word vectors (the extractor's, as `extract` left it). */
function extractDocument(extractor: FeatureExtractor, doc: LabelledDocument): ExtractedDocument {
  const extracted = extractor.extract(doc.tokens);
  const vectors = extractor.words.slice(0, extracted.offsets.length - 1).map((word) => word.vector);
  return { doc, ...extracted, vectors };
}

/**
 * The rows of `rows`' features and after them, consecutive, those of the vector features (see
 * VectorRows). A string feature whose hash is a vector feature's (hashes collide now and then)
 * shares its row, as it does in the saved model, and its own row is left unused.
 */
function rowLayout(rows: Map<number, number>, resources: NerResources): RowLayout {
  const vectors = resources.vectors;
  if (!vectors) return { count: rows.size, vectors: null };
  const layout = { firstRow: rows.size, window: vectors.window, dims: vectors.table.dims };
  const hashes = vectorFeatureHashes(layout.window, layout.dims);
  hashes.forEach((hash, k) => rows.set(hash, layout.firstRow + k));
  return { count: layout.firstRow + hashes.length, vectors: layout };
}

/** Feature hash → row for features seen at least `minCount` times in training. */
function featureRows(extracted: ExtractedDocument[], minCount: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { features } of extracted) for (const hash of features) counts.set(hash, (counts.get(hash) ?? 0) + 1);
  const rows = new Map<number, number>();
  for (const [hash, count] of counts) if (count >= minCount) rows.set(hash, rows.size);
  return rows;
}

/** Training sentences of each document, features as row indices. */
function sentencesOf(extracted: ExtractedDocument[], rows: Map<number, number>): Sentence[][] {
  return extracted.map(({ doc, features, offsets, vectors }) => {
    let token = 0;
    return doc.tokens.map((tokens, s) => {
      const from = offsets[token] ?? 0;
      const to = offsets[token + tokens.length] ?? 0;
      const local = new Uint32Array(tokens.length + 1);
      for (let i = 0; i <= tokens.length; i++) local[i] = (offsets[token + i] ?? 0) - from;
      const ids = new Int32Array(to - from);
      for (let f = from; f < to; f++) ids[f - from] = rows.get(features[f] ?? 0) ?? -1;
      const sentence: Sentence = { rows: ids, offsets: local, gold: bilouFromSpans(spansFromIob(doc.tags[s] ?? []), tokens.length), vectors: vectors.slice(token, token + tokens.length) };
      token += tokens.length;
      return sentence;
    });
  });
}

/** How many weight rows a stage has, and which of them the vector features use. */
interface RowLayout {
  count: number;
  vectors: VectorRows | null;
}

export interface StageResult {
  weights: Float32Array;
  transitions: Float32Array;
  epoch: number;
  f1: number;
}

/** Entity F1 of decoding `docs` with averaged weights (sentence by sentence, no consistency pass). */
function evaluate(perceptron: AveragedPerceptron, docs: Sentence[][], weights: Float32Array, transitions: Float32Array): number {
  const evaluator = new ConllEvaluator();
  for (const sentence of docs.flat()) {
    const n = sentence.gold.length;
    const guess = iobFromSpans(spansFromBilou(perceptron.decode(sentence, weights, transitions)), n);
    evaluator.addSentence(iobFromSpans(spansFromBilou(sentence.gold), n), guess);
  }
  return prf(evaluator.result().overall).f1;
}

/**
 * Trains one stage for `epochs` epochs; with validation documents, keeps the epoch with the
 * best validation F1, otherwise the last one.
 */
function trainStage(name: string, train: Sentence[][], rows: RowLayout, epochs: number, seed: number, valid?: Sentence[][], last = false): StageResult {
  const perceptron = new AveragedPerceptron(rows.count, rows.vectors);
  const order = train.flat();
  let best: StageResult = { weights: new Float32Array(0), transitions: new Float32Array(0), epoch: 0, f1: -1 };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffleInPlace(order, mulberry32(seed + epoch));
    let errors = 0;
    for (const sentence of order) if (perceptron.learn(sentence)) errors++;
    if (!valid && epoch < epochs) {
      log(`${name}: epoch ${epoch}/${epochs}, ${errors} sentences wrong`);
      continue;
    }
    const averaged = perceptron.averaged();
    const f1 = valid ? evaluate(perceptron, valid, averaged.weights, averaged.transitions) : 0;
    log(`${name}: epoch ${epoch}/${epochs}, ${errors} sentences wrong${valid ? `, valid F1 ${f1.toFixed(2)} (no consistency pass)` : ""}`);
    if (!valid || f1 > best.f1 || (last && epoch === epochs)) best = { ...averaged, epoch, f1 };
  }
  return best;
}

interface Prediction {
  paths: Uint8Array[];
}

/** Stage-one tags of each sentence of `docs` under a trained stage. */
function predict(docs: Sentence[][], stage: StageResult, rows: RowLayout): Prediction[] {
  const decoder = new AveragedPerceptron(rows.count, rows.vectors);
  return docs.map((sentences) => ({ paths: sentences.map((sentence) => decoder.decode(sentence, stage.weights, stage.transitions).slice()) }));
}

/** Per token, the features of `a` then those of `b` (same tokens). */
function concatFeatures(
  a: { features: Uint32Array; offsets: Uint32Array },
  b: { features: Uint32Array; offsets: Uint32Array },
): { features: Uint32Array; offsets: Uint32Array } {
  const features = new Uint32Array(a.features.length + b.features.length);
  const offsets = new Uint32Array(a.offsets.length);
  let at = 0;
  for (let i = 0; i + 1 < a.offsets.length; i++) {
    offsets[i] = at;
    const fromA = a.features.subarray(a.offsets[i] ?? 0, a.offsets[i + 1] ?? 0);
    const fromB = b.features.subarray(b.offsets[i] ?? 0, b.offsets[i + 1] ?? 0);
    features.set(fromA, at);
    features.set(fromB, at + fromA.length);
    at += fromA.length + fromB.length;
  }
  offsets[a.offsets.length - 1] = at;
  return { features, offsets };
}

/** Keeps rows whose largest absolute weight reaches `threshold`; returns the compacted weights. */
function prune(rows: Map<number, number>, stage: StageResult, threshold: number): ModelWeights {
  const T = TAG_COUNT;
  const kept: number[] = [];
  for (const [hash, row] of rows) {
    let max = 0;
    for (let t = 0; t < T; t++) max = Math.max(max, Math.abs(stage.weights[row * T + t] ?? 0));
    if (max >= threshold) kept.push(hash, row);
  }
  const count = kept.length / 2;
  const hashes = new Uint32Array(count);
  const compact = new Float32Array(count * T);
  for (let k = 0; k < count; k++) {
    const row = kept[2 * k + 1] ?? 0;
    hashes[k] = kept[2 * k] ?? 0;
    compact.set(stage.weights.subarray(row * T, (row + 1) * T), k * T);
  }
  return { hashes, weights: compact, transitions: stage.transitions };
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

/**
 * The word types a tagger scores in advance: every training token and every clustered word.
 * Never the validation words: the bench tags those. Most frequent in training first (ties in
 * code-unit order, so the file is reproducible): a tagger's per-word data follows this order,
 * and the words most tokens are keep to a few pages of memory.
 */
const VOCABULARY_CLUSTER_WORDS = 30_000;

export function trainingVocabulary(trainDocs: readonly LabelledDocument[], clusters: WordClusters | null): string[] {
  const counts = new Map<string, number>();
  // Clustered words come most frequent first; the rarest are cheaper computed when met than held by every tagger.
  for (const word of clusters?.words.slice(0, VOCABULARY_CLUSTER_WORDS) ?? []) counts.set(word, 0);
  for (const doc of trainDocs) for (const sentence of doc.tokens) for (const token of sentence) counts.set(token, (counts.get(token) ?? 0) + 1);
  return [...counts.entries()].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0)).map(([word]) => word);
}

/** What `trainStages` needs of the options. */
export type StageOptions = Pick<Options, "epochs" | "minCount" | "prune" | "seed" | "stack" | "folds" | "stackEpochs" | "lastEpoch">;

/**
 * Trains stage one, and with `stack` stage two on jackknifed stage-one tags, over `resources`'
 * features; returns each stage's pruned weights and the epoch kept with its validation F1.
 */
export function trainStages(
  trainDocs: readonly LabelledDocument[],
  validDocs: readonly LabelledDocument[],
  resources: NerResources,
  options: StageOptions,
): { stages: ModelWeights[]; kept: StageResult[] } {
  const extractor = new FeatureExtractor(resources);
  const trainBase = trainDocs.map((doc) => extractDocument(extractor, doc));
  const validBase = validDocs.map((doc) => extractDocument(extractor, doc));
  const rows1 = featureRows(trainBase, options.minCount);
  const layout1 = rowLayout(rows1, resources);
  const train1 = sentencesOf(trainBase, rows1);
  const valid1 = sentencesOf(validBase, rows1);
  log(`stage 1: ${layout1.count} features (seen ≥ ${options.minCount}×), ${train1.flat().length} training sentences`);
  const stage1 = trainStage("stage 1", train1, layout1, options.epochs, options.seed, valid1, options.lastEpoch);
  log(`stage 1: kept epoch ${stage1.epoch}, valid F1 ${stage1.f1.toFixed(2)}`);
  const stages = [prune(rows1, stage1, options.prune)];
  const kept = [stage1];
  if (options.stack) {
    // Stage-one tags and scores of each training document come from a model that did not see it (jackknife).
    const priors: Prediction[] = new Array(train1.length);
    for (let fold = 0; fold < options.folds; fold++) {
      const inFold = (d: number): boolean => d % options.folds === fold;
      const model = trainStage(`fold ${fold + 1}/${options.folds}`, train1.filter((_, d) => !inFold(d)), layout1, stage1.epoch, options.seed + 100 * (fold + 1));
      const held = train1.map((doc, d) => (inFold(d) ? doc : []));
      predict(held, model, layout1).forEach((prediction, d) => {
        if (inFold(d)) priors[d] = prediction;
      });
    }
    const validPriors = predict(valid1, stage1, layout1);
    // Stage two sees every stage-one feature plus the stage-one tags of the document.
    const stack = (base: ExtractedDocument[], prior: Prediction[]): ExtractedDocument[] =>
      base.map((entry, d) => ({ ...entry, ...concatFeatures(entry, extractor.priorFeatures(entry.doc.tokens, prior[d]?.paths ?? [])) }));
    const trainStacked = stack(trainBase, priors);
    const rows2 = featureRows(trainStacked, options.minCount);
    const layout2 = rowLayout(rows2, resources);
    log(`stage 2: ${layout2.count} features`);
    const train2 = sentencesOf(trainStacked, rows2);
    const valid2 = sentencesOf(stack(validBase, validPriors), rows2);
    const stage2 = trainStage("stage 2", train2, layout2, options.stackEpochs, options.seed + 7, valid2, options.lastEpoch);
    log(`stage 2: kept epoch ${stage2.epoch}, valid F1 ${stage2.f1.toFixed(2)}`);
    stages.push(prune(rows2, stage2, options.prune));
    kept.push(stage2);
  }
  return { stages, kept };
}

export async function train(options: Options): Promise<void> {
  const started = Date.now();
  const conll = resolve(options.data, "conll2003");
  let trainDocs = labelledDocuments(readFileSync(resolve(conll, "train.txt"), "utf8"), "train.txt");
  const validDocs = labelledDocuments(readFileSync(resolve(conll, "valid.txt"), "utf8"), "valid.txt");
  if (options.sample < 1) trainDocs = trainDocs.filter((_, i) => (i * options.sample) % 1 < options.sample);
  log(`${trainDocs.length} training documents, ${validDocs.length} validation documents`);
  const gazetteer = await buildGazetteer(options.data, options.geo);
  log(`gazetteer: ${gazetteer.size} phrases`);
  const clusters = await trainingClusters(options, trainDocs);
  const vectors = options.vectors && { table: new ScaledVectors(options.vectors.scale), window: options.vectors.window };
  const resources: NerResources = { gazetteer, clusters, vectors };
  const { stages, kept } = trainStages(trainDocs, validDocs, resources, options);
  const meta = {
    command: `npm run train:ner -- ${process.argv.slice(2).join(" ")}`.trim(),
    data: {
      train: "conll2003/train.txt",
      tune: "conll2003/valid.txt (epoch selection only)",
      gazetteer: "petrarch2 dictionaries, compromise lexicon, reuters21578 category lists",
      clusters: CLUSTER_SOURCES[options.clusters],
    },
    options: { ...options, data: undefined, out: undefined, clusterCache: undefined, lastEpoch: options.lastEpoch || undefined, vectors: options.vectors ?? undefined },
    epochs: kept.map((stage) => stage.epoch),
    features: stages.map((stage) => stage.hashes.length),
    validF1Stages: kept.map((stage) => Number(stage.f1.toFixed(2))),
    trainedAt: new Date().toISOString(),
  };
  mkdirSync(dirname(options.out), { recursive: true });
  const vocabulary = trainingVocabulary(trainDocs, clusters);
  NerModel.fromStages(stages, resources, meta, vocabulary).save(options.out);
  // Scored as shipped (quantised, reloaded); the consistency pass is switched on only if it helps on valid.
  const reloaded = NerModel.load(options.out);
  const plain = taggerF1(new NerTagger(reloaded, { harmonise: false }), validDocs);
  const harmonised = taggerF1(new NerTagger(reloaded, { harmonise: true }), validDocs);
  const harmonise = harmonised > plain;
  const model = NerModel.fromStages(stages, resources, { ...meta, harmonise }, vocabulary);
  model.save(options.out);
  log(`saved ${options.out}: ${model.featureCount} features; reloaded valid F1 ${plain.toFixed(2)} plain, ${harmonised.toFixed(2)} with consistency pass`);
  const note = {
    ...meta,
    harmonise,
    validF1: Number(Math.max(plain, harmonised).toFixed(2)),
    validF1NoConsistency: Number(plain.toFixed(2)),
    validF1WithConsistency: Number(harmonised.toFixed(2)),
    vocabulary: vocabulary.length,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(noteOf(options.out), JSON.stringify(note, null, 2) + "\n");
}

const CLUSTER_SOURCES = {
  glove: "models/glove-clusters.tsv.gz (GloVe 6B 100-d, scripts/build-glove-clusters.ts)",
  news: "news/reuters21578 + news/bbc + conll2003/train tokens",
  none: "none",
} as const;

async function trainingClusters(options: Options, trainDocs: LabelledDocument[]): Promise<WordClusters | null> {
  if (options.clusters === "glove") return gloveClusters();
  if (options.clusters === "news") return loadOrBuildClusters(options.data, options.clusterCache, trainDocs, log);
  return null;
}

/** The JSON note written beside a model file. */
function noteOf(modelPath: string): string {
  return modelPath.replace(/\.bin\.gz$/, "") + ".json";
}

/**
 * `--vocabulary-only`: writes the model at `out` again with the vocabulary this data gives it,
 * weights untouched (for a model saved before models carried one). Seconds, not minutes.
 */
async function addVocabulary(data: string, out: string): Promise<void> {
  const model = NerModel.load(out);
  const trainDocs = labelledDocuments(readFileSync(resolve(data, "conll2003", "train.txt"), "utf8"), "train.txt");
  const vocabulary = trainingVocabulary(trainDocs, model.resources.clusters);
  model.withVocabulary(vocabulary).save(out);
  const notePath = noteOf(out);
  if (existsSync(notePath)) {
    const note = JSON.parse(readFileSync(notePath, "utf8")) as Record<string, unknown>;
    writeFileSync(notePath, JSON.stringify({ ...note, vocabulary: vocabulary.length, vocabularyAddedBy: "npm run train:ner -- --vocabulary-only" }, null, 2) + "\n");
  }
  log(`saved ${out} with a vocabulary of ${vocabulary.length} word types`);
}

/** `--vectors SCALE,WINDOW` (e.g. 2,1). */
function vectorOption(spec: string): Options["vectors"] {
  const [scale, window, ...rest] = spec.split(",").map(Number);
  if (!(scale! > 0) || !Number.isInteger(window) || window! < 0 || window! > 2 || rest.length > 0) {
    throw new Error(`--vectors: expected SCALE,WINDOW with WINDOW 0, 1 or 2 (e.g. 2,1), got ${spec}`);
  }
  return { scale: scale!, window: window! };
}

function clusterSource(value: string | undefined): Options["clusters"] {
  if (value === "glove" || value === "news" || value === "none") return value;
  throw new Error(`--clusters ${value}: expected glove, news or none`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: "string", default: "../shared/data" },
      out: { type: "string", default: "models/ner/ner.bin.gz" },
      epochs: { type: "string", default: "10" },
      "min-count": { type: "string", default: "2" },
      sample: { type: "string", default: "1" },
      clusters: { type: "string", default: "glove" },
      "cluster-cache": { type: "string", default: ".cache/ner/clusters.tsv" },
      prune: { type: "string", default: "0.01" },
      seed: { type: "string", default: "1" },
      "no-stack": { type: "boolean", default: false },
      folds: { type: "string", default: "2" },
      "stack-epochs": { type: "string", default: "10" },
      geo: { type: "boolean", default: false },
      "vocabulary-only": { type: "boolean", default: false },
      vectors: { type: "string" },
      "last-epoch": { type: "boolean", default: false },
    },
  });
  const data = resolve(values.data);
  if (!existsSync(resolve(data, "conll2003", "train.txt"))) throw new Error(`no conll2003/train.txt under ${data} (use --data)`);
  if (values["vocabulary-only"]) return addVocabulary(data, resolve(values.out));
  await train({
    data,
    out: resolve(values.out),
    epochs: Number(values.epochs),
    minCount: Number(values["min-count"]),
    sample: Number(values.sample),
    clusters: clusterSource(values.clusters),
    clusterCache: resolve(values["cluster-cache"]),
    prune: Number(values.prune),
    seed: Number(values.seed),
    stack: !values["no-stack"],
    folds: Number(values.folds),
    stackEpochs: Number(values["stack-epochs"]),
    geo: values.geo,
    lastEpoch: values["last-epoch"],
    vectors: values.vectors === undefined ? null : vectorOption(values.vectors),
  });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main().catch((error: unknown) => {
    process.stderr.write(`train:ner: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
