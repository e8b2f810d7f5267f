/**
 * What the words around an expression say about its direction in time: the tense of its clause
 * decides whether a bare "Friday" or "March 12" lies before or after the document date.
 */

export type Tense = "past" | "future" | "present";

const FUTURE = /^(will|won't|wo|shall|'ll|would|going|scheduled|expected|expects|expect|planning|intends?|must|should|soon)$/;
/** "is to resume", "set to meet", "plans to hold": the infinitive of arrangement points ahead. */
const ARRANGED = /^(is|are|set|plan|plans|planned|planning|scheduled|expected|due|supposed)$/;
/** Auxiliaries that carry no tense of their own here ("must be returned"): look past them. */
const NEUTRAL = /^(be|been|being)$/;
const PRESENT = /^(is|are|am|says|say|has|have|do|does)$/;
const PAST = new RegExp(`^(${[
  "was", "were", "had", "did", "said", "ago", "last", "yesterday", "earlier", "previously",
  // Irregular past tenses (regular ones end in -ed).
  "told", "took", "began", "came", "went", "left", "made", "gave", "saw", "met", "won", "lost", "fell", "rose", "held", "sold",
  "bought", "paid", "hit", "led", "struck", "shot", "fled", "became", "got", "brought", "thought", "found", "kept", "sent",
  "spent", "built", "ran", "wrote", "spoke", "broke", "chose", "drove", "grew", "knew", "threw", "felt", "meant", "stood",
  "understood", "taught", "caught", "fought", "sought", "dealt", "heard", "laid", "sat", "swore", "rode", "sang", "hung",
  "shook", "forgot", "froze", "stole", "tore", "woke", "withdrew", "arose", "bore", "drew", "flew", "overtook", "undertook",
].join("|")})$`);
const NOT_VERBS = new Set(["need", "indeed", "hundred", "united", "red", "speed", "bed", "feed", "seed", "proceed", "exceed",
  "succeed", "breed", "shed", "ted", "fred", "ned", "limited", "embed", "naked", "wicked", "sacred", "kindred", "alleged",
  "based", "related", "detailed", "advanced", "armed", "qualified", "experienced", "scheduled", "expected", "planned"]);

interface Word {
  text: string;
  start: number;
}

/** Offsets where sentences start: after a full stop, question or exclamation mark, or a blank line. */
export function sentenceStarts(text: string): number[] {
  const boundary = /[.!?]["')\]]*\s+(?=["'(\[]?[A-Z0-9])|\n\s*\n/g;
  const starts = [0];
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/** The index in `starts` of the sentence holding `offset`, by binary search. */
function sentenceIndex(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The sentence holding [start, end), found by binary search in `starts`. */
export function sentenceAround(text: string, starts: number[], start: number, end: number): { start: number; end: number } {
  const lo = sentenceIndex(starts, start);
  let next = lo + 1;
  while (next < starts.length && starts[next]! < end) next++;
  return { start: starts[lo]!, end: next < starts.length ? starts[next]! : text.length };
}

/** Where the sentence before the one holding `offset` starts (the first sentence's start if there is none). */
export function previousSentenceStart(starts: number[], offset: number): number {
  return starts[Math.max(0, sentenceIndex(starts, offset) - 1)]!;
}

function words(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  const re = /[A-Za-z]+(?:'[a-z]+)?|'ll/g;
  const slice = text.slice(from, to);
  for (let m = re.exec(slice); m; m = re.exec(slice)) out.push({ text: m[0].toLowerCase(), start: from + m.index });
  return out;
}

function tenseOf(word: string, before: string | undefined, earlier: string | undefined): Tense | undefined {
  // "had been due to expire", "was scheduled to meet": an arrangement seen from the past.
  if (word === "to" && /^(set|planned|scheduled|expected|due|supposed)$/.test(before ?? "") && /^(was|were|been|had)$/.test(earlier ?? "")) return "past";
  // "as early as Tuesday" looks ahead; "in the early hours" does not.
  if (FUTURE.test(word) || (word === "to" && ARRANGED.test(before ?? "")) || (word === "early" && before === "as")) return "future";
  if (PAST.test(word)) return "past";
  if (PRESENT.test(word)) return "present";
  if (/^[a-z]{3,}ed$/.test(word) && !NOT_VERBS.has(word)) return "past";
  return undefined;
}

/**
 * The tense nearest the expression in its sentence, looking left first (the governing verb in
 * news prose usually precedes its time adjunct), then right.
 */
export function tenseAround(text: string, starts: number[], start: number, end: number): Tense | undefined {
  const sentence = sentenceAround(text, starts, start, end);
  const left = words(text, sentence.start, start).reverse();
  const right = words(text, end, sentence.end);
  // In reversed order a passive participle comes right before its "be": "must be returned" is not past.
  const passive = (list: Word[], i: number): boolean => /ed$/.test(list[i]!.text) && NEUTRAL.test(list[i + 1]?.text ?? "");
  const nearLeft = left.slice(0, 12).filter((_, i, list) => !passive(list, i));
  // Only "to" and "early" look at the words before them: the sentence is indexed for them alone, when first met.
  let index: Map<number, number> | undefined;
  let all: Word[] = [];
  const before = (word: Word, n: number): string | undefined => {
    if (!index) {
      all = words(text, sentence.start, sentence.end);
      index = new Map(all.map((w, i) => [w.start, i]));
    }
    return all[(index.get(word.start) ?? -1) - n]?.text;
  };
  for (const word of [...nearLeft, ...right.slice(0, 12)]) {
    const looksBack = word.text === "to" || word.text === "early";
    const tense = tenseOf(word.text, looksBack ? before(word, 1) : undefined, looksBack ? before(word, 2) : undefined);
    if (tense) return tense;
  }
  return undefined;
}
