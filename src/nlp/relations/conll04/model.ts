import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import {
  CONLL04_ENTITY_TYPES,
  type Conll04Entity,
  type Conll04EntityType,
  type Conll04Relation,
  type Conll04Sentence,
} from "./format.js";
import { Gazetteer, type GazetteerData } from "./gazetteer.js";
import { LinearModel, type Feature, type SerialisedWeights } from "./linear.js";
import { GloveFeatures } from "./glove-features.js";
import { NerFeatures } from "./ner-features.js";
import { Places, type PlacesData } from "./places.js";
import { propagate, type PropagationRule } from "./propagate.js";
import { candidates, margin, pairFeatures, type Candidate, type PairKnowledge, type Thresholds } from "./relations.js";
import { TagSet, decode, kBest, pathScore, scoreTables, tokenFeatures, type ScoreTables } from "./tagger.js";
import { VectorFeatures, type VectorOptions } from "./vector-features.js";

/** The committed model, trained by `npm run train:re` (see train.ts). */
export const DEFAULT_MODEL_PATH = fileURLToPath(
  new URL("../../../../models/re-conll04/model.json.gz", import.meta.url),
);

export const ENTITY_TAGS = new TagSet(CONLL04_ENTITY_TYPES);

export interface SerialisedModel {
  format: "dossier-re-conll04";
  version: 1;
  gazetteer: GazetteerData;
  tagger: SerialisedWeights;
  relations: SerialisedWeights;
  thresholds: Thresholds;
  places: PlacesData;
  /** Whether the tagger and the relation classifier read the project's CoNLL-2003 recogniser (models/ner) as features. */
  ner: boolean;
  /** Whether they read the GloVe word clusters (models/glove-clusters.tsv.gz) as features. */
  glove?: boolean;
  /** Whether, and how, the tagger reads GloVe's word vectors (models/glove-vectors.bin.gz) as real-valued features. */
  vectors?: VectorOptions;
  /** Whether, and at what scale, the relation classifier reads the word vectors of the arguments and the words between. */
  pairVectors?: { scale: number };
  /**
   * Weight of relation evidence when an entity's type is reconsidered (0: the tagger alone decides).
   * Tuned on the development split.
   */
  joint: number;
  /**
   * How many of the tagger's best taggings joint decoding weighs against relation evidence (1: only the best,
   * whose entities may still change type). Tuned on the development split.
   */
  nBest?: number;
  /**
   * A relation is dropped when another of its type with the same tail (the same victim, employer or place of
   * the head) scores at least this much more: in CoNLL04's training data a tail rarely has two heads of one
   * relation type. Absent: no such rule. Tuned on the development split.
   */
  tailGap?: number;
  /** Relations derived from predicted ones ("Miami , Fla.", "( CNTP )"), learnt from training data (propagate.ts). */
  rules?: PropagationRule[];
  /** How the model was made and what it scored on the development split, for the record. */
  meta: Record<string, unknown>;
}

function toEntities(path: readonly number[]): Conll04Entity[] {
  return ENTITY_TAGS.toSpans(path).map(({ type, start, end }) => ({ type: type as Conll04EntityType, start, end }));
}

/** Per-token tagger features from other models: the recogniser's labels and clusters, the GloVe clusters and vectors. */
export function extraFeatures(
  tokens: readonly string[],
  ner?: NerFeatures,
  glove?: GloveFeatures,
  vectors?: VectorFeatures,
): Feature[][] | undefined {
  const sources = [ner?.annotate(tokens), glove?.annotate(tokens), vectors?.annotate(tokens)].filter((s) => s !== undefined);
  if (!sources.length) return undefined;
  return tokens.map((_, i) => sources.flatMap((source): Feature[] => source[i]!));
}

export interface ScoredRelation extends Conll04Relation {
  /** Classifier margin minus the relation's threshold: > 0 for every returned relation. */
  score: number;
}

/** Relations left when each yields to a same-type relation with its tail that scores `gap` more. */
export function dropSharedTails(relations: ScoredRelation[], gap: number | undefined): ScoredRelation[] {
  if (gap === undefined) return relations;
  return relations.filter(
    (r) => !relations.some((other) => other.type === r.type && other.tail === r.tail && other.score >= r.score + gap && other !== r),
  );
}

export class Conll04Extractor {
  private readonly gazetteer: Gazetteer;
  private readonly tagger: LinearModel;
  private readonly relationModel: LinearModel;
  private readonly knowledge: PairKnowledge;
  private readonly ner?: NerFeatures;
  private readonly glove?: GloveFeatures;
  private readonly vectors?: VectorFeatures;

  constructor(readonly model: SerialisedModel) {
    this.gazetteer = new Gazetteer(model.gazetteer);
    this.tagger = LinearModel.deserialise(ENTITY_TAGS.tags.length, model.tagger);
    this.relationModel = LinearModel.deserialise(2, model.relations);
    const ner = model.ner ? new NerFeatures() : undefined;
    const glove = model.glove ? new GloveFeatures() : undefined;
    this.ner = ner;
    this.glove = glove;
    this.vectors = model.vectors && new VectorFeatures(model.vectors);
    const pairVectors = model.pairVectors && new VectorFeatures({ ...model.pairVectors, window: 0, capitalised: false });
    this.knowledge = {
      places: new Places(model.places),
      cluster: ner && ((word) => ner.cluster(word)),
      glove: glove && ((word) => glove.cluster(word)),
      vector: pairVectors && ((word) => pairVectors.vector(word)),
      gazetteer: this.gazetteer,
    };
  }

  static load(path = DEFAULT_MODEL_PATH): Conll04Extractor {
    let model: SerialisedModel;
    try {
      model = JSON.parse(gunzipSync(readFileSync(path)).toString("utf8")) as SerialisedModel;
    } catch (error) {
      throw new Error(`cannot load relation model ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (model.format !== "dossier-re-conll04" || model.version !== 1) {
      throw new Error(`${path}: not a dossier-re-conll04 v1 model`);
    }
    return new Conll04Extractor(model);
  }

  save(path: string): void {
    writeFileSync(path, gzipSync(JSON.stringify(this.model), { level: 9 }));
  }

  private tables(tokens: readonly string[]): ScoreTables {
    return scoreTables(ENTITY_TAGS, this.tagger, tokenFeatures(tokens, this.gazetteer, extraFeatures(tokens, this.ner, this.glove, this.vectors)));
  }

  /** Entities as the tagger alone reads them. */
  entities(tokens: readonly string[]): Conll04Entity[] {
    return toEntities(decode(ENTITY_TAGS, this.tables(tokens)));
  }

  relations(tokens: readonly string[], entities: readonly Conll04Entity[]): ScoredRelation[] {
    const scored = candidates(entities).flatMap((c) => {
      const score = this.score(tokens, entities, c);
      return score > 0 ? [{ type: c.type, head: c.head, tail: c.tail, score }] : [];
    });
    return propagate({ tokens, entities }, dropSharedTails(scored, this.model.tailGap), this.model.rules ?? []);
  }

  /** A candidate's margin over its relation's threshold. */
  private score(tokens: readonly string[], entities: readonly Conll04Entity[], c: Candidate): number {
    return margin(this.relationModel, pairFeatures(tokens, entities, c, this.knowledge)) - this.model.thresholds[c.type];
  }

  /** Entities and relations of one tokenised sentence. */
  extract(tokens: readonly string[]): { entities: Conll04Entity[]; relations: ScoredRelation[] } {
    const tables = this.tables(tokens);
    const path = this.model.joint > 0 ? this.bestJointPath(tokens, tables) : decode(ENTITY_TAGS, tables);
    const entities = this.model.joint > 0 ? this.retype(tokens, tables, path) : toEntities(path);
    return { entities, relations: this.relations(tokens, entities) };
  }

  /** Among the tagger's n best taggings, the one whose score plus weighted relation evidence is highest. */
  private bestJointPath(tokens: readonly string[], tables: ScoreTables): number[] {
    const taggings = kBest(ENTITY_TAGS, tables, this.model.nBest ?? 1);
    let best = { path: taggings[0]!.path, total: -Infinity };
    for (const { path, score } of taggings) {
      const entities = toEntities(path);
      const evidence = candidates(entities).reduce((sum, c) => sum + Math.max(0, this.score(tokens, entities, c)), 0);
      const total = score + this.model.joint * evidence;
      if (total > best.total) best = { path, total };
    }
    return best.path;
  }

  /** How strongly the relation classifier wants `index` related to the others (sum of positive scores). */
  private relationEvidence(tokens: readonly string[], entities: readonly Conll04Entity[], index: number): number {
    return candidates(entities)
      .filter((c) => c.head === index || c.tail === index)
      .reduce((sum, c) => sum + Math.max(0, this.score(tokens, entities, c)), 0);
  }

  /**
   * Joint decoding, greedily: an entity takes another type when the relations that type allows outweigh
   * what the tagger loses by the change (weighted by `joint`). Spans never change, only types.
   */
  private retype(tokens: readonly string[], tables: ScoreTables, path: readonly number[]): Conll04Entity[] {
    const best = pathScore(ENTITY_TAGS, tables, path);
    const entities = toEntities(path);
    entities.forEach((entity, index) => {
      const evidence = (type: Conll04EntityType) =>
        this.model.joint *
        this.relationEvidence(tokens, entities.map((e, i) => (i === index ? { ...e, type } : e)), index);
      const current = evidence(entity.type);
      let chosen = { type: entity.type, gain: 0 };
      for (const type of CONLL04_ENTITY_TYPES) {
        if (type === entity.type) continue;
        const relabelled = [...path];
        const tags = ENTITY_TAGS.fromSpans(path.length, [{ type, start: entity.start, end: entity.end }]);
        for (let i = entity.start; i < entity.end; i++) relabelled[i] = tags[i]!;
        const gain = evidence(type) - current - (best - pathScore(ENTITY_TAGS, tables, relabelled));
        if (gain > chosen.gain) chosen = { type, gain };
      }
      entities[index] = { ...entity, type: chosen.type };
    });
    return entities;
  }

  /** Replaces each sentence's entities and relations with predicted ones; other fields stay as they are. */
  annotate(sentences: readonly Conll04Sentence[]): Conll04Sentence[] {
    return sentences.map((sentence) => {
      const { entities, relations } = this.extract(sentence.tokens);
      return {
        ...sentence,
        entities,
        relations: relations.map(({ type, head, tail }) => ({ type, head, tail })),
      };
    });
  }
}
