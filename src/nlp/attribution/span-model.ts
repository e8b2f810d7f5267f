/**
 * A ranking averaged perceptron that picks where a content span to the right of its cue ends: every
 * token boundary from its start to the end of the paragraph is a candidate, described by the words on
 * both sides of it, the sentence ends and commas it crosses, the quotes it cuts and the cue that
 * governs it. Trained on PolNeAR's train split (train.ts), it replaces hand rules that let contents
 * run on over circumstances ("... during the debate Monday") or stop at the first comma of a list.
 */
import { argmax, score } from "./perceptron.js";
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

/**
 * Features of ending the content [start, e). `cue` is the cue's head word; what lies between start and e is summarised
 * incrementally by the caller (sentence ends and commas crossed).
 */
function endFeatures(ctx: EndContext, cue: string, start: number, e: number, sentencesCrossed: number, commas: number): string[] {
  const { doc } = ctx;
  const last = doc.tokens[e - 1]!;
  const next = doc.tokens[e];
  const after = doc.tokens[e + 1];
  const sameParagraph = next !== undefined && doc.paragraphOf[e] === doc.paragraphOf[e - 1];
  const nextWord = sameParagraph ? next.lower : "<p>";
  const afterWord = sameParagraph && after && doc.paragraphOf[e + 1] === doc.paragraphOf[e] ? after.lower : "<p>";
  const sentenceEnd = !sameParagraph || ctx.sentenceOf[e] !== ctx.sentenceOf[e - 1];
  const cutsQuote = sameParagraph && doc.quoteOf[e] !== -1 && doc.quoteOf[e] === doc.quoteOf[e - 1];
  const quoteAtStart = doc.quoteOf[start] !== -1 && doc.quotes[doc.quoteOf[start]!]!.start === start;
  const closesStartQuote = quoteAtStart && doc.quotes[doc.quoteOf[start]!]!.end === e;
  const first = doc.tokens[start]!.lower;
  const firstKind = quoteAtStart ? "Q" : ["that", "to", "whether", "if", "how", "what", "why"].includes(first) ? first : shape(doc.tokens[start]!.text);
  let cueAhead = false;
  for (let k = e; k < Math.min(doc.tokens.length, e + 4); k++) if (ctx.isCue[k]) cueAhead = true;
  const length = bucket(e - start, [2, 3, 5, 8, 12, 18, 26, 40, 60]);
  const crossed = Math.min(sentencesCrossed, 3);
  return [
    `last=${last.lower}`,
    `next=${nextWord}`,
    `next2=${nextWord}|${afterWord}`,
    `last+next=${last.lower}|${nextWord}`,
    `lastShape=${shape(last.text)}`,
    `nextShape=${sameParagraph ? shape(next.text) : "<p>"}`,
    `shapes=${shape(last.text)}|${sameParagraph ? shape(next.text) : "<p>"}|${sameParagraph && after ? shape(after.text) : "<p>"}`,
    `sentEnd=${sentenceEnd}`,
    `crossed=${crossed}`,
    `crossed+first=${crossed}|${firstKind}`,
    `crossed+sentEnd=${crossed}|${sentenceEnd}`,
    `cutsQuote=${cutsQuote}`,
    `closesStartQuote=${closesStartQuote}`,
    `cueAhead=${cueAhead}`,
    `cueAhead+next=${cueAhead}|${nextWord}`,
    `length=${length}`,
    `length+first=${length}|${firstKind}`,
    `commas=${Math.min(commas, 4)}|${sentenceEnd}`,
    `first+next=${firstKind}|${nextWord}`,
    `first+sentEnd=${firstKind}|${sentenceEnd}`,
    `cue+next=${cue}|${nextWord}`,
    `cue+sentEnd=${cue}|${sentenceEnd}`,
    `cue+length=${cue}|${length}`,
  ];
}

/** Features of each candidate end of a content starting at `start`, in order of the candidates. */
export function candidateFeatures(ctx: EndContext, cue: string, start: number): { ends: number[]; features: string[][] } {
  const range = endCandidates(ctx, start);
  const ends: number[] = [];
  const features: string[][] = [];
  let sentencesCrossed = 0;
  let commas = 0;
  for (let e = range.start; e <= range.end; e++) {
    if (e - 1 > start && ctx.sentenceOf[e - 1] !== ctx.sentenceOf[e - 2]) sentencesCrossed++;
    if (e - 1 > start && ctx.doc.tokens[e - 2]!.text === "," && ctx.doc.quoteOf[e - 2] === -1) commas++;
    ends.push(e);
    features.push(endFeatures(ctx, cue, start, e, sentencesCrossed, commas));
  }
  return { ends, features };
}

/** The best-scoring end of the content that starts at `start`. */
export function bestEnd(weights: Record<string, number>, ctx: EndContext, cue: string, start: number): number {
  const { ends, features } = candidateFeatures(ctx, cue, start);
  return ends[argmax(features.map((f) => score(weights, f)))]!;
}
