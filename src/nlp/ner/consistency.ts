/**
 * Document-level consistency: the same name is usually the same kind of entity throughout a
 * news story. After tagging, each repeated entity string takes its majority label, and
 * capitalised occurrences the model missed are tagged like the others.
 */
import type { EntitySpan, NerLabel } from "./tags.js";

function key(tokens: readonly string[], span: { start: number; end: number }): string {
  return tokens.slice(span.start, span.end).join(" ");
}

export interface HarmoniseOptions {
  /** Give every occurrence of a string its majority label. */
  relabel: boolean;
  /** Tag missed capitalised occurrences of strings tagged elsewhere in the document. */
  extend: boolean;
}

export function harmoniseDocument(
  sentences: readonly (readonly string[])[],
  spans: EntitySpan[][],
  options: HarmoniseOptions = { relabel: false, extend: true },
): EntitySpan[][] {
  const votes = new Map<string, Map<NerLabel, number>>();
  sentences.forEach((tokens, s) => {
    for (const span of spans[s] ?? []) {
      const text = key(tokens, span);
      let counts = votes.get(text);
      if (!counts) {
        counts = new Map();
        votes.set(text, counts);
      }
      counts.set(span.label, (counts.get(span.label) ?? 0) + 1);
    }
  });
  const majority = new Map<string, NerLabel>();
  for (const [text, counts] of votes) {
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    if (first && (!second || first[1] > second[1])) majority.set(text, first[0]);
  }
  // Candidate strings by first word, longest first.
  const byFirstWord = new Map<string, string[][]>();
  const candidates = options.extend ? [...majority.keys()] : [];
  for (const words of candidates.map((text) => text.split(" ")).sort((a, b) => b.length - a.length)) {
    if (!words.every((word) => /^\p{Lu}/u.test(word)) || words.join("").length <= 2) continue;
    const first = words[0] ?? "";
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), words]);
  }
  return sentences.map((tokens, s) => {
    const relabelled = (spans[s] ?? []).map((span) =>
      options.relabel ? { ...span, label: majority.get(key(tokens, span)) ?? span.label } : span,
    );
    const taken = new Uint8Array(tokens.length);
    for (const span of relabelled) taken.fill(1, span.start, span.end);
    if (byFirstWord.size === 0) return relabelled;
    for (let i = 0; i < tokens.length; i++) {
      for (const words of byFirstWord.get(tokens[i] ?? "") ?? []) {
        const label = majority.get(words.join(" "));
        if (!label || !matchesAt(tokens, words, i, taken)) continue;
        relabelled.push({ start: i, end: i + words.length, label });
        taken.fill(1, i, i + words.length);
        break;
      }
    }
    return relabelled.sort((a, b) => a.start - b.start);
  });
}

function matchesAt(tokens: readonly string[], words: readonly string[], at: number, taken: Uint8Array): boolean {
  for (let k = 0; k < words.length; k++) {
    if (taken[at + k] === 1 || tokens[at + k] !== words[k]) return false;
  }
  // Sentence-initial capitals say nothing; the model already judged that position.
  if (at === 0 || /^["'`(\[:-]+$/.test(tokens[at - 1] ?? "")) return false;
  // A match glued to a neighbouring capitalised word is part of a longer, different name.
  const before = tokens[at - 1];
  const after = tokens[at + words.length];
  return !(before && /^\p{Lu}/u.test(before) && at > 0) && !(after && /^\p{Lu}/u.test(after));
}
