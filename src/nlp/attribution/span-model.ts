/**
 * A ranking averaged perceptron that picks where a content span to the right of its cue ends: every
 * token boundary from its start to the end of the paragraph is a candidate, described by the words on
 * both sides of it, the sentence ends and commas it crosses, the quotes it cuts and the cue that
 * governs it. Trained on PolNeAR's train split (train.ts), it replaces hand rules that let contents
 * run on over circumstances ("... during the debate Monday") or stop at the first comma of a list.
 */
import { asMap, featureNames, flag, leaf, modelWeights, type ModelWeights, type Node, type Template } from "./templates.js";
import { argmax } from "./perceptron.js";
import { isQuoteMark, type TextLayout, type TokenRange } from "./text.js";

/** How far a content may run to the right of its start, in tokens. */
export const MAX_CONTENT_TOKENS = 150;

export interface EndContext {
  doc: TextLayout;
  isCue: boolean[];
  /** Sentence index of each token. */
  sentenceOf: number[];
}

export function sentenceIndex(doc: TextLayout): number[] {
  const result = new Array<number>(doc.tokens.length).fill(0);
  doc.sentences.forEach((sentence, index) => result.fill(index, sentence.start, sentence.end));
  return result;
}

function shape(text: string | undefined): string {
  if (text === undefined) return "END";
  // Most tokens start with an ASCII small letter: no quote mark, punctuation, capital or digit.
  const first = text.charCodeAt(0);
  if (first >= 97 && first <= 122) return text.endsWith("ing") ? "ing" : text.endsWith("ed") ? "ed" : text.endsWith("ly") ? "ly" : "w";
  if (isQuoteMark(text) || text === "’" || text === "‘") return "Q";
  if (/^\p{P}+$/u.test(text)) return text;
  if (/^\p{Lu}/u.test(text)) return "Cap";
  if (/^\p{N}/u.test(text)) return "Num";
  if (/ing$/.test(text)) return "ing";
  if (/ed$/.test(text)) return "ed";
  if (/ly$/.test(text)) return "ly";
  return "w";
}

function bucket(value: number, edges: number[]): number {
  let index = 0;
  while (index < edges.length && value >= edges[index]!) index++;
  return index;
}

/** The candidate ends of a content starting at `start`: token indices e, the content being [start, e). */
export function endCandidates(ctx: EndContext, start: number): TokenRange {
  const paragraph = ctx.doc.paragraphOf[start];
  let limit = start + 1;
  while (limit < ctx.doc.tokens.length && limit - start < MAX_CONTENT_TOKENS && ctx.doc.paragraphOf[limit] === paragraph) limit++;
  return { start: start + 1, end: limit };
}

/** The shape of each token of a document, computed once and only for the tokens a boundary needs: every token is the last, next or after word of several ends. */
const shapesOf = new WeakMap<TextLayout, (string | undefined)[]>();

function tokenShape(doc: TextLayout, i: number): string {
  let shapes = shapesOf.get(doc);
  if (!shapes) shapesOf.set(doc, (shapes = new Array<string | undefined>(doc.tokens.length)));
  return (shapes[i] ??= shape(doc.tokens[i]!.text));
}

/** Ending a content just before token e, as the features that do not depend on where it starts or on its cue see it. */
interface Boundary {
  last: string;
  next: string;
  after: string;
  lastShape: string;
  nextShape: string;
  afterShape: string;
  sentenceEnd: string;
  cutsQuote: string;
  cueAhead: string;
}

function boundary(ctx: EndContext, e: number): Boundary {
  const { doc } = ctx;
  const next = doc.tokens[e];
  const after = doc.tokens[e + 1];
  const sameParagraph = next !== undefined && doc.paragraphOf[e] === doc.paragraphOf[e - 1];
  let cueAhead = false;
  for (let k = e; k < Math.min(doc.tokens.length, e + 4); k++) if (ctx.isCue[k]) cueAhead = true;
  return {
    last: doc.tokens[e - 1]!.lower,
    next: sameParagraph ? next.lower : "<p>",
    after: sameParagraph && after && doc.paragraphOf[e + 1] === doc.paragraphOf[e] ? after.lower : "<p>",
    lastShape: tokenShape(doc, e - 1),
    nextShape: sameParagraph ? tokenShape(doc, e) : "<p>",
    afterShape: sameParagraph && after ? tokenShape(doc, e + 1) : "<p>",
    sentenceEnd: flag(isSentenceEnd(ctx, e)),
    cutsQuote: flag(sameParagraph && doc.quoteOf[e] !== -1 && doc.quoteOf[e] === doc.quoteOf[e - 1]),
    cueAhead: flag(cueAhead),
  };
}

const BOUNDARY_TEMPLATES: Template<Boundary>[] = [
  { name: "last", values: (b) => [b.last] },
  { name: "next", values: (b) => [b.next] },
  { name: "next2", values: (b) => [b.next, b.after] },
  { name: "last+next", values: (b) => [b.last, b.next] },
  { name: "lastShape", values: (b) => [b.lastShape] },
  { name: "nextShape", values: (b) => [b.nextShape] },
  { name: "shapes", values: (b) => [b.lastShape, b.nextShape, b.afterShape] },
  { name: "sentEnd", values: (b) => [b.sentenceEnd] },
  { name: "cutsQuote", values: (b) => [b.cutsQuote] },
  { name: "cueAhead", values: (b) => [b.cueAhead] },
  { name: "cueAhead+next", values: (b) => [b.cueAhead, b.next] },
];
/** Where the templates over words stand in BOUNDARY_TEMPLATES (boundaryScore takes them from per-word weights). */
const [LAST, NEXT, NEXT_AFTER, LAST_NEXT, CUE_AHEAD_NEXT] = ["last", "next", "next2", "last+next", "cueAhead+next"].map((name) => BOUNDARY_TEMPLATES.findIndex((t) => t.name === name)) as [number, number, number, number, number];

function isSentenceEnd(ctx: EndContext, e: number): boolean {
  const next = ctx.doc.tokens[e];
  return next === undefined || ctx.doc.paragraphOf[e] !== ctx.doc.paragraphOf[e - 1] || ctx.sentenceOf[e] !== ctx.sentenceOf[e - 1];
}

/** What stays fixed over the candidate ends of one content: its cue's head word and how it opens. */
interface ContentStart {
  cue: string;
  /** "Q" for an opening quote, a complementiser, or the first word's shape. */
  first: string;
  /** The end of the quote the content opens with, or -1. */
  quoteEnd: number;
}

/** One candidate end of a content as the span features see it. */
interface EndState {
  content: ContentStart;
  crossed: number;
  sentenceEnd: boolean;
  length: number;
  commas: number;
  closesStartQuote: boolean;
  nextWord: string;
}

/**
 * The features that depend on the content's start and cue. Those over a few small values carry a table index
 * (`slot`, `slots` values) so that inference scores each value once per content instead of once per candidate end;
 * the others pair a value fixed for the content (`opening`) with the next word, and inference finds the weights of
 * that value once per content.
 */
/**
 * How a slot is made from a candidate end: it is the sum of these times, in order, the sentences crossed (0-3), whether
 * it ends a sentence (0/1), its length bucket (0-9), the commas crossed (0-4) and whether it closes the opening quote (0/1).
 */
type SlotMix = readonly [number, number, number, number, number];

const SPAN_TEMPLATES: (Template<EndState> & ({ slots: number; slot: SlotMix } | { opening: (c: ContentStart) => string }))[] = [
  { slots: 4, slot: [1, 0, 0, 0, 0], name: "crossed", values: (s) => [String(s.crossed)] },
  { slots: 4, slot: [1, 0, 0, 0, 0], name: "crossed+first", values: (s) => [String(s.crossed), s.content.first] },
  { slots: 8, slot: [2, 1, 0, 0, 0], name: "crossed+sentEnd", values: (s) => [String(s.crossed), flag(s.sentenceEnd)] },
  { slots: 2, slot: [0, 0, 0, 0, 1], name: "closesStartQuote", values: (s) => [flag(s.closesStartQuote)] },
  { slots: 10, slot: [0, 0, 1, 0, 0], name: "length", values: (s) => [String(s.length)] },
  { slots: 10, slot: [0, 0, 1, 0, 0], name: "length+first", values: (s) => [String(s.length), s.content.first] },
  { slots: 10, slot: [0, 1, 0, 2, 0], name: "commas", values: (s) => [String(s.commas), flag(s.sentenceEnd)] },
  { opening: (c) => c.first, name: "first+next", values: (s) => [s.content.first, s.nextWord] },
  { slots: 2, slot: [0, 1, 0, 0, 0], name: "first+sentEnd", values: (s) => [s.content.first, flag(s.sentenceEnd)] },
  { opening: (c) => c.cue, name: "cue+next", values: (s) => [s.content.cue, s.nextWord] },
  { slots: 2, slot: [0, 1, 0, 0, 0], name: "cue+sentEnd", values: (s) => [s.content.cue, flag(s.sentenceEnd)] },
  { slots: 10, slot: [0, 0, 1, 0, 0], name: "cue+length", values: (s) => [s.content.cue, String(s.length)] },
];

function contentStart(ctx: EndContext, cue: string, start: number): ContentStart {
  const { doc } = ctx;
  const quote = doc.quoteOf[start] !== -1 ? doc.quotes[doc.quoteOf[start]!]! : undefined;
  const quoteEnd = quote?.start === start ? quote.end : -1;
  const word = doc.tokens[start]!.lower;
  const first = quoteEnd !== -1 ? "Q" : ["that", "to", "whether", "if", "how", "what", "why"].includes(word) ? word : shape(doc.tokens[start]!.text);
  return { cue, first, quoteEnd };
}

const LENGTH_EDGES = [2, 3, 5, 8, 12, 18, 26, 40, 60];

function endState(ctx: EndContext, content: ContentStart, start: number, e: number, sentencesCrossed: number, commas: number): EndState {
  return setEndState({ content, crossed: 0, sentenceEnd: false, length: 0, commas: 0, closesStartQuote: false, nextWord: "" }, ctx, start, e, sentencesCrossed, commas);
}

/** Sets `state` to candidate end e; inference reuses one state per content instead of making one per candidate. */
function setEndState(state: EndState, ctx: EndContext, start: number, e: number, sentencesCrossed: number, commas: number): EndState {
  const next = ctx.doc.tokens[e];
  state.crossed = Math.min(sentencesCrossed, 3);
  state.sentenceEnd = isSentenceEnd(ctx, e);
  state.length = bucket(e - start, LENGTH_EDGES);
  state.commas = Math.min(commas, 4);
  state.closesStartQuote = state.content.quoteEnd === e;
  state.nextWord = next !== undefined && ctx.doc.paragraphOf[e] === ctx.doc.paragraphOf[e - 1] ? next.lower : "<p>";
  return state;
}

/** Walks the candidate ends of a content starting at `start`, with what the content crosses up to each. */
function forEachCandidate(ctx: EndContext, start: number, visit: (e: number, sentencesCrossed: number, commas: number) => void): void {
  const range = endCandidates(ctx, start);
  let sentencesCrossed = 0;
  let commas = 0;
  for (let e = range.start; e <= range.end; e++) {
    if (e - 1 > start && ctx.sentenceOf[e - 1] !== ctx.sentenceOf[e - 2]) sentencesCrossed++;
    if (e - 1 > start && ctx.doc.tokens[e - 2]!.text === "," && ctx.doc.quoteOf[e - 2] === -1) commas++;
    visit(e, sentencesCrossed, commas);
  }
}

/** Features of each candidate end of a content starting at `start`, in order of the candidates. */
export function candidateFeatures(ctx: EndContext, cue: string, start: number): { ends: number[]; features: string[][] } {
  const ends: number[] = [];
  const features: string[][] = [];
  const content = contentStart(ctx, cue, start);
  forEachCandidate(ctx, start, (e, sentencesCrossed, commas) => {
    const state = endState(ctx, content, start, e, sentencesCrossed, commas);
    ends.push(e);
    features.push([...featureNames(BOUNDARY_TEMPLATES, boundary(ctx, e)), ...featureNames(SPAN_TEMPLATES, state)]);
  });
  return { ends, features };
}

/** The boundary features' weights that hang on one word, as `last`, as `next`, and as the first value of a pair. */
interface WordWeights {
  last: number;
  next: number;
  /** next2 weights by the word after. */
  nextAfter: Map<string, Node> | undefined;
  /** last+next weights by the next word. */
  lastNext: Map<string, Node> | undefined;
  /** cueAhead+next weights with a cue ahead and without. */
  cueAhead: number;
  noCueAhead: number;
}

const wordWeightsOf = new WeakMap<ModelWeights, Map<string, WordWeights>>();
/** Past this many words the cache starts afresh, so that a long run over many texts does not grow it without end. */
const MAX_CACHED_WORDS = 100_000;

/** The boundary weights of a word, gathered once per word: the per-boundary score then looks up only pairs and shapes. */
function wordWeights(model: ModelWeights, word: string): WordWeights {
  let cache = wordWeightsOf.get(model);
  if (!cache || cache.size > MAX_CACHED_WORDS) wordWeightsOf.set(model, (cache = new Map()));
  let weights = cache.get(word);
  if (!weights) {
    weights = {
      last: model.weight(LAST, [word]),
      next: model.weight(NEXT, [word]),
      nextAfter: asMap(model.prefix(NEXT_AFTER, 2, [word])),
      lastNext: asMap(model.prefix(LAST_NEXT, 2, [word])),
      cueAhead: model.weight(CUE_AHEAD_NEXT, ["true", word]),
      noCueAhead: model.weight(CUE_AHEAD_NEXT, ["false", word]),
    };
    cache.set(word, weights);
  }
  return weights;
}


/** Per document and model, the score of each token boundary's start-independent features (NaN until needed). */
const boundaryScores = new WeakMap<EndContext, { model: ModelWeights; scores: Float64Array }>();

/** The document's boundary score cache for this model, looked up once per content rather than once per candidate end. */
function boundaryCache(model: ModelWeights, ctx: EndContext): Float64Array {
  let cache = boundaryScores.get(ctx);
  if (cache?.model !== model) {
    cache = { model, scores: new Float64Array(ctx.doc.tokens.length + 1).fill(NaN) };
    boundaryScores.set(ctx, cache);
  }
  return cache.scores;
}

/** The sum of the boundary templates' weights in their order, as training's feature list sums them (`scores` caches it per boundary). */
function boundaryScore(model: ModelWeights, ctx: EndContext, scores: Float64Array, e: number): number {
  if (Number.isNaN(scores[e])) {
    const b = boundary(ctx, e);
    const last = wordWeights(model, b.last);
    const next = wordWeights(model, b.next);
    let total = 0;
    total += last.last;
    total += next.next;
    total += leaf(next.nextAfter?.get(b.after));
    total += leaf(last.lastNext?.get(b.next));
    for (let k = LAST_NEXT + 1; k < CUE_AHEAD_NEXT; k++) total += model.weight(k, BOUNDARY_TEMPLATES[k]!.values(b));
    total += b.cueAhead === "true" ? next.cueAhead : next.noCueAhead;
    scores[e] = total;
  }
  return scores[e]!;
}

/** A content's span weights: per slot template its weight by slot (NaN until needed), per opening template its weights by next word. */
interface SpanTables {
  tables: Float64Array[];
  byNext: (Map<string, Node> | undefined)[];
}

const spanTablesOf = new WeakMap<ModelWeights, Map<string, SpanTables>>();

/**
 * The span weights of contents with this cue and opening: every span feature's values are its slot's and these two,
 * so contents that share them (most share a handful of cues: "said", "told") share the tables across documents.
 */
function spanTables(model: ModelWeights, content: ContentStart): SpanTables {
  let cache = spanTablesOf.get(model);
  if (!cache || cache.size > MAX_CACHED_WORDS) spanTablesOf.set(model, (cache = new Map()));
  // Neither a cue word nor an opening holds a space.
  const key = `${content.first} ${content.cue}`;
  let tables = cache.get(key);
  if (!tables) {
    tables = {
      tables: SPAN_TEMPLATES.map((t) => new Float64Array("slots" in t ? t.slots : 0).fill(NaN)),
      byNext: SPAN_TEMPLATES.map((t, k) => ("opening" in t ? asMap(model.prefix(k, 2, [t.opening(content)])) : undefined)),
    };
    cache.set(key, tables);
  }
  return tables;
}

/**
 * Where the content that starts at `start` ends. Without `scale`, the best-scoring end. With it, the end the scorer
 * most likely credits (it matches spans of half to twice each other's length): the candidates' scores times `scale`
 * become probabilities (a softmax), and between a likely short end and a likely long one a middle end may win.
 * Contents of one document share most candidate ends, so the part of an end's score that does not depend on the
 * start is computed once per document, and the span features over small values once per value, cue and opening.
 */
export function bestEnd(weights: Record<string, number>, ctx: EndContext, cue: string, start: number, scale?: number): number {
  const boundaryModel = modelWeights(weights, BOUNDARY_TEMPLATES);
  const spanModel = modelWeights(weights, SPAN_TEMPLATES);
  const content = contentStart(ctx, cue, start);
  const { tables, byNext } = spanTables(spanModel, content);
  const boundaries = boundaryCache(boundaryModel, ctx);
  const state = endState(ctx, content, start, start, 0, 0);
  const ends: number[] = [];
  const scores: number[] = [];
  forEachCandidate(ctx, start, (e, sentencesCrossed, commas) => {
    setEndState(state, ctx, start, e, sentencesCrossed, commas);
    let total = boundaryScore(boundaryModel, ctx, boundaries, e);
    for (let k = 0; k < SPAN_TEMPLATES.length; k++) {
      const template = SPAN_TEMPLATES[k]!;
      if ("opening" in template) {
        total += leaf(byNext[k]?.get(state.nextWord));
        continue;
      }
      const table = tables[k]!;
      const mix = template.slot;
      const slot = mix[0] * state.crossed + mix[1] * +state.sentenceEnd + mix[2] * state.length + mix[3] * state.commas + mix[4] * +state.closesStartQuote;
      if (Number.isNaN(table[slot])) table[slot] = spanModel.weight(k, template.values(state));
      total += table[slot]!;
    }
    ends.push(e);
    scores.push(total);
  });
  return ends[scale === undefined ? argmax(scores) : mostLikelyMatch(ctx, start, ends, scores, scale)]!;
}

/** Words a phrase may stop before: prepositions, conjunctions, relatives and subordinators. */
const PHRASE_BREAKS = new Set(
  "in on at for from with by into about after before during since until while when where whether if because as than but and or so who whom whose which that though although despite over under against between through without".split(" "),
);
/** Words a content does not stop after. */
const PHRASE_OPENERS = new Set("the a an of to in on at for from with by that and or but his her their its our my your this these those".split(" "));

/**
 * Whether a content may stop before token e: at a sentence or paragraph end, or outside quotes before a comma, a
 * semicolon, a colon, a dash, a bracket or a word that opens a new phrase (not "of": "secretary | of state").
 */
function isPhraseEnd(ctx: EndContext, e: number): boolean {
  if (isSentenceEnd(ctx, e)) return true;
  const { doc } = ctx;
  if (PHRASE_OPENERS.has(doc.tokens[e - 1]!.lower) || (doc.quoteOf[e] !== -1 && doc.quoteOf[e] === doc.quoteOf[e - 1])) return false;
  const next = doc.tokens[e]!;
  return [",", ";", ":", "—", "–", "--", "("].includes(next.text) || PHRASE_BREAKS.has(next.lower);
}

/**
 * The index of the end with the highest expected credit: the overlap ratio (|a ∩ b| / max |a|, |b|, in characters)
 * with each end it would match (half to twice its length), weighted by that end's probability. Besides the best-scoring
 * end, only ends at a phrase boundary may win, so that a content does not stop mid-phrase just because that splits
 * the difference between two likely ends (that scored higher on dev, F1 0.682 against 0.679, but cut "secretary | of state").
 */
function mostLikelyMatch(ctx: EndContext, start: number, ends: number[], scores: number[], scale: number): number {
  const best0 = argmax(scores);
  const top = scores[best0]!;
  const from = ctx.doc.tokens[start]!.start;
  const n = ends.length;
  const lengths = ends.map((e) => ctx.doc.tokens[e - 1]!.end - from);
  // Prefix sums of p·L and p/L: over ends no longer than L_k the credit is L_j / L_k, over longer ones L_k / L_j.
  const timesLength = new Float64Array(n + 1);
  const overLength = new Float64Array(n + 1);
  for (let j = 0; j < n; j++) {
    const probability = Math.exp(scale * (scores[j]! - top));
    timesLength[j + 1] = timesLength[j]! + probability * lengths[j]!;
    overLength[j + 1] = overLength[j]! + probability / lengths[j]!;
  }
  let best = best0;
  let bestGain = -1;
  let low = 0;
  let high = 0;
  for (let k = 0; k < n; k++) {
    const length = lengths[k]!;
    while (lengths[low]! * 2 < length) low++;
    while (high < n && lengths[high]! <= length * 2) high++;
    if (k !== best0 && !isPhraseEnd(ctx, ends[k]!)) continue;
    const gain = (timesLength[k + 1]! - timesLength[low]!) / length + length * (overLength[high]! - overLength[k + 1]!);
    if (gain > bestGain) {
      bestGain = gain;
      best = k;
    }
  }
  return best;
}
