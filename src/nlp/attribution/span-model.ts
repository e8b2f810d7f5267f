/**
 * A ranking averaged perceptron that picks where a content span to the right of its cue ends: every
 * token boundary from its start to the end of the paragraph is a candidate, described by the words on
 * both sides of it, the sentence ends and commas it crosses, the quotes it cuts and the cue that
 * governs it. Trained on PolNeAR's train split (train.ts), it replaces hand rules that let contents
 * run on over circumstances ("... during the debate Monday") or stop at the first comma of a list.
 */
import { score } from "./perceptron.js";
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
  const index = edges.findIndex((edge) => value < edge);
  return index < 0 ? edges.length : index;
}

/** The candidate ends of a content starting at `start`: token indices e, the content being [start, e). */
export function endCandidates(ctx: EndContext, start: number): TokenRange {
  const paragraph = ctx.doc.paragraphOf[start];
  let limit = start + 1;
  while (limit < ctx.doc.tokens.length && limit - start < MAX_CONTENT_TOKENS && ctx.doc.paragraphOf[limit] === paragraph) limit++;
  return { start: start + 1, end: limit };
}

/** The shape of each token of a document, computed once: every token is the last, next or after word of several ends. */
const shapesOf = new WeakMap<TextLayout, string[]>();

function tokenShapes(doc: TextLayout): string[] {
  let shapes = shapesOf.get(doc);
  if (!shapes) {
    shapes = doc.tokens.map((token) => shape(token.text));
    shapesOf.set(doc, shapes);
  }
  return shapes;
}

/** Features of ending a content just before token e that do not depend on where it starts or on its cue. */
function boundaryFeatures(ctx: EndContext, e: number): string[] {
  const { doc } = ctx;
  const shapes = tokenShapes(doc);
  const last = doc.tokens[e - 1]!;
  const next = doc.tokens[e];
  const after = doc.tokens[e + 1];
  const sameParagraph = next !== undefined && doc.paragraphOf[e] === doc.paragraphOf[e - 1];
  const nextWord = sameParagraph ? next.lower : "<p>";
  const afterWord = sameParagraph && after && doc.paragraphOf[e + 1] === doc.paragraphOf[e] ? after.lower : "<p>";
  const cutsQuote = sameParagraph && doc.quoteOf[e] !== -1 && doc.quoteOf[e] === doc.quoteOf[e - 1];
  let cueAhead = false;
  for (let k = e; k < Math.min(doc.tokens.length, e + 4); k++) if (ctx.isCue[k]) cueAhead = true;
  return [
    `last=${last.lower}`,
    `next=${nextWord}`,
    `next2=${nextWord}|${afterWord}`,
    `last+next=${last.lower}|${nextWord}`,
    `lastShape=${shapes[e - 1]}`,
    `nextShape=${sameParagraph ? shapes[e] : "<p>"}`,
    `shapes=${shapes[e - 1]}|${sameParagraph ? shapes[e] : "<p>"}|${sameParagraph && after ? shapes[e + 1] : "<p>"}`,
    `sentEnd=${isSentenceEnd(ctx, e)}`,
    `cutsQuote=${cutsQuote}`,
    `cueAhead=${cueAhead}`,
    `cueAhead+next=${cueAhead}|${nextWord}`,
  ];
}

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

/** One candidate end as the span features see it. */
interface EndState {
  crossed: number;
  sentenceEnd: boolean;
  length: number;
  commas: number;
  closesStartQuote: boolean;
  nextWord: string;
}

/**
 * The features that depend on the content's start and cue. Those over a few small values carry a table index
 * (`slot`, `slots` values) so that inference scores each value once per content instead of once per candidate end.
 */
const SPAN_TEMPLATES: { slots?: number; slot?: (s: EndState) => number; name: (s: EndState, c: ContentStart) => string }[] = [
  { slots: 4, slot: (s) => s.crossed, name: (s) => `crossed=${s.crossed}` },
  { slots: 4, slot: (s) => s.crossed, name: (s, c) => `crossed+first=${s.crossed}|${c.first}` },
  { slots: 8, slot: (s) => 2 * s.crossed + +s.sentenceEnd, name: (s) => `crossed+sentEnd=${s.crossed}|${s.sentenceEnd}` },
  { slots: 2, slot: (s) => +s.closesStartQuote, name: (s) => `closesStartQuote=${s.closesStartQuote}` },
  { slots: 10, slot: (s) => s.length, name: (s) => `length=${s.length}` },
  { slots: 10, slot: (s) => s.length, name: (s, c) => `length+first=${s.length}|${c.first}` },
  { slots: 10, slot: (s) => 2 * s.commas + +s.sentenceEnd, name: (s) => `commas=${s.commas}|${s.sentenceEnd}` },
  { name: (s, c) => `first+next=${c.first}|${s.nextWord}` },
  { slots: 2, slot: (s) => +s.sentenceEnd, name: (s, c) => `first+sentEnd=${c.first}|${s.sentenceEnd}` },
  { name: (s, c) => `cue+next=${c.cue}|${s.nextWord}` },
  { slots: 2, slot: (s) => +s.sentenceEnd, name: (s, c) => `cue+sentEnd=${c.cue}|${s.sentenceEnd}` },
  { slots: 10, slot: (s) => s.length, name: (s, c) => `cue+length=${c.cue}|${s.length}` },
];

function contentStart(ctx: EndContext, cue: string, start: number): ContentStart {
  const { doc } = ctx;
  const quote = doc.quoteOf[start] !== -1 ? doc.quotes[doc.quoteOf[start]!]! : undefined;
  const quoteEnd = quote?.start === start ? quote.end : -1;
  const word = doc.tokens[start]!.lower;
  const first = quoteEnd !== -1 ? "Q" : ["that", "to", "whether", "if", "how", "what", "why"].includes(word) ? word : shape(doc.tokens[start]!.text);
  return { cue, first, quoteEnd };
}

function endState(ctx: EndContext, content: ContentStart, start: number, e: number, sentencesCrossed: number, commas: number): EndState {
  const next = ctx.doc.tokens[e];
  return {
    crossed: Math.min(sentencesCrossed, 3),
    sentenceEnd: isSentenceEnd(ctx, e),
    length: bucket(e - start, [2, 3, 5, 8, 12, 18, 26, 40, 60]),
    commas: Math.min(commas, 4),
    closesStartQuote: content.quoteEnd === e,
    nextWord: next !== undefined && ctx.doc.paragraphOf[e] === ctx.doc.paragraphOf[e - 1] ? next.lower : "<p>",
  };
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
    features.push([...boundaryFeatures(ctx, e), ...SPAN_TEMPLATES.map((t) => t.name(state, content))]);
  });
  return { ends, features };
}

/** Per document and weights, the score of each token boundary's start-independent features (NaN until needed). */
const boundaryScores = new WeakMap<EndContext, { weights: Record<string, number>; scores: Float64Array }>();

function boundaryScore(weights: Record<string, number>, ctx: EndContext, e: number): number {
  let cache = boundaryScores.get(ctx);
  if (cache?.weights !== weights) {
    cache = { weights, scores: new Float64Array(ctx.doc.tokens.length + 1).fill(NaN) };
    boundaryScores.set(ctx, cache);
  }
  if (Number.isNaN(cache.scores[e])) cache.scores[e] = score(weights, boundaryFeatures(ctx, e));
  return cache.scores[e]!;
}

/**
 * The best-scoring end of the content that starts at `start`. Contents of one document share most candidate ends,
 * so the part of an end's score that does not depend on the start is computed once per document, and the span
 * features over small values once per value.
 */
export function bestEnd(weights: Record<string, number>, ctx: EndContext, cue: string, start: number): number {
  const content = contentStart(ctx, cue, start);
  const tables = SPAN_TEMPLATES.map((t) => new Float64Array(t.slots ?? 0).fill(NaN));
  let best = -1;
  let bestScore = -Infinity;
  forEachCandidate(ctx, start, (e, sentencesCrossed, commas) => {
    const state = endState(ctx, content, start, e, sentencesCrossed, commas);
    let total = boundaryScore(weights, ctx, e);
    SPAN_TEMPLATES.forEach((template, k) => {
      if (!template.slot) {
        total += weights[template.name(state, content)] ?? 0;
        return;
      }
      const table = tables[k]!;
      const slot = template.slot(state);
      if (Number.isNaN(table[slot])) table[slot] = weights[template.name(state, content)] ?? 0;
      total += table[slot]!;
    });
    if (total > bestScore) {
      bestScore = total;
      best = e;
    }
  });
  return best;
}
