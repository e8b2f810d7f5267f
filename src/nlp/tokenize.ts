import type { AnalysedDoc, Component, Sentence, Token } from "./doc.js";

/** Abbreviations whose period belongs to the word, not the sentence. */
const ABBREVIATIONS = new Set(
  "mr mrs ms dr prof gen lt col maj capt sgt cmdr adm gov sen rep st jr sr vs etc inc ltd co corp dept no jan feb mar apr jun jul aug sep sept oct nov dec fig approx est mt ft".split(" "),
);

/**
 * Words keep inner hyphens and apostrophes ("Tehrik-e-Taliban", "al-Qaeda"); dotted initialisms
 * ("U.S.") are one token; everything else that is not a space is a token of its own, so curly and
 * straight quotes and every kind of dash stand apart.
 */
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[-'’‘][\p{L}\p{N}]+)*|\S/gu;
/** Single characters that end a sentence, and that may close one after its end (quotes, brackets). */
const SENTENCE_END = new Set([".", "!", "?"]);
const CLOSERS = new Set(["\"", "'", "”", "’", ")", "]", "»"]);
/** A blank line or an indented new line ends a paragraph; a lone line break is hard wrapping. */
const PARAGRAPH_BREAK = /\n[^\S\n]*\n|\n[^\S\n]+$/;
/** Text without sentence ends (tables, broken markup) is cut so that no sentence grows unbounded. */
const MAX_SENTENCE_TOKENS = 300;

/** Tokens of `text`, each in sentence 0 until the sentences are split. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let consumed = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    if (match.index < consumed) continue; // the period of an abbreviation, already taken
    let word = match[0];
    let start = match.index;
    const owner = possessiveOwner(word);
    if (owner !== undefined && /\p{L}/u.test(owner)) {
      tokens.push({ text: owner, start, end: start + owner.length, sentence: 0 });
      start += owner.length;
      word = word.slice(owner.length);
    } else if (text[start + word.length] === "." && ABBREVIATIONS.has(word.toLowerCase())) {
      word += ".";
    }
    tokens.push({ text: word, start, end: start + word.length, sentence: 0 });
    consumed = start + word.length;
  }
  return tokens;
}

/** "Pakistan" of "Pakistan's" (either apostrophe); undefined when the word is no possessive. */
function possessiveOwner(word: string): string | undefined {
  const n = word.length;
  return n >= 3 && word.charCodeAt(n - 1) === 115 /* s */ && (word[n - 2] === "'" || word[n - 2] === "’") ? word.slice(0, n - 2) : undefined;
}

/**
 * Whether closer `token` still belongs to the sentence that ends with `previous`: a curly or
 * bracket closer after spaces does, but a straight quote after a space opens the next sentence
 * ('... last month. "The junta has sold ...').
 */
function closes(text: string, previous: Omit<Token, "sentence">, token: Omit<Token, "sentence">): boolean {
  const gap = text.slice(previous.end, token.start);
  return gap.trim() === "" && (gap === "" || !STRAIGHT_QUOTES.has(token.text));
}
const STRAIGHT_QUOTES = new Set(["\"", "'"]);

function startsSentence(token: Omit<Token, "sentence"> | undefined): boolean {
  return !token || /^[\p{Lu}\p{N}"“‘'(\[]/u.test(token.text);
}

/** "5.472 billion", "version 2.0": a period between digits, spaced from neither, is inside a number. */
function isDecimalPoint(tokens: Omit<Token, "sentence">[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return !!before && !!after && before.end === tokens[i]!.start && after.start === tokens[i]!.end && /\d$/.test(before.text) && /^\d/.test(after.text);
}

/** Splits tokens into sentences at end punctuation followed by a capital, and at paragraph breaks. */
export function splitSentences(text: string, tokens: Omit<Token, "sentence">[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (last: number) => {
    if (last > first) sentences.push({ start: tokens[first]!.start, end: tokens[last - 1]!.end, first, last });
    first = last;
  };
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens[i + 1];
    // A paragraph break takes at least two characters between the tokens.
    if ((next && next.start - tokens[i]!.end >= 2 && PARAGRAPH_BREAK.test(text.slice(tokens[i]!.end, next.start))) || i + 1 - first >= MAX_SENTENCE_TOKENS) {
      close(i + 1);
      continue;
    }
    if (!SENTENCE_END.has(tokens[i]!.text) || isDecimalPoint(tokens, i)) continue;
    let j = i + 1;
    while (j < tokens.length && CLOSERS.has(tokens[j]!.text) && closes(text, tokens[j - 1]!, tokens[j]!)) j++;
    if (startsSentence(tokens[j])) {
      close(j);
      i = j - 1;
    }
  }
  close(tokens.length);
  return sentences;
}

export const tokenizer: Component = {
  name: "tokenizer",
  run(doc: AnalysedDoc) {
    doc.tokens = tokenize(doc.text);
    doc.sentences = splitSentences(doc.text, doc.tokens);
    doc.sentences.forEach((s, index) => {
      for (let i = s.first; i < s.last; i++) doc.tokens[i]!.sentence = index;
    });
  },
};
