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
const POSSESSIVE = /^(.+?)(['’]s)$/u;
const SENTENCE_END = /^[.!?]$/;
const CLOSERS = /^["'”’)\]»]$/;
/** A blank line or an indented new line ends a paragraph; a lone line break is hard wrapping. */
const PARAGRAPH_BREAK = /\n[^\S\n]*\n|\n[^\S\n]+$/;
/** Text without sentence ends (tables, broken markup) is cut so that no sentence grows unbounded. */
const MAX_SENTENCE_TOKENS = 300;

export function tokenize(text: string): Omit<Token, "sentence">[] {
  const tokens: Omit<Token, "sentence">[] = [];
  let consumed = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (match.index < consumed) continue; // the period of an abbreviation, already taken
    let word = match[0];
    let start = match.index;
    const possessive = POSSESSIVE.exec(word);
    if (possessive && /\p{L}/u.test(possessive[1]!)) {
      tokens.push({ text: possessive[1]!, start, end: start + possessive[1]!.length });
      start += possessive[1]!.length;
      word = possessive[2]!;
    } else if (ABBREVIATIONS.has(word.toLowerCase()) && text[start + word.length] === ".") {
      word += ".";
    }
    tokens.push({ text: word, start, end: start + word.length });
    consumed = start + word.length;
  }
  return tokens;
}

function startsSentence(token: Omit<Token, "sentence"> | undefined): boolean {
  return !token || /^[\p{Lu}\p{N}"“‘'(\[]/u.test(token.text);
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
    if ((next && PARAGRAPH_BREAK.test(text.slice(tokens[i]!.end, next.start))) || i + 1 - first >= MAX_SENTENCE_TOKENS) {
      close(i + 1);
      continue;
    }
    if (!SENTENCE_END.test(tokens[i]!.text)) continue;
    let j = i + 1;
    while (j < tokens.length && CLOSERS.test(tokens[j]!.text) && !text.slice(tokens[j - 1]!.end, tokens[j]!.start).trim()) j++;
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
    const raw = tokenize(doc.text);
    doc.sentences = splitSentences(doc.text, raw);
    doc.tokens = raw.map((t) => ({ ...t, sentence: 0 }));
    doc.sentences.forEach((s, index) => {
      for (let i = s.first; i < s.last; i++) doc.tokens[i]!.sentence = index;
    });
  },
};
