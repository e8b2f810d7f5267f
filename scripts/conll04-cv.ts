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
 *   npx tsx scripts/conll04-cv.ts [--data ../shared/data] [--bags 1]
 */
import { resolve } from "node:path";
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
  readConll04Data,
  trainBaggedTagger,
  type FeatureSources,
} from "../src/nlp/relations/conll04/train.js";

const FOLDS = 5;
const RELATION_EPOCHS = 12;

const { values } = parseArgs({
  options: { data: { type: "string", default: resolve(process.cwd(), "../shared/data") }, bags: { type: "string", default: "1" } },
});
const dataDir = values.data!;
const bags = Number(values.bags);
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
function tag(sources: FeatureSources): { train: Conll04Entity[][]; dev: Conll04Entity[][] } {
  const { trainFeatures, devFeatures } = entityFeatures(dataDir, data, sources);
  const examples = data.train.map((s, i) => ({ features: trainFeatures[i]!, spans: s.entities }));
  const train: Conll04Entity[][] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = trainBaggedTagger(examples.filter(outOfFold(fold)), bags);
    data.train.forEach((_, i) => {
      if (i % FOLDS === fold) train[i] = decodeEntities(model, trainFeatures[i]!);
    });
  }
  const model = trainBaggedTagger(examples, bags);
  return { train, dev: devFeatures.map((features) => decodeEntities(model, features)) };
}

function trainRelationModel(sentences: readonly Conll04Sentence[], knowledge: PairKnowledge): LinearModel {
  const examples = prepareRelationExamples(sentences, sentences, knowledge);
  return LinearModel.average(Array.from({ length: bags }, (_, bag) => trainRelations(examples, RELATION_EPOCHS, bag)));
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

const taggers = new Map<string, { train: Conll04Entity[][]; dev: Conll04Entity[][] }>();
for (const [name, sources] of [
  ["without GloVe", { ner }],
  ["with GloVe", { ner, glove }],
] as const) {
  const started = process.cpuUsage();
  const entities = tag(sources);
  taggers.set(name, entities);
  console.log(
    `tagger ${name}: 5-fold train entities ${figures("entities", data.train, withEntities(data.train, entities.train))}; ` +
      `dev entities ${figures("entities", data.dev, withEntities(data.dev, entities.dev))}; ${cpuSeconds(started)}`,
  );
}

const base: PairKnowledge = { places: readPlaces(dataDir), cluster: (word) => ner.cluster(word), gazetteer: buildGazetteer(dataDir) };
for (const [name, knowledge] of [
  ["without GloVe", base],
  ["with GloVe", { ...base, glove: (word: string) => glove.cluster(word) }],
] as const) {
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
