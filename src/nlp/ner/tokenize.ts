/**
 * Splits raw text into sentences of tokens with character offsets, tokenised the way CoNLL-2003
 * is ("Clinton's" → "Clinton" "'s", "U.S." kept whole, punctuation split off), so the tagger sees
 * what it was trained on.
 */

export interface TextToken {
  text: string;
  start: number;
  end: number;
}

const TOKEN =
  /(?:\p{Lu}\.){2,}|\p{L}+(?:[-'’&]\p{L}+)*(?=n't\b)|n't\b|'(?:s|re|ve|ll|d|m)\b|\p{L}+(?:[-.&]\p{L}+)*\.?(?<=\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Capt|Prof|Rev|Gov|Sen|Rep|Inc|Ltd|Corp|Co|No|Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Nov|Dec)\.)|\p{L}+(?:[-&]\p{L}+)*|\p{N}+(?:[.,:/-]\p{N}+)*|[^\s\p{L}\p{N}]/gu;

/** Sentence ends: . ! ? (and closing quotes) followed by space and a capital, or a blank line. */
function sentenceBreaks(tokens: TextToken[], text: string): TextToken[][] {
  const sentences: TextToken[][] = [];
  let current: TextToken[] = [];
  tokens.forEach((token, i) => {
    current.push(token);
    const next = tokens[i + 1];
    if (!next) return;
    const gap = text.slice(token.end, next.start);
    const terminal = /^[.!?]$/.test(token.text) || (/^["'”’)]$/.test(token.text) && /^[.!?]$/.test(tokens[i - 1]?.text ?? ""));
    const breaks = (terminal && gap.length > 0 && /^[\p{Lu}"'“‘(\d]/u.test(next.text)) || /\n\s*\n/.test(gap) || current.length >= 200;
    if (breaks) {
      sentences.push(current);
      current = [];
    }
  });
  if (current.length > 0) sentences.push(current);
  return sentences;
}

export function tokenize(text: string): TextToken[][] {
  const tokens: TextToken[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    tokens.push({ text: match[0], start, end: start + match[0].length });
  }
  return sentenceBreaks(tokens, text);
}
