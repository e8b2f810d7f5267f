/**
 * A binary averaged perceptron that decides whether a candidate word (one the lexicon has seen as a cue
 * often enough) heads an attribution cue in its context: "said" after a closing quote yes, "think" in a
 * transcript's "I think" less so.
 */
import { cueRate, type CueLexicon } from "./lexicon.js";
import { score } from "./perceptron.js";
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

export function cueFeatures(doc: TextLayout, i: number, sentenceStart: number, rate: number): string[] {
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
  const s = stem(token.lower);
  return [
    "bias",
    `rate=${Math.min(9, Math.floor(rate * 10))}`,
    `rate20=${Math.min(19, Math.floor(rate * 20))}`,
    `w=${token.lower}`,
    `stem=${s}`,
    `p=${word(i - 1)}`,
    `n=${word(i + 1)}`,
    `pp=${word(i - 2)}`,
    `nn=${word(i + 2)}`,
    `w+n=${token.lower}|${word(i + 1)}`,
    `p+w=${word(i - 1)}|${token.lower}`,
    `stem+n=${s}|${word(i + 1)}`,
    `p+stem=${word(i - 1)}|${s}`,
    `stem+ahead=${s}|${ahead}`,
    `ahead=${ahead}`,
    `rate+ahead=${Math.min(9, Math.floor(rate * 10))}|${ahead}`,
    `pshape+nshape=${wordShape(previous?.text)}|${wordShape(next?.text)}`,
    `stem+pdet=${s}|${DETERMINERS.test(word(i - 1))}`,
    `suffix=${token.lower.slice(-3)}`,
    `start=${i === sentenceStart}`,
    `pcap=${!!previous && /^\p{Lu}/u.test(previous.text)}`,
    `ppron=${PRONOUN.test(word(i - 1))}`,
    `pquote=${previousQuoteEnds || (!!previous && isQuoteMark(previous.text))}`,
    `nthat=${word(i + 1) === "that"}`,
    `npunct=${!!next && /^[,.:;”"]$/.test(next.text)}`,
    `cap=${/^\p{Lu}/u.test(token.text)}`,
  ];
}

/** How likely token i heads a cue: the perceptron's score when the lexicon carries one, the cue rate otherwise; -Infinity for non-candidates. */
export function cueHeadScore(lexicon: CueLexicon, doc: TextLayout, i: number, sentenceStart: number): number {
  const rate = cueRate(lexicon, doc.tokens[i]!.lower);
  if (!lexicon.weights) return rate > 0 ? rate : -Infinity;
  if (rate < CANDIDATE_RATE) return -Infinity;
  return score(lexicon.weights, cueFeatures(doc, i, sentenceStart, rate));
}
