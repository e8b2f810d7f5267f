import {
  CONLL04_RELATION_TYPES,
  relationFor,
  type Conll04Entity,
  type Conll04Relation,
  type Conll04RelationType,
} from "./format.js";
import { meanVector } from "../../ner/glove-vectors.js";
import { AveragedPerceptron, type DenseFeatures, type Feature, type LinearModel } from "./linear.js";
import type { Gazetteer } from "./gazetteer.js";
import type { Places } from "./places.js";
import { shuffled } from "../../shuffle.js";
import { isCapitalised, norm, stem } from "./tokens.js";

/**
 * Relation classifier: every ordered pair of entities whose types fit a relation's signature is a
 * candidate (in CoNLL04 each type pair admits exactly one relation), scored by a binary averaged
 * perceptron whose features are all conjoined with that relation. A candidate is kept when its
 * margin passes the relation's threshold, tuned on the development split.
 */

export interface Candidate {
  head: number;
  tail: number;
  type: Conll04RelationType;
}

export type Thresholds = Record<Conll04RelationType, number>;

export function candidates(entities: readonly Conll04Entity[]): Candidate[] {
  const out: Candidate[] = [];
  entities.forEach((head, h) =>
    entities.forEach((tail, t) => {
      if (h === t) return;
      const type = relationFor(head.type, tail.type);
      if (type) out.push({ head: h, tail: t, type });
    }),
  );
  return out;
}

const lengthBucket = (n: number) => (n <= 4 ? String(n) : n <= 6 ? "5-6" : n <= 9 ? "7-9" : "10+");

/** Between-token pattern: entities become their type, other words stay (lower-cased). */
function betweenPattern(tokens: readonly string[], entities: readonly Conll04Entity[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const entity = entities.find((e) => e.start <= i && i < e.end);
    if (entity) {
      if (entity.start === i || i === from) out.push(entity.type.toUpperCase());
    } else out.push(norm(tokens[i]!));
  }
  return out;
}

/**
 * Words that carry the structure between two arguments ("X , a w from LOC who w in Y"): skeletons of the
 * words between keep these and entity types and fold other words into "w", so long apposition and
 * relative-clause patterns generalise beyond their content words.
 */
const FUNCTION_WORDS = new Set(
  `, . ( ) -- \` ' " 's of in at for from to by with on near and or a an the who whom whose which that
is was are were has had have be been said says born based headquartered`.split(/\s+/),
);

/** Index of the nearest entity of `type` to `anchor`, excluding the anchor itself. */
function nearest(entities: readonly Conll04Entity[], anchor: number, type: string, side: number): number {
  let best = -1;
  let bestDistance = Infinity;
  const a = entities[anchor]!;
  entities.forEach((e, i) => {
    if (i === anchor || e.type !== type || Math.sign(e.start - a.start) !== side) return;
    const distance = Math.abs(e.start - a.start);
    if (distance < bestDistance) [best, bestDistance] = [i, distance];
  });
  return best;
}

/** What the relation features know beyond the sentence: places' countries and word clusters. */
export interface PairKnowledge {
  places: Places;
  /** Cluster ids of a word (fine, middle, coarse), from the CoNLL-2003 recogniser. */
  cluster?: (word: string) => readonly string[] | undefined;
  /** Cluster ids of a word (fine, middle, coarse), from GloVe vectors of a 6B-token corpus. */
  glove?: (word: string) => readonly string[] | undefined;
  /** A word's vector (GloVe, scaled), for real-valued features of the arguments' last words and the words between. */
  vector?: (word: string) => ArrayLike<number> | undefined;
  /** Name lists: what each argument is known as (a town, a country, a demonym, a leader). */
  gazetteer?: Gazetteer;
}

export function pairFeatures(
  tokens: readonly string[],
  entities: readonly Conll04Entity[],
  candidate: Candidate,
  { places, cluster, glove, vector, gazetteer }: PairKnowledge,
): Feature[] {
  const head = entities[candidate.head]!;
  const tail = entities[candidate.tail]!;
  const forward = head.start < tail.start;
  const [left, right] = forward ? [head, tail] : [tail, head];
  const dir = forward ? ">" : "<";
  const lower = tokens.map(norm);
  const at = (i: number) => (i < 0 ? "<s>" : i >= tokens.length ? "</s>" : lower[i]!);
  const between = lower.slice(left.end, right.start);
  const pattern = betweenPattern(tokens, entities, left.end, right.start);
  const inside = entities.filter((e) => e.start >= left.end && e.end <= right.start);
  const text = (e: Conll04Entity) => lower.slice(e.start, e.end).join(" ");
  const f = [
    "bias",
    `dir=${dir}`,
    `len=${dir}${lengthBucket(between.length)}`,
    `nent=${dir}${Math.min(inside.length, 3)}`,
    `bfirst=${dir}${between[0] ?? "-"}`,
    `blast=${dir}${between[between.length - 1] ?? "-"}`,
    `h=${text(head)}`,
    `t=${text(tail)}`,
    `hlast=${lower[head.end - 1]}`,
    `tlast=${lower[tail.end - 1]}`,
    `h-1=${at(head.start - 1)}`,
    `h+1=${at(head.end)}`,
    `t-1=${at(tail.start - 1)}`,
    `t+1=${at(tail.end)}`,
    `l-1=${dir}${at(left.start - 1)}`,
    `l-2,l-1=${dir}${at(left.start - 2)},${at(left.start - 1)}`,
    `r+1=${dir}${at(right.end)}`,
    `r+1,r+2=${dir}${at(right.end)},${at(right.end + 1)}`,
    `hlen=${Math.min(head.end - head.start, 4)}`,
    `tlen=${Math.min(tail.end - tail.start, 4)}`,
    `tcap=${tokens.slice(tail.start, tail.end).every(isCapitalised)}`,
  ];
  const skeleton = pattern.map((word) => (/^[A-Z]+$/.test(word) || FUNCTION_WORDS.has(word) ? word : "w"));
  if (skeleton.length <= 12) f.push(`skel=${dir}${skeleton.join(" ").replace(/(w )+w/g, "w+")}`);
  f.push(`hpos=${head.start === 0 ? "first" : head.start < 3 ? "early" : "late"},${dir}`);
  if (pattern.length <= 6) f.push(`pat=${dir}${pattern.join(" ")}`);
  else f.push(`pat=${dir}${pattern.slice(0, 3).join(" ")}...${pattern.slice(-3).join(" ")}`);
  for (let i = 0; i < between.length; i++) {
    f.push(`bw=${dir}${between[i]}`, `bs=${stem(between[i]!)}`);
    if (i + 1 < between.length) f.push(`bb=${dir}${between[i]} ${between[i + 1]}`);
  }
  for (const e of inside) f.push(`btype=${e.type}`);
  for (let i = 0; i < tokens.length; i++) {
    if (i < left.start || i >= right.end) f.push(`ow=${stem(lower[i]!)}`);
  }
  if (cluster) f.push(...clusterFeatures(tokens, entities, head, tail, dir, cluster, "", [0]));
  if (glove) f.push(...clusterFeatures(tokens, entities, head, tail, dir, glove, "g", [0, 1]));
  const headCountry = places.country(tokens.slice(head.start, head.end).join(" "));
  const tailCountry = places.country(tokens.slice(tail.start, tail.end).join(" "));
  const tailIsCountry = places.isCountry(tokens.slice(tail.start, tail.end).join(" "));
  if (headCountry && tailCountry) f.push(`geo=${headCountry === tailCountry ? "same" : "different"},${tailIsCountry}`);
  else f.push(`geo=${headCountry ? "h" : "-"}${tailCountry ? "t" : "-"},${tailIsCountry}`);
  if (gazetteer) {
    // CoNLL04's own names (C4...) are left out: in training they would name the sentence's own answers.
    const listed = (e: Conll04Entity) => gazetteer.types(tokens.slice(e.start, e.end)).filter((t) => !t.startsWith("C4"));
    const [headLists, tailLists] = [listed(head), listed(tail)];
    for (const type of headLists) f.push(`hg=${type}`);
    for (const type of tailLists) f.push(`tg=${type}`);
    // What both are known as, with how close they stand: "town , country" is Located_In, "leader ... country" is not.
    const near = between.length <= 2 ? "near" : "far";
    for (const h of headLists.length ? headLists : ["-"]) {
      for (const t of tailLists.length ? tailLists : ["-"]) f.push(`hgtg=${dir}${near},${h},${t}`);
    }
  }
  const headSide = forward ? 1 : -1;
  f.push(
    `tail-nearest=${nearest(entities, candidate.head, tail.type, headSide) === candidate.tail}`,
    `head-nearest=${nearest(entities, candidate.tail, head.type, -headSide) === candidate.head}`,
  );
  // How many entities of each argument's type the sentence has: a lone person and a lone place are far more
  // often related than one of five people and one of three places.
  const count = (type: string) => Math.min(entities.filter((e) => e.type === type).length, 3);
  f.push(`nh=${count(head.type)}`, `nt=${count(tail.type)}`, `nhnt=${count(head.type)},${count(tail.type)}`);
  const features: Feature[] = f.map((feature) => `${candidate.type}|${feature}`);
  if (vector) features.push(...vectorFeatures(tokens, entities, head, tail, left, right, dir, vector, candidate.type));
  return features;
}

/**
 * Word vectors of the arguments' last words ("Kennedy", "Corp.") and the mean vector of the other words
 * between them (the verb or noun that states the relation), per relation type and, between, per direction.
 */
function vectorFeatures(
  tokens: readonly string[],
  entities: readonly Conll04Entity[],
  head: Conll04Entity,
  tail: Conll04Entity,
  left: Conll04Entity,
  right: Conll04Entity,
  dir: string,
  vector: (word: string) => ArrayLike<number> | undefined,
  type: string,
): DenseFeatures[] {
  const out: DenseFeatures[] = [];
  const headVector = vector(tokens[head.end - 1]!);
  const tailVector = vector(tokens[tail.end - 1]!);
  if (headVector) out.push({ name: `@${type}|hv`, values: headVector });
  if (tailVector) out.push({ name: `@${type}|tv`, values: tailVector });
  const between: (ArrayLike<number> | undefined)[] = [];
  for (let i = left.end; i < right.start; i++) {
    if (!entities.some((e) => e.start <= i && i < e.end)) between.push(vector(tokens[i]!));
  }
  const mean = meanVector(between);
  if (mean) out.push({ name: `@${type}|bv${dir}`, values: mean });
  return out;
}

/**
 * Word clusters generalise the lexical features: "historian" and "pianist", "slain" and "assassinated"
 * share clusters, so a trigger seen once in training also fires for its neighbours. `prefix` keeps one
 * set of clusters apart from another; `headLevels` are the levels at which the arguments' last words count.
 */
function clusterFeatures(
  tokens: readonly string[],
  entities: readonly Conll04Entity[],
  head: Conll04Entity,
  tail: Conll04Entity,
  dir: string,
  cluster: (word: string) => readonly string[] | undefined,
  prefix: string,
  headLevels: readonly number[],
): string[] {
  const [left, right] = dir === ">" ? [head, tail] : [tail, head];
  const level = (word: string | undefined, l: number) => (word === undefined ? "-" : (cluster(word)?.[l] ?? "?"));
  const f = [
    ...headLevels.flatMap((l) => [
      `${prefix}hc${l || ""}=${level(tokens[head.end - 1], l)}`,
      `${prefix}tc${l || ""}=${level(tokens[tail.end - 1], l)}`,
    ]),
    `${prefix}lc-1=${dir}${level(tokens[left.start - 1], 1)}`,
    `${prefix}rc+1=${dir}${level(tokens[right.end], 1)}`,
  ];
  const pattern: string[] = [];
  for (let i = left.end; i < right.start; i++) {
    const entity = entities.find((e) => e.start <= i && i < e.end);
    if (entity) {
      if (entity.start === i || i === left.end) pattern.push(entity.type.toUpperCase());
      continue;
    }
    const mid = level(tokens[i], 1);
    f.push(`${prefix}bc=${dir}${mid}`);
    pattern.push(level(tokens[i], 2));
  }
  if (pattern.length <= 5) f.push(`${prefix}cpat=${dir}${pattern.join(" ")}`);
  return f;
}

export interface RelationExample {
  tokens: readonly string[];
  entities: readonly Conll04Entity[];
  relations: readonly Conll04Relation[];
}

const spanKey = (e: Conll04Entity) => `${e.type}:${e.start}:${e.end}`;

/** Which candidates over `entities` are gold relations (matched by spans and types, strictly). */
export function goldLabels(
  entities: readonly Conll04Entity[],
  gold: { entities: readonly Conll04Entity[]; relations: readonly Conll04Relation[] },
): (c: Candidate) => boolean {
  const keys = new Set(
    gold.relations.map((r) => `${r.type}|${spanKey(gold.entities[r.head]!)}|${spanKey(gold.entities[r.tail]!)}`),
  );
  return (c) => keys.has(`${c.type}|${spanKey(entities[c.head]!)}|${spanKey(entities[c.tail]!)}`);
}

interface Prepared {
  features: Feature[];
  positive: boolean;
}

/** Candidates with their features and labels, for training. */
export function prepareRelationExamples(
  examples: readonly RelationExample[],
  gold: readonly RelationExample[],
  knowledge: PairKnowledge,
): Prepared[] {
  return examples.flatMap((example, i) => {
    const isGold = goldLabels(example.entities, gold[i]!);
    return candidates(example.entities).map((c) => ({
      features: pairFeatures(example.tokens, example.entities, c, knowledge),
      positive: isGold(c),
    }));
  });
}

/** Trains one perceptron; `seed` picks the order in which it sees the examples. */
export function trainRelations(
  prepared: readonly Prepared[],
  epochs: number,
  seed: number,
  onEpoch?: (epoch: number, model: LinearModel) => void,
): LinearModel {
  const perceptron = new AveragedPerceptron(2);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (const { features, positive } of shuffled(prepared, 1000 * (seed + 1) + epoch)) {
      const scores = perceptron.scores(features);
      const guess = scores[1]! > scores[0]!;
      if (guess !== positive) {
        perceptron.update(features, positive ? 1 : 0, 1);
        perceptron.update(features, positive ? 0 : 1, -1);
      }
      perceptron.tick();
    }
    if (epoch < epochs) onEpoch?.(epoch, perceptron.averaged());
  }
  const model = perceptron.averaged();
  onEpoch?.(epochs, model);
  return model;
}

/** Margin of "related" over "not related". */
export function margin(model: LinearModel, features: readonly Feature[]): number {
  const scores = model.scores(features);
  return scores[1]! - scores[0]!;
}

export const ZERO_THRESHOLDS: Thresholds = Object.fromEntries(
  CONLL04_RELATION_TYPES.map((type) => [type, 0]),
) as Thresholds;
