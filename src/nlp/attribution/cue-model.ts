/**
 * A binary averaged perceptron that decides whether a candidate word (one the lexicon has seen as a cue
 * often enough) heads an attribution cue in its context: "said" after a closing quote yes, "think" in a
 * transcript's "I think" less so.
 */
import { cueRate, type CueLexicon } from "./lexicon.js";
import { featureNames, flag, modelWeights, type Template } from "./templates.js";
import { isQuoteMark, type TextLayout } from "./text.js";

/** Auxiliaries and adverbs that join the cue they precede ("has also said"). */
const CUE_MODIFIERS = new Set(
  "also has have had 's ’s would will always now previously later recently repeatedly reportedly once then further did does do is was were are been be never not n't publicly privately earlier initially often frequently again already still even just could may might should must can first perhaps almost together".split(" "),
);
/** Auxiliaries and adverbs ("has always", "strongly") lead up to a cue but are not its head. */
export function isCueModifier(word: string): boolean {
  return CUE_MODIFIERS.has(word.toLowerCase()) || (word.endsWith("ly") && /^\p{Ll}+ly$/u.test(word));
}

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
}

function cueSite(doc: TextLayout, i: number, sentenceStart: number, rate: number): CueSite {
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
  };
}

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
];

export function cueFeatures(doc: TextLayout, i: number, sentenceStart: number, rate: number): string[] {
  return featureNames(CUE_TEMPLATES, cueSite(doc, i, sentenceStart, rate));
}

/** How likely token i heads a cue: the perceptron's score when the lexicon carries one, the cue rate otherwise; -Infinity for non-candidates. */
export function cueHeadScore(lexicon: CueLexicon, doc: TextLayout, i: number, sentenceStart: number): number {
  const rate = cueRate(lexicon, doc.tokens[i]!.lower);
  if (!lexicon.weights) return rate > 0 ? rate : -Infinity;
  if (rate < CANDIDATE_RATE) return -Infinity;
  const model = modelWeights(lexicon.weights, CUE_TEMPLATES);
  const site = cueSite(doc, i, sentenceStart, rate);
  let total = 0;
  for (let k = 0; k < CUE_TEMPLATES.length; k++) total += model.weight(k, CUE_TEMPLATES[k]!.values(site));
  return total;
}
