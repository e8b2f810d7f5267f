/**
 * Trains the CoNLL04 entity + relation model: `npm run train:re` (options: --data DIR, --out FILE).
 * Learns from conll04_train.json only; conll04_dev.json picks the relation thresholds and is scored.
 * Deterministic: the same data gives the same model.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { CONLL04_RELATION_TYPES, parseConll04, type Conll04Entity, type Conll04Sentence } from "./format.js";
import { buildGazetteer, type Gazetteer } from "./gazetteer.js";
import { NerFeatures } from "./ner-features.js";
import { readPlaces } from "./places.js";
import { LinearModel } from "./linear.js";
import { Conll04Extractor, DEFAULT_MODEL_PATH, ENTITY_TAGS } from "./model.js";
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
/** Taggers averaged into the committed one, and into each out-of-fold one (fewer: they only label training data). */
const TAGGER_BAGS = 8;
const OUT_OF_FOLD_BAGS = 3;
/** Relation perceptrons trained in different example orders and averaged: dev scores vary less between runs. */
const RELATION_BAGS = 5;
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

function decodeEntities(model: LinearModel, features: string[][]): Conll04Entity[] {
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

/** A tagger made of `bags` perceptrons trained in different example orders and averaged. */
function trainBaggedTagger(examples: readonly TaggerExample[], bags: number, log?: Log): LinearModel {
  return LinearModel.average(
    Array.from({ length: bags }, (_, seed) =>
      trainTagger(
        ENTITY_TAGS,
        examples,
        TAGGER_EPOCHS,
        log && ((epoch) => log(`tagger ${seed + 1}/${bags} epoch ${epoch}/${TAGGER_EPOCHS}`)),
        seed,
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

export function trainEntityStage(dataDir: string, { train, dev }: Conll04Data, log: Log): EntityStage {
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
  log(`gazetteer: ${Object.keys(gazetteer.data.phrases).length} phrases`);
  const ner = new NerFeatures();
  const trainFeatures = train.map((s, i) => tokenFeatures(s.tokens, foldGazetteers[i % FOLDS], ner.annotate(s.tokens)));
  const devFeatures = dev.map((s) => tokenFeatures(s.tokens, gazetteer, ner.annotate(s.tokens)));
  const taggerExamples = (indices: number[]) =>
    indices.map((i) => ({ features: trainFeatures[i]!, spans: train[i]!.entities }));

  const tagger = trainBaggedTagger(taggerExamples(everyone), TAGGER_BAGS, log);
  const devEntities = devFeatures.map((features) => decodeEntities(tagger, features));

  const outOfFold: Conll04Entity[][] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = trainBaggedTagger(taggerExamples(everyone.filter((i) => i % FOLDS !== fold)), OUT_OF_FOLD_BAGS);
    train.forEach((_, i) => {
      if (i % FOLDS === fold) outOfFold[i] = decodeEntities(model, trainFeatures[i]!);
    });
    log(`out-of-fold tagger ${fold + 1}/${FOLDS}`);
  }
  return { gazetteer, tagger, devEntities, outOfFold };
}

export function trainConll04(dataDir: string, log: Log): Conll04Extractor {
  const data = readConll04Data(dataDir);
  return trainRelationStage(dataDir, data, trainEntityStage(dataDir, data, log), log);
}

export function trainRelationStage(
  dataDir: string,
  { train, dev }: Conll04Data,
  { gazetteer, tagger, devEntities, outOfFold }: EntityStage,
  log: Log,
): Conll04Extractor {
  const ner = new NerFeatures();
  const cluster = (word: string) => ner.cluster(word);
  // Gold entities teach the relations themselves; out-of-fold entities teach the classifier to live with tagger errors.
  const places = readPlaces(dataDir);
  const knowledge = { places, cluster, gazetteer };
  const examples = [
    ...prepareRelationExamples(train, train, knowledge),
    ...prepareRelationExamples(
      train.map((s, i) => ({ ...s, entities: outOfFold[i]! })),
      train,
      knowledge,
    ),
  ];
  const relations = LinearModel.average(
    Array.from({ length: RELATION_BAGS }, (_, bag) =>
      trainRelations(examples, RELATION_EPOCHS, bag, (epoch) =>
        log(`relation model ${bag + 1}/${RELATION_BAGS} epoch ${epoch}/${RELATION_EPOCHS}`),
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
      taggerBags: TAGGER_BAGS,
      relationEpochs: RELATION_EPOCHS,
      relationBags: RELATION_BAGS,
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: "string", default: resolve(process.cwd(), "../shared/data") },
      out: { type: "string", default: DEFAULT_MODEL_PATH },
    },
  });
  const started = Date.now();
  const extractor = trainConll04(values.data!, (line) =>
    process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`),
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
