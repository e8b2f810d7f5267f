/**
 * What the GloVe cluster features are worth to the CoNLL04 extractor, measured by 5-fold cross-validation on
 * conll04_train.json (four times dev's size; dev relation F1 moves by about 2 points from out-of-fold noise
 * alone) and on dev, each model a bag of --bags perceptrons:
 *  - the entity tagger: 5-fold entity F1 on train, dev entity F1;
 *  - the relation classifier on gold entities: 5-fold relation F1 on train, dev relation F1;
 *  - both: 5-fold relation F1 on train with each fold's entities from a tagger that never saw it, for every
 *    choice of GloVe in the tagger and in the relation classifier.
 * Relations count where the margin passes 0 (no tuned thresholds, no joint decoding), so the figures are
 * lower than `dossier eval re`'s but compare feature sets fairly.
 *
 * With --vectors or --pair-vectors it compares GloVe's word vectors as real-valued features instead: the
 * committed setting (GloVe clusters in both stages) against the tagger with vectors (each --vectors
 * SCALE[,WINDOW[,cap]]: scale of the components, neighbours either side, a copy for capitalised tokens) and
 * the relation classifier with vectors (each --pair-vectors SCALE), every tagger with every classifier.
 * --committed alone scores the committed setting only. --cache DIR keeps each tagger's out-of-fold entities
 * (training is deterministic), so a rerun skips them. --seed N trains every bag in other orders (N, N+1, ...),
 * to see how far the order alone moves the figures.
 *
 *   npx tsx scripts/conll04-cv.ts [--data ../shared/data] [--bags 1] [--vectors 2,1 ...] [--pair-vectors 1 ...] [--cache DIR] [--seed N] [--committed]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Conll04Entity, Conll04Sentence } from "../src/nlp/relations/conll04/format.js";
import { buildGazetteer } from "../src/nlp/relations/conll04/gazetteer.js";
import { GloveFeatures } from "../src/nlp/relations/conll04/glove-features.js";
import { LinearModel } from "../src/nlp/relations/conll04/linear.js";
import { NerFeatures } from "../src/nlp/relations/conll04/ner-features.js";
import { readPlaces } from "../src/nlp/relations/conll04/places.js";
import {
  candidates,
  margin,
  pairFeatures,
  prepareRelationExamples,
  trainRelations,
  type PairKnowledge,
} from "../src/nlp/relations/conll04/relations.js";
import { scoreConll04 } from "../src/nlp/relations/conll04/score.js";
import {
  decodeEntities,
  entityFeatures,
  parseVectorOptions,
  readConll04Data,
  trainBaggedTagger,
  type FeatureSources,
} from "../src/nlp/relations/conll04/train.js";
import { VectorFeatures } from "../src/nlp/relations/conll04/vector-features.js";

const FOLDS = 5;
const RELATION_EPOCHS = 12;

const { values } = parseArgs({
  options: {
    data: { type: "string", default: resolve(process.cwd(), "../shared/data") },
    bags: { type: "string", default: "1" },
    vectors: { type: "string", multiple: true, default: [] },
    "pair-vectors": { type: "string", multiple: true, default: [] },
    cache: { type: "string" },
    committed: { type: "boolean", default: false },
    seed: { type: "string", default: "0" },
  },
});
const dataDir = values.data!;
const bags = Number(values.bags);
/** First training order of every bag (another one measures how much the order alone moves the figures). */
const seed = Number(values.seed);
const data = readConll04Data(dataDir);
const ner = new NerFeatures();
const glove = new GloveFeatures();
const outOfFold = (fold: number) => (_: unknown, i: number) => i % FOLDS !== fold;

function figures(kind: "entities" | "relations", gold: Conll04Sentence[], predicted: Conll04Sentence[]): string {
  const { precision, recall, f1 } = scoreConll04(gold, predicted)[kind];
  return `P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(4)}`;
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const cpu = process.cpuUsage(since);
  return `${((cpu.user + cpu.system) / 1e6).toFixed(0)} CPU-s`;
};

/** Each training sentence's entities from a tagger trained on the other folds, and dev's from one trained on all. */
function tag(name: string, sources: FeatureSources): { train: Conll04Entity[][]; dev: Conll04Entity[][] } {
  const cached = values.cache && join(values.cache, `${name.replace(/[^\w.,-]+/g, "_")}.bags${bags}${seed ? `.seed${seed}` : ""}.json`);
  if (cached && existsSync(cached)) return JSON.parse(readFileSync(cached, "utf8")) as { train: Conll04Entity[][]; dev: Conll04Entity[][] };
  const entities = tagFresh(sources);
  if (cached) {
    mkdirSync(values.cache!, { recursive: true });
    writeFileSync(cached, JSON.stringify(entities));
  }
  return entities;
}

function tagFresh(sources: FeatureSources): { train: Conll04Entity[][]; dev: Conll04Entity[][] } {
  const { trainFeatures, devFeatures } = entityFeatures(dataDir, data, sources);
  const examples = data.train.map((s, i) => ({ features: trainFeatures[i]!, spans: s.entities }));
  const train: Conll04Entity[][] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = trainBaggedTagger(examples.filter(outOfFold(fold)), bags, undefined, seed);
    data.train.forEach((_, i) => {
      if (i % FOLDS === fold) train[i] = decodeEntities(model, trainFeatures[i]!);
    });
  }
  const model = trainBaggedTagger(examples, bags, undefined, seed);
  return { train, dev: devFeatures.map((features) => decodeEntities(model, features)) };
}

function trainRelationModel(sentences: readonly Conll04Sentence[], knowledge: PairKnowledge): LinearModel {
  const examples = prepareRelationExamples(sentences, sentences, knowledge);
  return LinearModel.average(Array.from({ length: bags }, (_, bag) => trainRelations(examples, RELATION_EPOCHS, seed + bag)));
}

/** The sentence with `entities` and the relations `model` finds between them. */
function relate(sentence: Conll04Sentence, entities: Conll04Entity[], model: LinearModel, knowledge: PairKnowledge): Conll04Sentence {
  const relations = candidates(entities)
    .filter((c) => margin(model, pairFeatures(sentence.tokens, entities, c, knowledge)) > 0)
    .map(({ type, head, tail }) => ({ type, head, tail }));
  return { ...sentence, entities, relations };
}

const withEntities = (sentences: Conll04Sentence[], entities: Conll04Entity[][]) =>
  sentences.map((s, i) => ({ ...s, entities: entities[i]!, relations: [] }));

const comparingVectors = values.committed! || values.vectors!.length > 0 || values["pair-vectors"]!.length > 0;
const taggerVariants: [string, FeatureSources][] = comparingVectors
  ? [
      ["with GloVe", { ner, glove }],
      ...values.vectors!.map((spec): [string, FeatureSources] => [
        `with GloVe and vectors ${spec}`,
        { ner, glove, vectors: new VectorFeatures(parseVectorOptions(spec)) },
      ]),
    ]
  : [
      ["without GloVe", { ner }],
      ["with GloVe", { ner, glove }],
    ];

const taggers = new Map<string, { train: Conll04Entity[][]; dev: Conll04Entity[][] }>();
for (const [name, sources] of taggerVariants) {
  const started = process.cpuUsage();
  const entities = tag(name, sources);
  taggers.set(name, entities);
  console.log(
    `tagger ${name}: 5-fold train entities ${figures("entities", data.train, withEntities(data.train, entities.train))}; ` +
      `dev entities ${figures("entities", data.dev, withEntities(data.dev, entities.dev))}; ${cpuSeconds(started)}`,
  );
}

const base: PairKnowledge = { places: readPlaces(dataDir), cluster: (word) => ner.cluster(word), gazetteer: buildGazetteer(dataDir) };
const withGlove: PairKnowledge = { ...base, glove: (word: string) => glove.cluster(word) };
const relationVariants: [string, PairKnowledge][] = comparingVectors
  ? [
      ["with GloVe", withGlove],
      ...values["pair-vectors"]!.map((spec): [string, PairKnowledge] => {
        const vectors = new VectorFeatures({ scale: Number(spec), window: 0, capitalised: false });
        return [`with GloVe and vectors ${spec}`, { ...withGlove, vector: (word: string) => vectors.vector(word) }];
      }),
    ]
  : [
      ["without GloVe", base],
      ["with GloVe", withGlove],
    ];
for (const [name, knowledge] of relationVariants) {
  const started = process.cpuUsage();
  const models = Array.from({ length: FOLDS }, (_, fold) => trainRelationModel(data.train.filter(outOfFold(fold)), knowledge));
  const model = trainRelationModel(data.train, knowledge);
  const onGold = data.train.map((s, i) => relate(s, s.entities, models[i % FOLDS]!, knowledge));
  const devOnGold = data.dev.map((s) => relate(s, s.entities, model, knowledge));
  console.log(
    `relations ${name}, gold entities: 5-fold train relations ${figures("relations", data.train, onGold)}; ` +
      `dev relations ${figures("relations", data.dev, devOnGold)}; ${cpuSeconds(started)}`,
  );
  for (const [tagger, entities] of taggers) {
    const found = data.train.map((s, i) => relate(s, entities.train[i]!, models[i % FOLDS]!, knowledge));
    const devFound = data.dev.map((s, i) => relate(s, entities.dev[i]!, model, knowledge));
    console.log(
      `relations ${name}, entities of the tagger ${tagger}: 5-fold train relations ${figures("relations", data.train, found)}; ` +
        `dev relations ${figures("relations", data.dev, devFound)}`,
    );
  }
}
