/** Tokens, sentences, paragraphs and quotation regions of a raw text, all as offsets into it. */

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
}

/** A half-open token range [start, end). */
export interface TokenRange {
  start: number;
  end: number;
}

export interface TextLayout {
  tokens: Token[];
  sentences: TokenRange[];
  /** Paragraph index of each token (paragraphs are separated by a line break). */
  paragraphOf: number[];
  /** Quotation regions, from the opening mark to the closing mark inclusive (token indices). */
  quotes: TokenRange[];
  /** Index into `quotes` of the region holding each token, or -1. */
  quoteOf: number[];
}

// A word keeps internal apostrophes, periods and hyphens (Clinton’s, U.S, D-Ill); `''` and `` are quote marks (NYT style).
const TOKEN = /''|``|[\p{L}\p{N}]+(?:[’'.\-&][\p{L}\p{N}]+)*|\S/gu;

const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr sen rep gov gen lt col sgt capt cmdr adm st jr sr inc co corp ltd no vs jan feb mar apr aug sep sept oct nov dec " +
    "pres prof rev gop u.s u.n d.c u.k e.g i.e ft mt ave blvd dept est approx fig ok la wash calif fla ga ill mich minn nev pa tenn tex va wis"
  ).split(" "),
);

export const OPENING_QUOTES = new Set(["“", "``"]);
export const CLOSING_QUOTES = new Set(["”"]);
const TOGGLING_QUOTES = new Set(['"', "''"]);

export function isQuoteMark(text: string): boolean {
  // Every mark starts with one of these characters: most tokens are ruled out without a set lookup.
  const first = text.charCodeAt(0);
  if (first !== 0x201c && first !== 0x201d && first !== 0x22 && first !== 0x27 && first !== 0x60) return false;
  return OPENING_QUOTES.has(text) || CLOSING_QUOTES.has(text) || TOGGLING_QUOTES.has(text);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    tokens.push({ start, end: start + match[0].length, text: match[0], lower: match[0].toLowerCase() });
  }
  return tokens;
}

function lineBreakBetween(text: string, from: number, to: number): boolean {
  return text.slice(from, to).includes("\n");
}

/** Whether token i ends a sentence: ! and ?, or a period that does not close an abbreviation or an initial. */
export function endsSentence(tokens: Token[], i: number): boolean {
  const token = tokens[i]!;
  if (token.text === "!" || token.text === "?") return true;
  if (token.text !== ".") return false;
  const previous = tokens[i - 1];
  if (!previous || previous.end !== token.start) return true;
  const word = previous.lower.replace(/^.*-/, "");
  // Capital initials ("G.K." in "Rep. G.K. Butterfield") abbreviate as "U.S." does; "a.m." may end a sentence.
  if (ABBREVIATIONS.has(word) || /^(\p{Lu}\.)+\p{Lu}$/u.test(previous.text)) return false;
  // Initials such as "J." in "Donald J. Trump".
  return !(word.length === 1 && /\p{Lu}/u.test(previous.text));
}

function startsSentence(token: Token | undefined): boolean {
  return !token || /^[\p{Lu}\p{N}"“'‘(`\[]/u.test(token.text);
}

export function layout(text: string): TextLayout {
  const tokens = tokenize(text);
  const paragraphOf: number[] = [];
  let paragraph = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && lineBreakBetween(text, tokens[i - 1]!.end, tokens[i]!.start)) paragraph++;
    paragraphOf.push(paragraph);
  }
  const sentences: TokenRange[] = [];
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    const next = i + 1;
    const paragraphEnds = next === tokens.length || paragraphOf[next] !== paragraphOf[i];
    let end = -1;
    if (paragraphEnds) end = next;
    else if (endsSentence(tokens, i)) {
      // Closing quotes and brackets right after the stop belong to this sentence.
      let j = next;
      while (j < tokens.length && paragraphOf[j] === paragraphOf[i] && /^(”|''|"|’|\)|\])$/.test(tokens[j]!.text) && tokens[j]!.start === tokens[j - 1]!.end) j++;
      if (startsSentence(tokens[j]) || j === tokens.length || paragraphOf[j] !== paragraphOf[i]) end = j;
    }
    if (end > start) {
      sentences.push({ start, end });
      start = end;
      i = end - 1;
    }
  }
  const quotes = findQuotes(tokens, paragraphOf);
  const quoteOf = new Array<number>(tokens.length).fill(-1);
  quotes.forEach((region, index) => {
    for (let i = region.start; i < region.end; i++) quoteOf[i] = index;
  });
  return { tokens, sentences, paragraphOf, quotes, quoteOf };
}

/**
 * Pairs quote marks within each paragraph. Curly marks say which side they are; straight marks toggle.
 * A quote still open at the paragraph's end runs to it (multi-paragraph quotes leave the closing mark out).
 */
function findQuotes(tokens: Token[], paragraphOf: number[]): TokenRange[] {
  const regions: TokenRange[] = [];
  let open = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && paragraphOf[i] !== paragraphOf[i - 1] && open >= 0) {
      if (i - open > 1) regions.push({ start: open, end: i });
      open = -1;
    }
    const mark = tokens[i]!.text;
    const spaceBefore = i === 0 || tokens[i - 1]!.end < tokens[i]!.start;
    if (OPENING_QUOTES.has(mark) || (CLOSING_QUOTES.has(mark) && open < 0 && spaceBefore && tokens[i + 1]?.start === tokens[i]!.end)) {
      if (open < 0) open = i;
    } else if (CLOSING_QUOTES.has(mark) || TOGGLING_QUOTES.has(mark)) {
      if (open >= 0) {
        regions.push({ start: open, end: i + 1 });
        open = -1;
      } else if (TOGGLING_QUOTES.has(mark)) open = i;
    }
  }
  if (open >= 0 && tokens.length - open > 1) regions.push({ start: open, end: tokens.length });
  return regions;
}

/** Token index of the first token starting at or after `char`. */
export function tokenAt(doc: TextLayout, char: number): number {
  let low = 0;
  let high = doc.tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (doc.tokens[mid]!.start < char) low = mid + 1;
    else high = mid;
  }
  return low;
}
