/**
 * A binary averaged perceptron that decides whether a candidate word (one the lexicon has seen as a cue
 * often enough) heads an attribution cue in its context: "said" after a closing quote yes, "think" in a
 * transcript's "I think" less so.
 */
import { cueRate, cueRates, type CueLexicon } from "./lexicon.js";
import { asMap, featureNames, flag, leaf, modelWeights, type ModelWeights, type Node, type Template } from "./templates.js";
import { isQuoteMark, type TextLayout, type TokenRange } from "./text.js";
import type { RealFeatures } from "./perceptron.js";
import { vectorFeatures, vectorScore, type SlotWords } from "./vectors.js";

/** Auxiliaries and adverbs that join the cue they precede ("has also said"). */
const CUE_MODIFIERS = new Set(
  "also has have had 's ’s would will always now previously later recently repeatedly reportedly once then further did does do is was were are been be never not n't publicly privately earlier initially often frequently again already still even just could may might should must can first perhaps almost together".split(" "),
);
/** Auxiliaries and adverbs ("has always", "strongly") lead up to a cue but are not its head. */
export function isCueModifier(word: string): boolean {
  return CUE_MODIFIERS.has(word.toLowerCase()) || (word.endsWith("ly") && /^\p{Ll}+ly$/u.test(word) && !LY_NOUNS.has(word));
}
/** Nouns ending in -ly, not adverbs: "the family said" is a subject and its cue. */
const LY_NOUNS = new Set("family ally rally supply reply assembly anomaly monopoly tally bully fly belly lily jelly".split(" "));

/** Words below this cue rate are never candidates, whatever their context. */
export const CANDIDATE_RATE = 0.03;

const PRONOUN = /^(he|she|they|we|i|it|you|who)$/;

/** The word without its inflection, so that "urges" shares what was learnt from "urged". */
export function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s)$/, "").replace(/e$/, "");
}

const DETERMINERS = /^(the|a|an|his|her|their|its|our|my|your|this|that|these|those)$/;

function wordShape(text: string | undefined): string {
  if (text === undefined) return "<none>";
  if (isQuoteMark(text)) return "Q";
  if (/^\p{P}+$/u.test(text)) return text;
  if (/^\p{Lu}/u.test(text)) return "Cap";
  return "w";
}

/**
 * What a sentence says about each of its words as a cue: PolNeAR marks the outermost attribution only, so a word after a
 * strong cue and its "that" is more likely its content than a cue; quotes before or after, and how many other cue words
 * compete, tell a reporting clause from a narrative one. The per-word arrays are the document's, indexed by token.
 */
export interface SentenceCues extends TokenRange {
  /** The cue rate of each word outside quotes (0 inside them). */
  rates: Float64Array;
  /** The band (see band) of the highest cue rate of the words before each one in its sentence, outside quotes. */
  rateBefore: Uint8Array;
  /** Whether a "that" follows that strongest earlier cue (when it is a likely one) before the word. */
  thatAfterCue: Uint8Array;
  /** The band of the highest cue rate of the words after each one in its sentence, outside quotes. */
  rateAfter: Uint8Array;
  /** Whether a quote closes before the word within its sentence. */
  quoteBefore: Uint8Array;
  /** Whether a quoted word comes after it in its sentence. */
  quoteAfter: Uint8Array;
  hasQuoteMark: boolean;
  /** Words outside quotes whose cue rate makes them candidates. */
  candidates: number;
}

/** An earlier cue at least this likely makes the "that" after it open its content. */
const STRONG_CUE_RATE = 0.3;

/** A rate as one of five bands. */
const band = (rate: number): number => Math.min(4, Math.floor(rate * 5));

type DocumentCues = Pick<SentenceCues, "rates" | "rateBefore" | "thatAfterCue" | "rateAfter" | "quoteBefore" | "quoteAfter">;

/** Per document, the arrays its sentences fill (made once: a handful of typed arrays per sentence cost more than filling them). */
const documentCuesOf = new WeakMap<TextLayout, DocumentCues>();

function documentCues(doc: TextLayout): DocumentCues {
  let arrays = documentCuesOf.get(doc);
  if (!arrays) {
    const n = doc.tokens.length;
    const bytes = new Uint8Array(5 * n);
    arrays = {
      rates: new Float64Array(n),
      rateBefore: bytes.subarray(0, n),
      thatAfterCue: bytes.subarray(n, 2 * n),
      rateAfter: bytes.subarray(2 * n, 3 * n),
      quoteBefore: bytes.subarray(3 * n, 4 * n),
      quoteAfter: bytes.subarray(4 * n, 5 * n),
    };
    documentCuesOf.set(doc, arrays);
  }
  return arrays;
}

export function sentenceCues(doc: TextLayout, sentence: TokenRange, lexicon: CueLexicon): SentenceCues {
  const rates = cueRates(lexicon);
  const { start, end } = sentence;
  const context: SentenceCues = { start, end, ...documentCues(doc), hasQuoteMark: false, candidates: 0 };
  let best = 0;
  let that = false;
  let closed = false;
  for (let k = start; k < end; k++) {
    const token = doc.tokens[k]!;
    context.rateBefore[k] = band(best);
    context.thatAfterCue[k] = +that;
    context.quoteBefore[k] = +closed;
    if (isQuoteMark(token.text)) context.hasQuoteMark = true;
    const quote = doc.quoteOf[k]!;
    if (quote !== -1) {
      if (doc.quotes[quote]!.end <= k + 1) closed = true;
      context.rates[k] = 0;
      continue;
    }
    const rate = rates.get(token.lower) ?? 0;
    context.rates[k] = rate;
    if (rate >= CANDIDATE_RATE) context.candidates++;
    if (rate > best) {
      best = rate;
      that = false;
    }
    if (token.lower === "that" && best > STRONG_CUE_RATE) that = true;
  }
  let after = 0;
  let quoted = false;
  for (let k = end - 1; k >= start; k--) {
    context.rateAfter[k] = band(after);
    context.quoteAfter[k] = +quoted;
    if (doc.quoteOf[k] !== -1) quoted = true;
    else if (context.rates[k]! > after) after = context.rates[k]!;
  }
  return context;
}

const SUBJECT_KINDS = ["none", "punct", "pron", "cap"] as const;

/**
 * The nearest word before i that could be its subject, a pronoun or a capitalised word, or the punctuation that comes
 * first, within six words: its kind (index in SUBJECT_KINDS) times 5 plus how far back it is (1-4, 0 for none).
 */
function subjectBefore(doc: TextLayout, i: number, sentenceStart: number): number {
  for (let k = i - 1; k >= sentenceStart && i - k <= 6; k--) {
    const token = doc.tokens[k]!;
    const distance = Math.min(i - k, 4);
    if (/^[,;:.()]$/.test(token.text) || isQuoteMark(token.text)) return 5 + distance;
    if (PRONOUN.test(token.lower)) return 10 + distance;
    if (k > sentenceStart && /^\p{Lu}/u.test(token.text)) return 15 + distance;
  }
  return 0;
}

/** A candidate cue word in its context, as the cue features see it. */
interface CueSite {
  word: string;
  stem: string;
  rate10: string;
  rate20: string;
  previous: string;
  next: string;
  previous2: string;
  next2: string;
  /** The first of "that", ":", a quote mark, "to", "." or "," within four words after, with its distance. */
  ahead: string;
  previousShape: string;
  nextShape: string;
  previousDeterminer: string;
  suffix: string;
  start: string;
  previousCapitalised: string;
  previousPronoun: string;
  previousQuote: string;
  nextThat: string;
  nextPunctuation: string;
  capitalised: string;
  /** The sentence's context of the word as small numbers (see SentenceCues and CONTEXT_TEMPLATES). */
  rateBefore: number;
  rateAfter: number;
  thatAfterCue: number;
  hasQuoteMark: number;
  position: number;
  left: number;
  previousTo: number;
  /** Whether a quote closes before the word (2) and whether one follows it (1), in its sentence. */
  quotes: number;
  /** What comes first before the word: a pronoun, a capitalised word or punctuation, and how far back (see subjectBefore). */
  subject: number;
  others: number;
}

function cueSite(doc: TextLayout, i: number, sentence: SentenceCues, rate: number): CueSite {
  const sentenceStart = sentence.start;
  const at = i - sentenceStart;
  const word = (k: number): string => doc.tokens[k]?.lower ?? "<none>";
  const token = doc.tokens[i]!;
  const previous = doc.tokens[i - 1];
  const next = doc.tokens[i + 1];
  const previousQuoteEnds = i - 1 >= 0 && doc.quoteOf[i - 1] !== -1 && doc.quotes[doc.quoteOf[i - 1]!]!.end === i;
  let ahead = "none";
  for (let k = i + 1; k < Math.min(doc.tokens.length, i + 5); k++) {
    const w = doc.tokens[k]!;
    if (w.lower === "that" || w.text === ":" || isQuoteMark(w.text) || w.lower === "to" || w.text === "." || w.text === ",") {
      ahead = `${isQuoteMark(w.text) ? "Q" : w.lower}@${k - i}`;
      break;
    }
  }
  return {
    word: token.lower,
    stem: stem(token.lower),
    rate10: String(Math.min(9, Math.floor(rate * 10))),
    rate20: String(Math.min(19, Math.floor(rate * 20))),
    previous: word(i - 1),
    next: word(i + 1),
    previous2: word(i - 2),
    next2: word(i + 2),
    ahead,
    previousShape: wordShape(previous?.text),
    nextShape: wordShape(next?.text),
    previousDeterminer: flag(DETERMINERS.test(word(i - 1))),
    suffix: token.lower.slice(-3),
    start: flag(i === sentenceStart),
    previousCapitalised: flag(!!previous && /^\p{Lu}/u.test(previous.text)),
    previousPronoun: flag(PRONOUN.test(word(i - 1))),
    previousQuote: flag(previousQuoteEnds || (!!previous && isQuoteMark(previous.text))),
    nextThat: flag(word(i + 1) === "that"),
    nextPunctuation: flag(!!next && /^[,.:;”"]$/.test(next.text)),
    capitalised: flag(/^\p{Lu}/u.test(token.text)),
    rateBefore: sentence.rateBefore[i]!,
    rateAfter: sentence.rateAfter[i]!,
    thatAfterCue: sentence.thatAfterCue[i]!,
    hasQuoteMark: +sentence.hasQuoteMark,
    position: Math.min(5, at),
    left: Math.min(5, sentence.end - i),
    previousTo: +(word(i - 1) === "to"),
    quotes: 2 * sentence.quoteBefore[i]! + sentence.quoteAfter[i]!,
    subject: subjectBefore(doc, i, sentenceStart),
    // The word itself is one of the candidates, unless it stands in a quote (which scoreCues never scores).
    others: Math.max(0, Math.min(5, sentence.candidates - 1)),
  };
}

/**
 * The templates over the sentence context. Each reads one small number of the site (`code`, below `size`), alone or
 * with the word; `names` gives its values as training names them, so inference can fill a weight table per model
 * (or per word) instead of building and looking up the values of every candidate.
 */
interface ContextTemplate {
  name: string;
  size: number;
  code: (c: CueSite) => number;
  names: (code: number) => string[];
  withWord?: true;
}

const number = (code: number): string[] => [String(code)];
const yesNo = (code: number): string[] => [flag(code === 1)];
const quotes = (code: number): string[] => [flag(code >= 2), flag(code % 2 === 1)];
const subject = (code: number): string[] => [SUBJECT_KINDS[Math.floor(code / 5)]!, String(code % 5)];

const CONTEXT_TEMPLATES: ContextTemplate[] = [
  { name: "rateBefore", size: 5, code: (c) => c.rateBefore, names: number },
  { name: "rateAfter", size: 5, code: (c) => c.rateAfter, names: number },
  { name: "thatAfterCue", size: 2, code: (c) => c.thatAfterCue, names: yesNo },
  { name: "quoteMark", size: 2, code: (c) => c.hasQuoteMark, names: yesNo },
  { name: "rateBefore+w", size: 5, code: (c) => c.rateBefore, names: number, withWord: true },
  { name: "position", size: 6, code: (c) => c.position, names: number },
  { name: "left", size: 6, code: (c) => c.left, names: number },
  { name: "pto", size: 2, code: (c) => c.previousTo, names: yesNo },
  { name: "quotes", size: 4, code: (c) => c.quotes, names: quotes },
  { name: "quotes+w", size: 4, code: (c) => c.quotes, names: quotes, withWord: true },
  { name: "subject", size: 20, code: (c) => c.subject, names: subject },
  { name: "subject+w", size: 4, code: (c) => Math.floor(c.subject / 5), names: (code) => [SUBJECT_KINDS[code]!], withWord: true },
  { name: "others", size: 6, code: (c) => c.others, names: number },
];

const CUE_TEMPLATES: Template<CueSite>[] = [
  { name: "bias", values: () => [] },
  { name: "rate", values: (c) => [c.rate10] },
  { name: "rate20", values: (c) => [c.rate20] },
  { name: "w", values: (c) => [c.word] },
  { name: "stem", values: (c) => [c.stem] },
  { name: "p", values: (c) => [c.previous] },
  { name: "n", values: (c) => [c.next] },
  { name: "pp", values: (c) => [c.previous2] },
  { name: "nn", values: (c) => [c.next2] },
  { name: "w+n", values: (c) => [c.word, c.next] },
  { name: "p+w", values: (c) => [c.previous, c.word] },
  { name: "stem+n", values: (c) => [c.stem, c.next] },
  { name: "p+stem", values: (c) => [c.previous, c.stem] },
  { name: "stem+ahead", values: (c) => [c.stem, c.ahead] },
  { name: "ahead", values: (c) => [c.ahead] },
  { name: "rate+ahead", values: (c) => [c.rate10, c.ahead] },
  { name: "pshape+nshape", values: (c) => [c.previousShape, c.nextShape] },
  { name: "stem+pdet", values: (c) => [c.stem, c.previousDeterminer] },
  { name: "suffix", values: (c) => [c.suffix] },
  { name: "start", values: (c) => [c.start] },
  { name: "pcap", values: (c) => [c.previousCapitalised] },
  { name: "ppron", values: (c) => [c.previousPronoun] },
  { name: "pquote", values: (c) => [c.previousQuote] },
  { name: "nthat", values: (c) => [c.nextThat] },
  { name: "npunct", values: (c) => [c.nextPunctuation] },
  { name: "cap", values: (c) => [c.capitalised] },
  ...CONTEXT_TEMPLATES.map(({ name, code, names, withWord }) => ({ name, values: (c: CueSite) => (withWord ? [...names(code(c)), c.word] : names(code(c))) })),
];

export function cueFeatures(doc: TextLayout, i: number, sentence: SentenceCues, rate: number): string[] {
  return featureNames(CUE_TEMPLATES, cueSite(doc, i, sentence, rate));
}

/**
 * The words whose vectors the cue model may read: the candidate (w), the words before (p) and after it (n, nn), the
 * head of its subject (s: the first word before it that is not an auxiliary or adverb, "the spokesman has also said")
 * and the sentence's other words (m, averaged).
 */
function cueSlotWords(doc: TextLayout, i: number, sentence: TokenRange): SlotWords {
  const sentenceStart = sentence.start;
  const word = (k: number): string | undefined => (k >= sentenceStart && k < doc.tokens.length ? doc.tokens[k]!.lower : undefined);
  let k = i - 1;
  while (k >= sentenceStart && isCueModifier(doc.tokens[k]!.text)) k--;
  const subject = k >= sentenceStart && /\p{L}/u.test(doc.tokens[k]!.text) ? doc.tokens[k]!.lower : undefined;
  return {
    w: word(i),
    p: word(i - 1),
    n: word(i + 1),
    nn: word(i + 2),
    s: subject,
    get m() {
      return sentenceWords(doc, sentence, i);
    },
  };
}

/** The sentence's words of letters outside quotes, but for the candidate (for the mean of their vectors), up to 40. */
function sentenceWords(doc: TextLayout, sentence: TokenRange, i: number): string[] {
  const words: string[] = [];
  for (let k = sentence.start; k < sentence.end && words.length < 40; k++) {
    if (doc.quoteOf[k] === -1 && k !== i && /^\p{L}/u.test(doc.tokens[k]!.text)) words.push(doc.tokens[k]!.lower);
  }
  return words;
}

/** The cue model's real-valued features of candidate i: the vectors of the words the model's slots name. */
export function cueVectorFeatures(lexicon: CueLexicon, doc: TextLayout, i: number, sentence: TokenRange): RealFeatures | undefined {
  const config = lexicon.vectors;
  if (!config || config.cue.length === 0) return undefined;
  return vectorFeatures(config, config.cue, cueSlotWords(doc, i, sentence));
}

/** Where the templates that hang on the candidate word stand in CUE_TEMPLATES (cueHeadScore takes them from per-word weights). */
const AT = Object.fromEntries(CUE_TEMPLATES.map((t, k) => [t.name, k])) as Record<string, number>;

/** The cue features' weights that hang on the candidate word alone, or on it and one context value. */
interface CueWordWeights {
  /** The cue rate the weights were gathered with (a word's rate is the same in every lexicon that shares these weights). */
  rate: number;
  /** bias, rate, rate20, w and stem, summed in that order. */
  prefix: number;
  wordNext: Map<string, Node> | undefined;
  stemNext: Map<string, Node> | undefined;
  stemAhead: Map<string, Node> | undefined;
  rateAhead: Map<string, Node> | undefined;
  afterDeterminer: number;
  notAfterDeterminer: number;
  suffix: number;
  /** Per context template that goes with the word (in CONTEXT_TEMPLATES order), its weight by code; empty for the others. */
  context: Float64Array[];
}

/** Per model, the word weights of each candidate word (lexicon words only, so the cache stays small). */
const cueWordWeightsOf = new WeakMap<ModelWeights, Map<string, CueWordWeights>>();

function cueWordWeights(model: ModelWeights, site: CueSite, rate: number): CueWordWeights {
  let cache = cueWordWeightsOf.get(model);
  if (!cache) cueWordWeightsOf.set(model, (cache = new Map()));
  let weights = cache.get(site.word);
  if (weights?.rate !== rate) {
    let prefix = 0;
    for (let k = 0; k <= AT.stem!; k++) prefix += model.weight(k, CUE_TEMPLATES[k]!.values(site));
    weights = {
      rate,
      prefix,
      wordNext: asMap(model.prefix(AT["w+n"]!, 2, [site.word])),
      stemNext: asMap(model.prefix(AT["stem+n"]!, 2, [site.stem])),
      stemAhead: asMap(model.prefix(AT["stem+ahead"]!, 2, [site.stem])),
      rateAhead: asMap(model.prefix(AT["rate+ahead"]!, 2, [site.rate10])),
      afterDeterminer: model.weight(AT["stem+pdet"]!, [site.stem, "true"]),
      notAfterDeterminer: model.weight(AT["stem+pdet"]!, [site.stem, "false"]),
      suffix: model.weight(AT.suffix!, [site.suffix]),
      context: contextTables(model, site.word),
    };
    cache.set(site.word, weights);
  }
  return weights;
}


/** Where CONTEXT_TEMPLATES start in CUE_TEMPLATES. */
const CONTEXT_AT = CUE_TEMPLATES.length - CONTEXT_TEMPLATES.length;

/** Per model, the weight tables of the context templates that do not go with the word (see contextTables). */
const contextWeightsOf = new WeakMap<ModelWeights, Float64Array[]>();

/**
 * The weight of each code of each context template: without a word, those that do not go with the word (cached per
 * model); with it, those that do (cached with the word's other weights). The rest are left empty.
 */
function contextTables(model: ModelWeights, word?: string): Float64Array[] {
  if (word === undefined) {
    const cached = contextWeightsOf.get(model);
    if (cached) return cached;
  }
  const tables = CONTEXT_TEMPLATES.map((template, t) => {
    if ((word !== undefined) !== (template.withWord ?? false)) return new Float64Array(0);
    const table = new Float64Array(template.size);
    for (let code = 0; code < template.size; code++) {
      const values = template.names(code);
      table[code] = model.weight(CONTEXT_AT + t, word === undefined ? values : [...values, word]);
    }
    return table;
  });
  if (word === undefined) contextWeightsOf.set(model, tables);
  return tables;
}

/** Per model, the weights of the yes/no templates from `start` to `cap`: [false, true] for each, in template order. */
const flagWeightsOf = new WeakMap<ModelWeights, Float64Array>();

function flagWeights(model: ModelWeights): Float64Array {
  let weights = flagWeightsOf.get(model);
  if (!weights) {
    weights = new Float64Array(2 * (AT.cap! + 1 - AT.start!));
    for (let k = AT.start!; k <= AT.cap!; k++) {
      weights[2 * (k - AT.start!)] = model.weight(k, ["false"]);
      weights[2 * (k - AT.start!) + 1] = model.weight(k, ["true"]);
    }
    flagWeightsOf.set(model, weights);
  }
  return weights;
}

/** The sum of the cue templates' weights in their order, as training's feature list sums them. */
function siteScore(model: ModelWeights, site: CueSite, rate: number): number {
  const word = cueWordWeights(model, site, rate);
  const generic = (k: number): number => model.weight(k, CUE_TEMPLATES[k]!.values(site));
  let total = word.prefix;
  for (let k = AT.p!; k <= AT.nn!; k++) total += generic(k);
  total += leaf(word.wordNext?.get(site.next));
  total += generic(AT["p+w"]!);
  total += leaf(word.stemNext?.get(site.next));
  total += generic(AT["p+stem"]!);
  total += leaf(word.stemAhead?.get(site.ahead));
  total += generic(AT.ahead!);
  total += leaf(word.rateAhead?.get(site.ahead));
  total += generic(AT["pshape+nshape"]!);
  total += site.previousDeterminer === "true" ? word.afterDeterminer : word.notAfterDeterminer;
  total += word.suffix;
  const flags = flagWeights(model);
  for (let k = AT.start!; k <= AT.cap!; k++) total += flags[2 * (k - AT.start!) + (CUE_TEMPLATES[k]!.values(site)[0] === "true" ? 1 : 0)]!;
  // CONTEXT_TEMPLATES in their order, written out: a call through each template's code function costs more than the sum.
  const [rateBefore, rateAfter, thatAfterCue, quoteMark, , position, left, previousTo, quotes, , subject, , others] = contextTables(model);
  const [, , , , wordRateBefore, , , , , wordQuotes, , wordSubject] = word.context;
  total += rateBefore![site.rateBefore]!;
  total += rateAfter![site.rateAfter]!;
  total += thatAfterCue![site.thatAfterCue]!;
  total += quoteMark![site.hasQuoteMark]!;
  total += wordRateBefore![site.rateBefore]!;
  total += position![site.position]!;
  total += left![site.left]!;
  total += previousTo![site.previousTo]!;
  total += quotes![site.quotes]!;
  total += wordQuotes![site.quotes]!;
  total += subject![site.subject]!;
  total += wordSubject![Math.floor(site.subject / 5)]!;
  total += others![site.others]!;
  return total;
}

/** How likely token i heads a cue: the perceptron's score when the lexicon carries one, the cue rate otherwise; -Infinity for non-candidates. */
export function cueHeadScore(lexicon: CueLexicon, doc: TextLayout, i: number, sentence: SentenceCues): number {
  const rate = cueRate(lexicon, doc.tokens[i]!.lower);
  if (!lexicon.weights) return rate > 0 ? rate : -Infinity;
  if (rate < CANDIDATE_RATE) return -Infinity;
  const total = siteScore(modelWeights(lexicon.weights, CUE_TEMPLATES), cueSite(doc, i, sentence, rate), rate);
  const vectors = lexicon.vectors;
  if (!vectors || vectors.cue.length === 0) return total;
  return total + vectorScore(lexicon.weights, vectors, vectors.cue, cueSlotWords(doc, i, sentence));
}
