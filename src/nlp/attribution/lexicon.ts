/**
 * The cue lexicon: how often each word form is (part of) an attribution cue in PolNeAR's train split,
 * out of how often it occurs outside quotes. Mined by `npm run train:attribution` (train.ts).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { VectorConfig } from "./vectors.js";

export interface CueLexicon {
  /** Without `weights`: forms whose cue rate is at least this are cues. With them: the perceptron score a cue must pass. */
  threshold: number;
  /** Forms seen fewer times than this are not trusted. */
  minCount: number;
  /** form → [times inside a gold cue, times seen outside quotes]. */
  words: Record<string, [number, number]>;
  /** Averaged-perceptron weights of the cue classifier (cue-model.ts), if trained. */
  weights?: Record<string, number>;
  /** Averaged-perceptron weights scoring whole attributions (filter-model.ts), and the score they must pass. */
  filter?: { weights: Record<string, number>; threshold: number };
  /** Ranking-perceptron weights choosing where a content after its cue ends (span-model.ts). */
  contentEnd?: Record<string, number>;
  /** Which words' GloVe vectors the cue model and the filter read as real-valued features, and the factor on their components (see vectors.ts). */
  vectors?: VectorConfig;
  /** How sharply the content-end ranker's scores turn into probabilities when it picks the end most likely to match (span-model.ts). */
  contentEndScale?: number;
}

export const LEXICON_PATH = fileURLToPath(new URL("../../../models/attribution/cues.json", import.meta.url));

let cached: CueLexicon | undefined;

export function loadLexicon(path = LEXICON_PATH): CueLexicon {
  if (path === LEXICON_PATH && cached) return cached;
  let lexicon: CueLexicon;
  try {
    lexicon = JSON.parse(readFileSync(path, "utf8")) as CueLexicon;
  } catch (error) {
    throw new Error(`${path}: cannot read the attribution cue lexicon (${(error as Error).message}); run npm run train:attribution`);
  }
  if (path === LEXICON_PATH) cached = lexicon;
  return lexicon;
}

const ratesOf = new WeakMap<CueLexicon, Map<string, number>>();

/**
 * The cue rate of every form the lexicon holds (0 for those too rare to trust), made once per lexicon: every token
 * is looked up, and a Map finds a token's form faster than the large object parsed from JSON does.
 */
export function cueRates(lexicon: CueLexicon): Map<string, number> {
  let rates = ratesOf.get(lexicon);
  if (!rates) {
    rates = new Map();
    for (const [form, [cue, total]] of Object.entries(lexicon.words)) rates.set(form, total < lexicon.minCount ? 0 : cue / total);
    ratesOf.set(lexicon, rates);
  }
  return rates;
}

/** The cue rate of a form, or 0 when it is unknown or too rare to trust. */
export function cueRate(lexicon: CueLexicon, form: string): number {
  return cueRates(lexicon).get(form) ?? 0;
}
