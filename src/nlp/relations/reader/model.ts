/**
 * The relation reader's classifier: a multiclass averaged perceptron (conll04/linear.ts) over a
 * pair's features, whose classes are NONE and each relation predicate or PLOVER event type with
 * the direction it reads the pair in (`>`: the left mention is the subject or source, `<`: the right).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isPloverType, isPredicate, type Predicate, type PloverType } from "../../../model/index.js";
import { AveragedPerceptron, LinearModel, type SerialisedWeights } from "../conll04/linear.js";
import { mulberry32, shuffleInPlace } from "../../shuffle.js";

export const READER_MODEL_PATH = fileURLToPath(new URL("../../../../models/relation-reader/model.json", import.meta.url));

export const NONE = "NONE";
/** Relations that read the same either way round: always labelled left to right, so both orders train one class. */
const SYMMETRIC = new Set<string>(["rival_of", "allied_with"]);

/** A predicate or event type read between two mentions: `leftIsSubject` says which way round. */
export interface Reading {
  label: Predicate | PloverType;
  leftIsSubject: boolean;
}

/** The class name of a reading ("allied_with>", "ACCUSE<"). */
export function classOf(reading: Reading): string {
  return `${reading.label}${reading.leftIsSubject || SYMMETRIC.has(reading.label) ? ">" : "<"}`;
}

export function readingOf(cls: string): Reading | undefined {
  const label = cls.slice(0, -1);
  if (!isPredicate(label) && !isPloverType(label)) return undefined;
  return { label, leftIsSubject: cls.endsWith(">") };
}

export interface Example {
  features: readonly string[];
  /** The actors' types, left first: a class is only read for types it was seen with in training. */
  types: string;
  /** The classes that hold (several when the gold reads two things in one pair); empty: NONE. */
  gold: readonly string[];
}

export interface TrainOptions {
  epochs?: number;
  /** Seed of the shuffling order, so that one corpus always gives one model. */
  seed?: number;
}

/** What the pipeline may add and how sure the reader must be, chosen by cross-validation (scripts/reader-cv.ts). */
export interface Decision {
  /** Least score margin of the best class over NONE. */
  threshold: number;
  /** The predicates and event types the reader may add; others it only reads. */
  labels: string[];
}

export interface Prediction {
  cls: string;
  /** Score of `cls` minus that of NONE. */
  margin: number;
}

export class ReaderModel {
  constructor(
    readonly classes: readonly string[],
    private readonly model: LinearModel,
    /** Per pair of types, the classes training saw with it ("PER|ORG": leader_of>, ...); no hand-written table. */
    readonly seen: Readonly<Record<string, readonly string[]>>,
    public decision: Decision = { threshold: 0, labels: [] },
  ) {}

  /** The best class other than NONE that the two types have been seen with, and its margin over NONE. */
  predict(features: readonly string[], types: string): Prediction {
    const scores = this.model.scores(features);
    const allowed = this.seen[types] ?? [];
    let best = -1;
    for (let c = 1; c < this.classes.length; c++) if (allowed.includes(this.classes[c]!) && (best < 0 || scores[c]! > scores[best]!)) best = c;
    return best < 0 ? { cls: NONE, margin: 0 } : { cls: this.classes[best]!, margin: scores[best]! - scores[0]! };
  }

  static train(examples: readonly Example[], options: TrainOptions = {}): ReaderModel {
    const classes = [NONE, ...[...new Set(examples.flatMap((e) => e.gold))].sort()];
    const index = new Map(classes.map((c, i) => [c, i]));
    const perceptron = new AveragedPerceptron(classes.length);
    const order = examples.map((_, i) => i);
    const next = mulberry32(options.seed ?? 1);
    for (let epoch = 0; epoch < (options.epochs ?? 10); epoch++) {
      for (const k of shuffleInPlace(order, next)) {
        const { features, gold } = examples[k]!;
        const scores = perceptron.scores(features);
        let guess = 0;
        for (let c = 1; c < classes.length; c++) if (scores[c]! > scores[guess]!) guess = c;
        const golds = gold.length ? gold.map((g) => index.get(g)!) : [0];
        if (!golds.includes(guess)) {
          // Several may hold: the one the model already likes best is the one to raise.
          const target = golds.reduce((a, b) => (scores[b]! > scores[a]! ? b : a));
          perceptron.update(features, target, 1);
          perceptron.update(features, guess, -1);
        }
        perceptron.tick();
      }
    }
    const seen: Record<string, string[]> = {};
    for (const { types, gold } of examples) for (const g of gold) if (!(seen[types] ??= []).includes(g)) seen[types].push(g);
    for (const list of Object.values(seen)) list.sort();
    return new ReaderModel(classes, perceptron.averaged(), seen);
  }

  toJSON(): { classes: readonly string[]; seen: Readonly<Record<string, readonly string[]>>; decision: Decision; weights: SerialisedWeights } {
    return { classes: this.classes, seen: this.seen, decision: this.decision, weights: this.model.serialise() };
  }

  save(path = READER_MODEL_PATH): void {
    writeFileSync(path, `${JSON.stringify(this.toJSON())}\n`);
  }

  static fromJSON(data: ReturnType<ReaderModel["toJSON"]>): ReaderModel {
    return new ReaderModel(data.classes, LinearModel.deserialise(data.classes.length, data.weights), data.seen, data.decision);
  }

  static load(path = READER_MODEL_PATH): ReaderModel {
    return ReaderModel.fromJSON(JSON.parse(readFileSync(path, "utf8")));
  }
}
