import type { Span } from "./tagger.js";

export interface NamedSentence {
  tokens: string[];
  spans: Span[];
}

/**
 * Reads CoNLL-2003 columns (`token POS chunk NER`, IOB1 or IOB2 tags; blank lines end sentences,
 * `-DOCSTART-` lines are skipped) into sentences with typed name spans (PER, ORG, LOC, MISC).
 */
export function readConll2003(text: string): NamedSentence[] {
  const sentences: NamedSentence[] = [];
  let current: NamedSentence = { tokens: [], spans: [] };
  let open: Span | undefined;
  const endSentence = () => {
    if (current.tokens.length) sentences.push(current);
    current = { tokens: [], spans: [] };
    open = undefined;
  };
  for (const line of text.split("\n")) {
    const columns = line.trim().split(/\s+/);
    if (!line.trim() || columns[0] === "-DOCSTART-") {
      endSentence();
      continue;
    }
    const tag = columns.length >= 2 ? columns[columns.length - 1]! : "O";
    const index = current.tokens.length;
    current.tokens.push(columns[0]!);
    const type = tag.slice(2);
    if (tag.startsWith("I-") && open?.type === type && open.end === index) open.end = index + 1;
    else if (tag.startsWith("B-") || tag.startsWith("I-")) {
      open = { type, start: index, end: index + 1 };
      current.spans.push(open);
    } else open = undefined;
  }
  endSentence();
  return sentences;
}
