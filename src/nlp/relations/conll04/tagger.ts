import type { Gazetteer } from "./gazetteer.js";
import { AveragedPerceptron, type Feature, type LinearModel } from "./linear.js";
import { shuffled } from "../../shuffle.js";
import { isCapitalised, norm, shape, shortShape } from "./tokens.js";

/**
 * Sequence tagger for named entities: a first-order structured perceptron over BILOU tags, decoded by
 * Viterbi with the BILOU grammar as hard constraints (so every decoded sequence is a valid set of spans).
 * The tag set is a parameter: the same code learns CoNLL04's types and CoNLL-2003's (whose predictions
 * feed the CoNLL04 tagger as features).
 */

export interface Span {
  type: string;
  start: number;
  end: number;
}

interface Scorer {
  scores(features: readonly Feature[], out?: Float64Array): Float64Array;
}

export class TagSet {
  readonly tags: readonly string[];
  /** Index of the virtual tag before the first token. */
  readonly start: number;
  private readonly index: Map<string, number>;
  readonly allowed: boolean[][];

  constructor(readonly types: readonly string[]) {
    this.tags = ["O", ...types.flatMap((type) => ["B", "I", "L", "U"].map((p) => `${p}-${type}`))];
    this.start = this.tags.length;
    this.index = new Map(this.tags.map((tag, i) => [tag, i]));
    this.allowed = Array.from({ length: this.start + 1 }, (_, prev) =>
      this.tags.map((_, cur) => this.follows(prev, cur)),
    );
  }

  position(tag: number): string {
    return this.tags[tag]![0]!;
  }

  typeOf(tag: number): string {
    return this.tags[tag]!.slice(2);
  }

  private follows(prev: number, cur: number): boolean {
    const open = prev !== this.start && ["B", "I"].includes(this.position(prev));
    const p = this.position(cur);
    if (open) return (p === "I" || p === "L") && this.typeOf(prev) === this.typeOf(cur);
    return p === "O" || p === "B" || p === "U";
  }

  canEnd(tag: number): boolean {
    return !["B", "I"].includes(this.position(tag));
  }

  name(tag: number): string {
    return tag === this.start ? "<s>" : this.tags[tag]!;
  }

  fromSpans(length: number, spans: readonly Span[]): number[] {
    const tags = new Array<number>(length).fill(0);
    for (const { type, start, end } of spans) {
      if (end - start === 1) tags[start] = this.index.get(`U-${type}`)!;
      else {
        tags[start] = this.index.get(`B-${type}`)!;
        for (let i = start + 1; i < end - 1; i++) tags[i] = this.index.get(`I-${type}`)!;
        tags[end - 1] = this.index.get(`L-${type}`)!;
      }
    }
    return tags;
  }

  toSpans(tags: readonly number[]): Span[] {
    const spans: Span[] = [];
    let start = -1;
    tags.forEach((tag, i) => {
      const p = this.position(tag);
      if (p === "U") spans.push({ type: this.typeOf(tag), start: i, end: i + 1 });
      else if (p === "B") start = i;
      else if (p === "L" && start >= 0) {
        spans.push({ type: this.typeOf(tag), start, end: i + 1 });
        start = -1;
      }
    });
    return spans;
  }
}

/**
 * Observation features of every token; transitions are scored separately. `extra` adds features per token
 * from other models (the CoNLL-2003 recogniser's labels and word clusters, word vectors).
 */
export function tokenFeatures(
  tokens: readonly string[],
  gazetteer?: Gazetteer,
  extra?: readonly (readonly Feature[])[],
): Feature[][] {
  const gaz = gazetteer ? gazetteer.annotate(tokens) : tokens.map(() => []);
  const lower = tokens.map(norm);
  const shapes = tokens.map(shortShape);
  const at = (array: readonly string[], i: number) =>
    i < 0 ? "<s>" : i >= array.length ? "</s>" : array[i]!;
  return tokens.map((token, i) => {
    const w = lower[i]!;
    const features: Feature[] = [
      "bias",
      `w=${token}`,
      `lw=${w}`,
      `sh=${shape(token).slice(0, 8)}`,
      `ss=${shapes[i]}`,
      `p3=${w.slice(0, 3)}`,
      `s2=${w.slice(-2)}`,
      `s3=${w.slice(-3)}`,
      `s4=${w.slice(-4)}`,
      `lw-1=${at(lower, i - 1)}`,
      `lw+1=${at(lower, i + 1)}`,
      `lw-2=${at(lower, i - 2)}`,
      `lw+2=${at(lower, i + 2)}`,
      `ss-1=${at(shapes, i - 1)}`,
      `ss+1=${at(shapes, i + 1)}`,
      `ss-1,0,+1=${at(shapes, i - 1)},${shapes[i]},${at(shapes, i + 1)}`,
      `lw-1,0=${at(lower, i - 1)},${w}`,
      `lw0,+1=${w},${at(lower, i + 1)}`,
      `lw-1,ss0=${at(lower, i - 1)},${shapes[i]}`,
      `lw-2,-1=${at(lower, i - 2)},${at(lower, i - 1)}`,
      `lw+1,+2=${at(lower, i + 1)},${at(lower, i + 2)}`,
      `lw-3=${at(lower, i - 3)}`,
      `lw+3=${at(lower, i + 3)}`,
      `ss0,lw+1=${shapes[i]},${at(lower, i + 1)}`,
    ];
    if (i === 0 && isCapitalised(token)) features.push("first-cap");
    if (token.includes("-")) features.push("hyphen");
    if (/\.$/.test(token) && token.length > 1) features.push("ends-period");
    for (const g of gaz[i]!) features.push(`g=${g}`, `g=${g},ss=${shapes[i]}`);
    for (const g of gaz[i - 1] ?? []) features.push(`g-1=${g}`);
    for (const g of gaz[i + 1] ?? []) features.push(`g+1=${g}`);
    if (gazetteer && !gaz[i]!.length && isCapitalised(token)) features.push("cap-not-in-gaz");
    if (extra) features.push(...extra[i]!);
    return features;
  });
}

const transitionFeature = (tagSet: TagSet, prev: number) => [`T=${tagSet.name(prev)}`];

/** Observation scores per token and transition scores per previous tag (`start` included). */
export interface ScoreTables {
  observations: Float64Array[];
  transitions: Float64Array[];
}

export function scoreTables(tagSet: TagSet, scorer: Scorer, features: readonly (readonly Feature[])[]): ScoreTables {
  return {
    observations: features.map((f) => scorer.scores(f)),
    transitions: Array.from({ length: tagSet.start + 1 }, (_, prev) => scorer.scores(transitionFeature(tagSet, prev))),
  };
}

/** Total score of one tag sequence. */
export function pathScore(tagSet: TagSet, tables: ScoreTables, path: readonly number[]): number {
  let prev = tagSet.start;
  let total = 0;
  path.forEach((tag, i) => {
    total += tables.transitions[prev]![tag]! + tables.observations[i]![tag]!;
    prev = tag;
  });
  return total;
}

/** Best tag sequence under the BILOU constraints. */
export function viterbi(tagSet: TagSet, scorer: Scorer, features: readonly (readonly Feature[])[]): number[] {
  return decode(tagSet, scoreTables(tagSet, scorer, features));
}

export function decode(tagSet: TagSet, { observations, transitions }: ScoreTables): number[] {
  const n = observations.length;
  if (!n) return [];
  const tags = tagSet.tags.length;
  const { allowed, start } = tagSet;
  const best = Array.from({ length: n }, () => new Float64Array(tags).fill(-Infinity));
  const back = Array.from({ length: n }, () => new Int32Array(tags).fill(-1));
  for (let i = 0; i < n; i++) {
    const obs = observations[i]!;
    for (let cur = 0; cur < tags; cur++) {
      if (i === 0) {
        if (allowed[start]![cur]) best[0]![cur] = obs[cur]! + transitions[start]![cur]!;
        continue;
      }
      for (let prev = 0; prev < tags; prev++) {
        if (!allowed[prev]![cur] || best[i - 1]![prev] === -Infinity) continue;
        const score = best[i - 1]![prev]! + transitions[prev]![cur]! + obs[cur]!;
        if (score > best[i]![cur]!) {
          best[i]![cur] = score;
          back[i]![cur] = prev;
        }
      }
    }
  }
  let last = 0;
  for (let tag = 0; tag < tags; tag++) {
    if (tagSet.canEnd(tag) && best[n - 1]![tag]! > best[n - 1]![last]!) last = tag;
  }
  const path = [last];
  for (let i = n - 1; i > 0; i--) path.unshift(back[i]![path[0]!]!);
  return path;
}

/**
 * The `k` best tag sequences under the BILOU constraints, best first, with their scores (list Viterbi:
 * each state keeps its `k` best histories). For rescoring taggings with what the relation model knows.
 */
export function kBest(tagSet: TagSet, { observations, transitions }: ScoreTables, k: number): { path: number[]; score: number }[] {
  const n = observations.length;
  if (!n) return [{ path: [], score: 0 }];
  const tags = tagSet.tags.length;
  const { allowed, start } = tagSet;
  // cells[i][tag]: up to k entries of (score, previous tag, rank of the previous entry), best first.
  type Entry = { score: number; prev: number; rank: number };
  const cells: Entry[][][] = [];
  for (let i = 0; i < n; i++) {
    const obs = observations[i]!;
    const row: Entry[][] = [];
    for (let cur = 0; cur < tags; cur++) {
      const options: Entry[] = [];
      if (i === 0) {
        if (allowed[start]![cur]) options.push({ score: obs[cur]! + transitions[start]![cur]!, prev: -1, rank: 0 });
      } else {
        for (let prev = 0; prev < tags; prev++) {
          if (!allowed[prev]![cur]) continue;
          cells[i - 1]![prev]!.forEach((entry, rank) =>
            options.push({ score: entry.score + transitions[prev]![cur]! + obs[cur]!, prev, rank }),
          );
        }
      }
      row.push(options.sort((a, b) => b.score - a.score).slice(0, k));
    }
    cells.push(row);
  }
  const ends: { tag: number; rank: number; score: number }[] = [];
  for (let tag = 0; tag < tags; tag++) {
    if (tagSet.canEnd(tag)) cells[n - 1]![tag]!.forEach((entry, rank) => ends.push({ tag, rank, score: entry.score }));
  }
  return ends
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map(({ tag, rank, score }) => {
      const path = new Array<number>(n);
      for (let i = n - 1; i >= 0; i--) {
        path[i] = tag;
        const entry = cells[i]![tag]![rank]!;
        [tag, rank] = [entry.prev, entry.rank];
      }
      return { path, score };
    });
}

export interface TaggerExample {
  /** Observation features per token. */
  features: readonly (readonly Feature[])[];
  spans: readonly Span[];
}

/**
 * Trains a tagger for `epochs` passes; `onEpoch` sees the averaged model after each pass.
 * `seed` picks the order in which it sees the examples.
 */
export function trainTagger(
  tagSet: TagSet,
  examples: readonly TaggerExample[],
  epochs: number,
  onEpoch?: (epoch: number, model: LinearModel) => void,
  seed = 0,
): LinearModel {
  const perceptron = new AveragedPerceptron(tagSet.tags.length);
  const prepared = examples.map((example) => ({
    features: example.features,
    gold: tagSet.fromSpans(example.features.length, example.spans),
  }));
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (const { features, gold } of shuffled(prepared, 1000 * seed + epoch)) {
      const guess = viterbi(tagSet, perceptron, features);
      for (let i = 0; i < gold.length; i++) {
        const goldPrev = i ? gold[i - 1]! : tagSet.start;
        const guessPrev = i ? guess[i - 1]! : tagSet.start;
        if (gold[i] !== guess[i]) {
          perceptron.update(features[i]!, gold[i]!, 1);
          perceptron.update(features[i]!, guess[i]!, -1);
        }
        if (gold[i] !== guess[i] || goldPrev !== guessPrev) {
          perceptron.update(transitionFeature(tagSet, goldPrev), gold[i]!, 1);
          perceptron.update(transitionFeature(tagSet, guessPrev), guess[i]!, -1);
        }
      }
      perceptron.tick();
    }
    if (epoch < epochs) onEpoch?.(epoch, perceptron.averaged());
  }
  const model = perceptron.averaged();
  onEpoch?.(epochs, model);
  return model;
}
