/**
 * A second averaged perceptron that scores whole attributions the rules propose (cue word, where the
 * content lies, what the source looks like and which words open and close it, how long the content is) and drops the unlikely ones.
 */
import { featureNames, modelWeights, type Template } from "./templates.js";
import type { Attribution } from "./types.js";
import type { RealFeatures } from "./perceptron.js";
import { vectorFeatures, vectorScore, type SlotWords, type VectorConfig } from "./vectors.js";

function bucket(value: number, edges: number[]): number {
  const index = edges.findIndex((edge) => value < edge);
  return index < 0 ? edges.length : index;
}

function sourceShape(source: Attribution["source"]): string {
  if (!source) return "none";
  if (/^(he|she|they|we|i|it|you|who)$/i.test(source.text)) return "pronoun";
  if (/^\p{Lu}/u.test(source.text)) return "capitalised";
  return "lower";
}

/** A finite verb after the first word: an auxiliary, a copula, a negation or a past tense ("he happened to be"). */
const FINITE = /\s(?:is|are|was|were|will|would|can|could|should|may|might|must|has|have|had|do|does|did|am|\S*n[’']t|\S{3,}ed)(?=[\s,;:.!?”"]|$)/iu;

/**
 * What the content is: a "that" or "to" clause, a quote, a clause with a finite verb, or a bare noun phrase
 * (the object of a verb used not of speech: "made the comments Friday", "unveiled the plan").
 */
export function contentShape(text: string): string {
  const space = text.search(/\s/);
  const first = (space < 0 ? text : text.slice(0, space)).toLowerCase();
  if (first === "that" || first === "to") return first;
  if (/^[“"'`‘]/.test(first)) return "quote";
  if (space < 0) return "word";
  return FINITE.test(text.slice(space)) ? "finite" : "phrase";
}

/** A proposed attribution as the filter's features see it. */
interface FilterSite {
  head: string;
  cueWords: string[];
  before: string;
  firstWord: string;
  length: string;
  source: string;
  cue: string;
  sourceWords: string[];
  shape: string;
  attribution: Attribution;
}

function filterSite(attribution: Attribution, cueScore: number): FilterSite {
  const cueWords = attribution.cue.text.toLowerCase().split(/\s+/);
  const first = (attribution.content.text.match(/^\S+/)?.[0] ?? "").toLowerCase();
  return {
    head: cueWords[cueWords.length - 1] ?? "",
    cueWords,
    before: attribution.content.start < attribution.cue.start ? "before" : "after",
    firstWord: /^[“"'`‘]/.test(first) ? "<quote>" : first,
    length: String(bucket(attribution.content.text.length, [10, 20, 40, 80, 160, 320])),
    source: sourceShape(attribution.source),
    cue: String(bucket(cueScore, [-8, -4, -2, -1, 0, 1, 2, 4, 8])),
    // The source's first and last words tell a speaker ("the spokesman", "Mr. Trump") from a stray phrase ("on board with").
    sourceWords: attribution.source?.text.toLowerCase().split(/\s+/) ?? [],
    shape: contentShape(attribution.content.parts?.[0]?.text ?? attribution.content.text),
    attribution,
  };
}

const FILTER_TEMPLATES: Template<FilterSite>[] = [
  { name: "bias", values: () => [] },
  { name: "cueScore", values: (f) => [f.cue] },
  { name: "cueScore+pos", values: (f) => [f.cue, f.before] },
  { name: "cueScore+source", values: (f) => [f.cue, f.source] },
  { name: "head", values: (f) => [f.head] },
  { name: "cue", values: (f) => [f.cueWords.join("_")] },
  { name: "words", values: (f) => [String(f.cueWords.length)] },
  { name: "pos", values: (f) => [f.before] },
  { name: "quote", values: (f) => [f.attribution.quote] },
  { name: "source", values: (f) => [f.source] },
  { name: "sourceLength", values: (f) => [String(bucket(f.attribution.source?.text.length ?? 0, [1, 4, 12, 30, 60]))] },
  { name: "length", values: (f) => [f.length] },
  { name: "first", values: (f) => [f.firstWord] },
  { name: "parts", values: (f) => [String(Math.min(3, f.attribution.content.parts?.length ?? 1))] },
  { name: "head+pos", values: (f) => [f.head, f.before] },
  { name: "head+first", values: (f) => [f.head, f.firstWord] },
  { name: "head+source", values: (f) => [f.head, f.source] },
  { name: "quote+pos+source", values: (f) => [f.attribution.quote, f.before, f.source] },
  { name: "length+pos", values: (f) => [f.length, f.before] },
  { name: "sourceFirst", values: (f) => [f.sourceWords[0] ?? "-"] },
  { name: "sourceLast", values: (f) => [f.sourceWords[f.sourceWords.length - 1] ?? "-"] },
  { name: "sourceWords", values: (f) => [String(Math.min(6, f.sourceWords.length))] },
  { name: "shape", values: (f) => [f.shape, f.before] },
  { name: "head+shape", values: (f) => [f.head, f.shape] },
];

/** The words whose vectors the filter may read: the cue's head (h), the content's first word (f, inside a quote mark) and the source's last word (s). */
function filterSlotWords(attribution: Attribution): SlotWords {
  const cueWords = attribution.cue.text.toLowerCase().split(/\s+/);
  const first = (attribution.content.parts?.[0]?.text ?? attribution.content.text).replace(/^[“"'`‘\s]+/u, "").match(/^[\p{L}\p{N}'’-]+/u)?.[0];
  const sourceWords = attribution.source?.text.toLowerCase().split(/\s+/);
  const contentWords = (): string[] => (attribution.content.parts?.map((part) => part.text).join(" ") ?? attribution.content.text).toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  return { h: cueWords[cueWords.length - 1], f: first?.toLowerCase(), s: sourceWords?.[sourceWords.length - 1], get c() {
      return contentWords().slice(0, 30);
    } };
}

/** The filter's real-valued features: the vectors of the words the model's slots name. */
export function filterVectorFeatures(attribution: Attribution, config: VectorConfig | undefined): RealFeatures | undefined {
  if (!config || config.filter.length === 0) return undefined;
  return vectorFeatures(config, config.filter, filterSlotWords(attribution));
}

/** `cueScore` is the cue model's score of the cue's head word. */
export function attributionFeatures(attribution: Attribution, cueScore: number): string[] {
  return featureNames(FILTER_TEMPLATES, filterSite(attribution, cueScore));
}

/** The filter's score of an attribution: the sum of its features' weights in their order, found without building the feature names. */
export function filterScore(weights: Record<string, number>, attribution: Attribution, cueScore: number, vectors?: VectorConfig): number {
  const model = modelWeights(weights, FILTER_TEMPLATES);
  const site = filterSite(attribution, cueScore);
  let total = 0;
  for (let k = 0; k < FILTER_TEMPLATES.length; k++) total += model.weight(k, FILTER_TEMPLATES[k]!.values(site));
  if (vectors && vectors.filter.length > 0) total += vectorScore(weights, vectors, vectors.filter, filterSlotWords(attribution));
  return total;
}
