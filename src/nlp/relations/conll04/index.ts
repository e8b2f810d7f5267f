import type { Predicate } from "../../../model/index.js";
import type { Conll04Entity, Conll04EntityType, Conll04RelationType } from "./format.js";
import { Conll04Extractor } from "./model.js";

export { Conll04Extractor, DEFAULT_MODEL_PATH } from "./model.js";
export * from "./format.js";
export { scoreConll04, formatScores, type Conll04Scores, type PRF } from "./score.js";

/** How each CoNLL04 relation reads as a Dossier predicate (Work_For splits on a role word, see below). */
export const CONLL04_PREDICATES: Record<Conll04RelationType, Predicate> = {
  Work_For: "member_of",
  OrgBased_In: "based_in",
  Located_In: "located_in",
  Live_In: "lives_in",
  Kill: "killed",
};

/**
 * Words naming a position; when one stands between a person and the organisation they work for
 * (or just before the person), Work_For is a held position rather than plain membership.
 */
const ROLE_WORDS = new Set(
  `president vice-president chairman chairwoman chair director spokesman spokeswoman spokesperson minister
secretary chief executive ceo officer leader head commander general colonel admiral governor mayor editor
publisher correspondent reporter anchor professor dean chancellor founder co-founder owner manager coach
ambassador envoy senator representative rep. congressman premier treasurer counsel attorney
lawyer analyst economist adviser advisor aide deputy superintendent commissioner administrator captain
lieutenant sergeant inspector partner principal rector bishop archbishop pope cardinal pastor rabbi imam
sheikh emir king queen prince chairperson`.split(/\s+/),
);

export interface ExtractedEntity extends Conll04Entity {
  /** The entity's tokens joined by spaces. */
  text: string;
}

export interface ExtractedRelation {
  type: Conll04RelationType;
  /** Indices into `entities`: head is the subject, tail the object. */
  head: number;
  tail: number;
  predicate: Predicate;
  /** The role word for holds_position ("president", "spokesman", ...). */
  role?: string;
  /** Margin over the decision threshold (> 0). */
  score: number;
}

export interface SentenceRelations {
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
}

/** The Dossier predicate (and role, for positions) of a CoNLL04 relation between two entities. */
export function dossierPredicate(
  type: Conll04RelationType,
  tokens: readonly string[],
  head: Conll04Entity,
  tail: Conll04Entity,
): { predicate: Predicate; role?: string } {
  if (type !== "Work_For") return { predicate: CONLL04_PREDICATES[type] };
  const [left, right] = head.start < tail.start ? [head, tail] : [tail, head];
  const window =
    right.start - left.end <= 8
      ? [...tokens.slice(Math.max(0, head.start - 2), head.start), ...tokens.slice(left.end, right.start)]
      : tokens.slice(Math.max(0, head.start - 2), head.start);
  const role = window.map((token) => token.toLowerCase()).find((word) => ROLE_WORDS.has(word));
  return role ? { predicate: "holds_position", role } : { predicate: "member_of" };
}

let shared: Conll04Extractor | undefined;

/**
 * Entities (Peop, Org, Loc, Other; token offsets, end exclusive) and relations of one tokenised sentence,
 * with each relation's Dossier predicate. Uses the committed model unless an extractor is given.
 */
export function extractRelations(tokens: readonly string[], extractor?: Conll04Extractor): SentenceRelations {
  const model = extractor ?? (shared ??= Conll04Extractor.load());
  const { entities, relations } = model.extract(tokens);
  return {
    entities: entities.map((e) => ({ ...e, text: tokens.slice(e.start, e.end).join(" ") })),
    relations: relations.map(({ type, head, tail, score }) => ({
      type,
      head,
      tail,
      ...dossierPredicate(type, tokens, entities[head]!, entities[tail]!),
      score,
    })),
  };
}

/** Entity types as Dossier's ontology names them ("Other" has no counterpart: dates, numbers, nationalities). */
export const CONLL04_ENTITY_TO_DOSSIER: Record<Conll04EntityType, "PER" | "ORG" | "LOC" | undefined> = {
  Peop: "PER",
  Org: "ORG",
  Loc: "LOC",
  Other: undefined,
};
