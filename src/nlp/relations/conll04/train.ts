/**
 * Trains the CoNLL04 entity + relation model: `npm run train:re` (options: --data DIR, --out FILE;
 * --no-glove leaves out the GloVe cluster features, which raised 5-fold relation F1 on train though not
 * dev's, see scripts/conll04-cv.ts; --vectors SCALE[,WINDOW[,cap][,bin]] sets how the tagger reads GloVe's
 * word vectors (default 2,1: each token's and its neighbours' vectors, doubled) and --no-vectors leaves them
 * out; --pair-vectors SCALE lets the relation classifier read them too (not by default: no gain by 5-fold CV);
 * --fast trains fewer bagged perceptrons, to compare two feature sets quickly).
 * Learns from conll04_train.json only; conll04_dev.json picks the relation thresholds and is scored.
 * Deterministic: the same data gives the same model.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { CONLL04_RELATION_TYPES, parseConll04, type Conll04Entity, type Conll04Sentence } from "./format.js";
import { buildGazetteer, type Gazetteer } from "./gazetteer.js";
import { GloveFeatures } from "./glove-features.js";
import { NerFeatures } from "./ner-features.js";
import { VectorFeatures, type VectorOptions } from "./vector-features.js";
import { readPlaces } from "./places.js";
import { LinearModel, type Feature } from "./linear.js";
import { Conll04Extractor, DEFAULT_MODEL_PATH, ENTITY_TAGS, extraFeatures } from "./model.js";
import {
  candidates,
  goldLabels,
  margin,
  pairFeatures,
  prepareRelationExamples,
  trainRelations,
  ZERO_THRESHOLDS,
  type Thresholds,
} from "./relations.js";
import { learnRules } from "./propagate.js";
import { formatScores, scoreConll04 } from "./score.js";
import { tokenFeatures, trainTagger, viterbi, type TaggerExample } from "./tagger.js";

/** Chosen on the development split (entity F1 and relation F1 level off there). */
const TAGGER_EPOCHS = 13;
const RELATION_EPOCHS = 12;
/**
 * Taggers averaged into the committed one, and into each out-of-fold one (fewer: they only label training
 * data); relation perceptrons trained in different example orders and averaged (dev scores vary less between
 * runs). `fast` trains fewer, to compare two feature sets quickly.
 */
export interface Bags {
  tagger: number;
  outOfFold: number;
  relations: number;
}
const BAGS: Bags = { tagger: 8, outOfFold: 3, relations: 5 };
const FAST_BAGS: Bags = { tagger: 2, outOfFold: 1, relations: 2 };

/** What the tagger and the relation classifier read besides the sentence and the name lists. */
export interface FeatureSources {
  ner: NerFeatures;
  glove?: GloveFeatures;
  /** GloVe word vectors as real-valued tagger features. */
  vectors?: VectorFeatures;
  /** GloVe word vectors as real-valued relation features (own scale; window and capitalisation unused). */
  pairVectors?: VectorFeatures;
}
/** Candidate weights of relation evidence in joint entity typing, chosen on dev. */
const JOINT_WEIGHTS = [0, 0.01, 0.02, 0.03, 0.05, 0.1];
/** Candidate numbers of the tagger's best taggings that joint decoding weighs, chosen on dev. */
const N_BEST = [1, 4];
/** Candidate score gaps by which a relation yields to a stronger one sharing its type and tail (see SerialisedModel.tailGap). */
const TAIL_GAPS = [undefined, 0, 15, 30, 60];
/**
 * Folds for the tagger's out-of-fold predictions on train (so the relation classifier sees realistic entities)
 * and for the held-out gazetteer of CoNLL04 names.
 */
const FOLDS = 5;

type Log = (line: string) => void;

export function decodeEntities(model: LinearModel, features: readonly (readonly Feature[])[]): Conll04Entity[] {
  return ENTITY_TAGS.toSpans(viterbi(ENTITY_TAGS, model, features)) as Conll04Entity[];
}

interface ScoredCandidate {
  type: (typeof CONLL04_RELATION_TYPES)[number];
  margin: number;
  positive: boolean;
}

/**
 * Per-relation thresholds that maximise micro F1 over `scored` (with `gold` relations in all),
 * by coordinate ascent over each relation's observed margins.
 */
export function tuneThresholds(scored: readonly ScoredCandidate[], gold: number): Thresholds {
  const thresholds: Thresholds = { ...ZERO_THRESHOLDS };
  const f1 = (t: Thresholds) => {
    let correct = 0;
    let predicted = 0;
    for (const c of scored) {
      if (c.margin <= t[c.type]) continue;
      predicted += 1;
      if (c.positive) correct += 1;
    }
    return predicted && gold ? (2 * correct) / (predicted + gold) : 0;
  };
  for (let round = 0; round < 3; round++) {
    for (const type of CONLL04_RELATION_TYPES) {
      const options = [0, ...scored.filter((c) => c.type === type).map((c) => c.margin - 1e-6)];
      let best = thresholds[type];
      let bestF1 = f1(thresholds);
      for (const option of options) {
        const f = f1({ ...thresholds, [type]: option });
        if (f > bestF1 + 1e-12) [best, bestF1] = [option, f];
      }
      thresholds[type] = best;
    }
  }
  return thresholds;
}

/**
 * A tagger made of `bags` perceptrons trained in different example orders and averaged (orders
 * `firstSeed`, `firstSeed + 1`, ...: another first seed measures how much the order alone moves a score).
 */
export function trainBaggedTagger(examples: readonly TaggerExample[], bags: number, log?: Log, firstSeed = 0): LinearModel {
  return LinearModel.average(
    Array.from({ length: bags }, (_, bag) =>
      trainTagger(
        ENTITY_TAGS,
        examples,
        TAGGER_EPOCHS,
        log && ((epoch) => log(`tagger ${bag + 1}/${bags} epoch ${epoch}/${TAGGER_EPOCHS}`)),
        firstSeed + bag,
      ),
    ),
  );
}

export interface Conll04Data {
  train: Conll04Sentence[];
  dev: Conll04Sentence[];
}

export function readConll04Data(dataDir: string): Conll04Data {
  const read = (name: string) => {
    const file = join(dataDir, "conll04", name);
    return parseConll04(readFileSync(file, "utf8"), file);
  };
  return { train: read("conll04_train.json"), dev: read("conll04_dev.json") };
}

/** What the entity stage hands the relation stage. */
export interface EntityStage {
  gazetteer: Gazetteer;
  tagger: LinearModel;
  /** The tagger's entities on dev. */
  devEntities: Conll04Entity[][];
  /** Entities of each training sentence from a tagger that never saw it. */
  outOfFold: Conll04Entity[][];
}

/** Tagger features of every training and dev sentence, and the gazetteer the committed tagger reads. */
export interface EntityFeatures {
  gazetteer: Gazetteer;
  trainFeatures: Feature[][][];
  devFeatures: Feature[][][];
}

export function entityFeatures(dataDir: string, { train, dev }: Conll04Data, sources: FeatureSources): EntityFeatures {
  // CoNLL04's own training names join the gazetteer; each training sentence sees only the names of the
  // other folds, so the feature is as unreliable in training as it will be on new text.
  const external = buildGazetteer(dataDir);
  const names = (indices: number[]) =>
    indices.flatMap((i) =>
      train[i]!.entities.map((e) => ({ tokens: train[i]!.tokens.slice(e.start, e.end), type: `C4${e.type}` })),
    );
  const everyone = train.map((_, i) => i);
  const gazetteer = external.extend(names(everyone));
  const foldGazetteers = Array.from({ length: FOLDS }, (_, fold) =>
    external.extend(names(everyone.filter((i) => i % FOLDS !== fold))),
  );
  const extra = (tokens: readonly string[]) => extraFeatures(tokens, sources.ner, sources.glove, sources.vectors);
  const trainFeatures = train.map((s, i) => tokenFeatures(s.tokens, foldGazetteers[i % FOLDS], extra(s.tokens)));
  const devFeatures = dev.map((s) => tokenFeatures(s.tokens, gazetteer, extra(s.tokens)));
  return { gazetteer, trainFeatures, devFeatures };
}

export function trainEntityStage(dataDir: string, data: Conll04Data, sources: FeatureSources, bags: Bags, log: Log): EntityStage {
  const { train } = data;
  const { gazetteer, trainFeatures, devFeatures } = entityFeatures(dataDir, data, sources);
  log(`gazetteer: ${Object.keys(gazetteer.data.phrases).length} phrases`);
  const everyone = train.map((_, i) => i);
  const taggerExamples = (indices: number[]) =>
    indices.map((i) => ({ features: trainFeatures[i]!, spans: train[i]!.entities }));

  const tagger = trainBaggedTagger(taggerExamples(everyone), bags.tagger, log);
  const devEntities = devFeatures.map((features) => decodeEntities(tagger, features));

  const outOfFold: Conll04Entity[][] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = trainBaggedTagger(taggerExamples(everyone.filter((i) => i % FOLDS !== fold)), bags.outOfFold);
    train.forEach((_, i) => {
      if (i % FOLDS === fold) outOfFold[i] = decodeEntities(model, trainFeatures[i]!);
    });
    log(`out-of-fold tagger ${fold + 1}/${FOLDS}`);
  }
  return { gazetteer, tagger, devEntities, outOfFold };
}

export interface TrainOptions {
  glove?: boolean;
  fast?: boolean;
  /** The tagger reads GloVe vectors with these options. */
  vectors?: VectorOptions;
  /** The relation classifier reads GloVe vectors at this scale. */
  pairVectors?: number;
}

export function trainConll04(dataDir: string, log: Log, { glove = false, fast = false, vectors, pairVectors }: TrainOptions = {}): Conll04Extractor {
  const data = readConll04Data(dataDir);
  const sources: FeatureSources = {
    ner: new NerFeatures(),
    ...(glove ? { glove: new GloveFeatures() } : {}),
    ...(vectors ? { vectors: new VectorFeatures(vectors) } : {}),
    ...(pairVectors ? { pairVectors: new VectorFeatures({ scale: pairVectors, window: 0, capitalised: false }) } : {}),
  };
  const bags = fast ? FAST_BAGS : BAGS;
  return trainRelationStage(dataDir, data, trainEntityStage(dataDir, data, sources, bags, log), sources, bags, log);
}

export function trainRelationStage(
  dataDir: string,
  { train, dev }: Conll04Data,
  { gazetteer, tagger, devEntities, outOfFold }: EntityStage,
  { ner, glove, vectors, pairVectors }: FeatureSources,
  bags: Bags,
  log: Log,
): Conll04Extractor {
  // Gold entities teach the relations themselves; out-of-fold entities teach the classifier to live with tagger errors.
  const places = readPlaces(dataDir);
  const knowledge = {
    places,
    cluster: (word: string) => ner.cluster(word),
    ...(glove ? { glove: (word: string) => glove.cluster(word) } : {}),
    ...(pairVectors ? { vector: (word: string) => pairVectors.vector(word) } : {}),
    gazetteer,
  };
  const examples = [
    ...prepareRelationExamples(train, train, knowledge),
    ...prepareRelationExamples(
      train.map((s, i) => ({ ...s, entities: outOfFold[i]! })),
      train,
      knowledge,
    ),
  ];
  const relations = LinearModel.average(
    Array.from({ length: bags.relations }, (_, bag) =>
      trainRelations(examples, RELATION_EPOCHS, bag, (epoch) =>
        log(`relation model ${bag + 1}/${bags.relations} epoch ${epoch}/${RELATION_EPOCHS}`),
      ),
    ),
  );

  const scored = dev.flatMap((sentence, i) => {
    const entities = devEntities[i]!;
    const isGold = goldLabels(entities, sentence);
    return candidates(entities).map((c) => ({
      type: c.type,
      margin: margin(relations, pairFeatures(sentence.tokens, entities, c, knowledge)),
      positive: isGold(c),
    }));
  });
  const thresholds = tuneThresholds(
    scored,
    dev.reduce((n, s) => n + s.relations.length, 0),
  );
  log(`thresholds (tuned on dev): ${JSON.stringify(thresholds)}`);
  const rules = learnRules(train);
  log(`propagation rules (from train): ${rules.map((r) => `${r.type} ${r.kind}`).join(", ")}`);

  const model = {
    format: "dossier-re-conll04" as const,
    version: 1 as const,
    gazetteer: gazetteer.data,
    tagger: tagger.serialise(),
    relations: relations.serialise(),
    thresholds,
    places: places.data,
    ner: true,
    ...(glove ? { glove: true } : {}),
    ...(vectors ? { vectors: vectors.options } : {}),
    ...(pairVectors ? { pairVectors: { scale: pairVectors.options.scale } } : {}),
    joint: 0,
    rules,
  };
  let best = { joint: 0, nBest: 1, f1: -1 };
  for (const nBest of N_BEST) {
    for (const joint of JOINT_WEIGHTS) {
      if (joint === 0 && nBest > 1) continue;
      const f1 = scoreConll04(dev, new Conll04Extractor({ ...model, joint, nBest, meta: {} }).annotate(dev)).relations.f1;
      log(`joint weight ${joint}, ${nBest} best taggings: dev relation F1 ${f1.toFixed(4)}`);
      if (f1 > best.f1) best = { joint, nBest, f1 };
    }
  }
  let tailGap: number | undefined;
  let bestF1 = -1;
  for (const gap of TAIL_GAPS) {
    const options = { ...model, joint: best.joint, nBest: best.nBest, tailGap: gap, meta: {} };
    const f1 = scoreConll04(dev, new Conll04Extractor(options).annotate(dev)).relations.f1;
    log(`tail gap ${gap ?? "none"}: dev relation F1 ${f1.toFixed(4)}`);
    if (f1 > bestF1) [tailGap, bestF1] = [gap, f1];
  }
  const extractor = new Conll04Extractor({
    ...model,
    joint: best.joint,
    nBest: best.nBest,
    ...(tailGap === undefined ? {} : { tailGap }),
    meta: {
      trainedOn: "conll04_train.json",
      tunedOn: "conll04_dev.json",
      taggerEpochs: TAGGER_EPOCHS,
      taggerBags: bags.tagger,
      relationEpochs: RELATION_EPOCHS,
      relationBags: bags.relations,
      folds: FOLDS,
      command: "npm run train:re",
    },
  });
  const scores = scoreConll04(dev, extractor.annotate(dev));
  extractor.model.meta.dev = {
    entityF1: Number(scores.entities.f1.toFixed(4)),
    relationF1: Number(scores.relations.f1.toFixed(4)),
  };
  log(`dev:\n${formatScores(scores)}`);
  return extractor;
}

/**
 * How the committed tagger reads GloVe's vectors: its own and its neighbours' at scale 2. By 5-fold CV on
 * train (scripts/conll04-cv.ts --bags 2) relation F1 0.5787 -> 0.5889 and entity F1 0.8275 -> 0.8329
 * (other training orders: 0.5776 -> 0.5890, 0.8268 -> 0.8325); scales 0.5 and 1 gained nothing, 8 lost.
 */
const DEFAULT_TAGGER_VECTORS = "2,1";

/** "SCALE[,WINDOW[,cap][,bin]]": the tagger's vector options (see VectorOptions). */
export function parseVectorOptions(spec: string): VectorOptions {
  const [scale, window = "1", ...flags] = spec.split(",");
  const options: VectorOptions = {
    scale: Number(scale),
    window: Number(window),
    capitalised: flags.includes("cap"),
    ...(flags.includes("bin") ? { binary: true } : {}),
  };
  if (!(options.scale > 0) || !Number.isInteger(options.window) || options.window < 0 || flags.some((f) => f !== "cap" && f !== "bin")) {
    throw new Error(`--vectors: expected SCALE[,WINDOW[,cap][,bin]] (e.g. 2,1), got ${spec}`);
  }
  return options;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: "string", default: resolve(process.cwd(), "../shared/data") },
      out: { type: "string", default: DEFAULT_MODEL_PATH },
      "no-glove": { type: "boolean", default: false },
      fast: { type: "boolean", default: false },
      vectors: { type: "string", default: DEFAULT_TAGGER_VECTORS },
      "no-vectors": { type: "boolean", default: false },
      "pair-vectors": { type: "string" },
    },
  });
  const vectors = values["no-vectors"] ? undefined : parseVectorOptions(values.vectors!);
  const pairVectors = values["pair-vectors"] === undefined ? undefined : Number(values["pair-vectors"]);
  if (pairVectors !== undefined && !(pairVectors > 0)) throw new Error(`--pair-vectors: expected a positive scale, got ${values["pair-vectors"]}`);
  const started = Date.now();
  const extractor = trainConll04(
    values.data!,
    (line) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`),
    { glove: !values["no-glove"], fast: values.fast!, ...(vectors ? { vectors } : {}), ...(pairVectors ? { pairVectors } : {}) },
  );
  mkdirSync(dirname(values.out!), { recursive: true });
  extractor.save(values.out!);
  process.stdout.write(`model written to ${values.out}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`train:re: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
