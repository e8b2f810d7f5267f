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
import { LinearModel, type SerialisedWeights } from "./linear.js";
import { candidates, margin, pairFeatures, type Thresholds } from "./relations.js";
import { TagSet, tokenFeatures, viterbi } from "./tagger.js";

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
  /** How the model was made and what it scored on the development split, for the record. */
  meta: Record<string, unknown>;
}

export interface ScoredRelation extends Conll04Relation {
  /** Classifier margin minus the relation's threshold: > 0 for every returned relation. */
  score: number;
}

export class Conll04Extractor {
  private readonly gazetteer: Gazetteer;
  private readonly tagger: LinearModel;
  private readonly relationModel: LinearModel;

  constructor(readonly model: SerialisedModel) {
    this.gazetteer = new Gazetteer(model.gazetteer);
    this.tagger = LinearModel.deserialise(ENTITY_TAGS.tags.length, model.tagger);
    this.relationModel = LinearModel.deserialise(2, model.relations);
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

  entities(tokens: readonly string[]): Conll04Entity[] {
    const spans = ENTITY_TAGS.toSpans(viterbi(ENTITY_TAGS, this.tagger, tokenFeatures(tokens, this.gazetteer)));
    return spans.map(({ type, start, end }) => ({ type: type as Conll04EntityType, start, end }));
  }

  relations(tokens: readonly string[], entities: readonly Conll04Entity[]): ScoredRelation[] {
    return candidates(entities).flatMap((c) => {
      const score = margin(this.relationModel, pairFeatures(tokens, entities, c)) - this.model.thresholds[c.type];
      return score > 0 ? [{ type: c.type, head: c.head, tail: c.tail, score }] : [];
    });
  }

  /** Entities and relations of one tokenised sentence. */
  extract(tokens: readonly string[]): { entities: Conll04Entity[]; relations: ScoredRelation[] } {
    const entities = this.entities(tokens);
    return { entities, relations: this.relations(tokens, entities) };
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
