/**
 * Rule-based attribution extraction over raw text: cue candidates come from the lexicon mined from
 * PolNeAR (lexicon.ts); around each cue, the layout of the sentence (quotes, commas, the cue's
 * position) decides where the source and the content are.
 */
import { cueHeadScore, isCueModifier, sentenceCues } from "./cue-model.js";
import { filterScore } from "./filter-model.js";
import { loadLexicon, type CueLexicon } from "./lexicon.js";
import { bestEnd, sentenceIndex } from "./span-model.js";
import { OPENING_QUOTES, endsSentence, isQuoteMark, layout, type TextLayout, type TokenRange } from "./text.js";
import type { Attribution, ContentSpan, Span } from "./types.js";

/** Words that end a source noun phrase when walking back from the cue. */
const SOURCE_STOPS = new Set(
  "that and but or because while when if as so which where after before since although though than whether until unless whereas nor for yet how why what".split(" "),
);
const PUNCTUATION_STOPS = new Set([",", ";", ":", "(", "—", "–", "-", "[", "!", "?"]);
/** Words that can follow a sentence-final cue without starting its content ("..., he said in a statement."). */
const NON_CONTENT_STARTERS = new Set(
  "in on at during of to about after before last this earlier later yesterday today tonight with when as while by from via through monday tuesday wednesday thursday friday saturday sunday".split(" "),
);
const TIME_WORDS = new Set("monday tuesday wednesday thursday friday saturday sunday yesterday today tonight morning afternoon evening night recently earlier later again repeatedly".split(" "));
/** Cues whose verb takes the addressee before the content ("told reporters that ..."). */
const ADDRESSEE_CUES = new Set("told tell tells telling asked ask asks asking urged urging warned warning reminded assured informed".split(" "));
const MAX_SOURCE_TOKENS = 12;
/** Addressees that are pronouns: "..., he told me on Friday, ...". */
const OBJECT_PRONOUNS = new Set("me us him her them you".split(" "));

export interface ExtractOptions {
  lexicon?: CueLexicon;
  /** Overrides the lexicon's cue threshold (used when tuning). */
  threshold?: number;
  /** Skip the attribution filter (used to train it). */
  unfiltered?: boolean;
}

interface Context {
  text: string;
  doc: TextLayout;
  isCue: boolean[];
  sentenceOf: number[];
  /** Weights of the content-end ranker (span-model.ts), if trained. */
  contentEnd?: Record<string, number>;
  contentEndScale?: number;
}

function span(ctx: Context, from: number, to: number): Span {
  const start = ctx.doc.tokens[from]!.start;
  const end = ctx.doc.tokens[to - 1]!.end;
  return { start, end, text: ctx.text.slice(start, end) };
}

function content(ctx: Context, ranges: TokenRange[]): ContentSpan {
  const parts = ranges.filter((r) => r.end > r.start).map((r) => span(ctx, r.start, r.end));
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const whole: ContentSpan = { start: first.start, end: last.end, text: ctx.text.slice(first.start, last.end) };
  if (parts.length > 1) whole.parts = parts;
  return whole;
}

function lower(ctx: Context, i: number): string {
  return ctx.doc.tokens[i]?.lower ?? "";
}

function isClosingQuoteAt(ctx: Context, i: number): boolean {
  const region = ctx.doc.quoteOf[i] ?? -1;
  return region >= 0 && ctx.doc.quotes[region]!.end - 1 === i && isQuoteMark(ctx.doc.tokens[i]!.text);
}

/** The cue score of each token (see cue-model.ts): known cue forms outside quotes, not capitalised mid-sentence; -Infinity for the rest. */
export function scoreCues(doc: TextLayout, lexicon: CueLexicon): number[] {
  const scores = new Array<number>(doc.tokens.length).fill(-Infinity);
  for (const sentence of doc.sentences) {
    // The context holds every word's cue rate: most words are not in the lexicon (rate 0) and can never be cues.
    const context = sentenceCues(doc, sentence, lexicon);
    for (let i = sentence.start; i < sentence.end; i++) {
      const token = doc.tokens[i]!;
      if (doc.quoteOf[i] !== -1) continue;
      if (token.lower === "according") {
        if (doc.tokens[i + 1]?.lower === "to") scores[i] = ACCORDING_TO_SCORE;
        continue;
      }
      if (context.rates[i] === 0 || isCueModifier(token.text)) continue;
      const capitalised = /^\p{Lu}/u.test(token.text);
      if (capitalised && i > sentence.start && !isQuoteMark(doc.tokens[i - 1]!.text)) continue;
      scores[i] = cueHeadScore(lexicon, doc, i, context);
    }
  }
  return scores;
}

/** "according to" is always a cue; this stands for its score. */
const ACCORDING_TO_SCORE = 10;

export function markCues(doc: TextLayout, lexicon: CueLexicon, threshold: number): boolean[] {
  return scoreCues(doc, lexicon).map((score) => score > threshold || score === ACCORDING_TO_SCORE);
}

/** Walks back from `end` (exclusive) over a noun phrase; returns its start, or `end` if there is none. */
function sourceBefore(ctx: Context, end: number, floor: number): number {
  let i = end;
  while (i > floor && end - i < MAX_SOURCE_TOKENS) {
    const token = ctx.doc.tokens[i - 1]!;
    if (token.text === ")") {
      let j = i - 1;
      while (j > floor && ctx.doc.tokens[j]!.text !== "(") j--;
      if (ctx.doc.tokens[j]!.text !== "(") break;
      i = j;
      continue;
    }
    if (token.lower === "who" || token.lower === "which") {
      // "Current and former officials who spoke with The Huffington Post said": a restrictive relative clause with a
      // verb of its own belongs to the noun phrase before it, which is the source; "X, who said" keeps "who".
      const head = i - 2;
      if (i < end && head >= floor && /^[\p{L}’'.]+$/u.test(ctx.doc.tokens[head]!.text) && !SOURCE_STOPS.has(ctx.doc.tokens[head]!.lower) && !ctx.isCue[head]) {
        const start = sourceBefore(ctx, i - 1, floor);
        if (start < i - 1) return start;
      }
      return i - 1;
    }
    // "A spokesman for the campaign said", "the Center for American Progress said": "for" after a role or a name joins the noun phrase.
    if (token.lower === "for" && i < end && i - 2 >= floor && isForHead(ctx, i - 2)) {
      i--;
      continue;
    }
    if (PUNCTUATION_STOPS.has(token.text) || isQuoteMark(token.text) || SOURCE_STOPS.has(token.lower) || ctx.isCue[i - 1]) break;
    if (token.text === "." && i - 1 === floor) break;
    i--;
  }
  return i;
}

/** Roles named by who they speak or work for: "a spokesman for", "attorneys for". */
const FOR_ROLES = new Set(
  "spokesman spokeswoman spokesperson spokesmen director directors strategist strategists attorney attorneys lawyer lawyers adviser advisers advisor advisors candidate manager chairman chairwoman editor member members counsel secretary official officials representative representatives researcher researchers analyst analysts fellow correspondent coordinator organizer organizers aide aides surrogate surrogates advocate advocates expert experts".split(" "),
);

function isForHead(ctx: Context, k: number): boolean {
  const token = ctx.doc.tokens[k]!;
  if (ctx.isCue[k] || SOURCE_STOPS.has(token.lower)) return false;
  return FOR_ROLES.has(token.lower) || (/^\p{Lu}\p{Ll}+$/u.test(token.text) && /^\p{Lu}/u.test(ctx.doc.tokens[k + 2]?.text ?? ""));
}

const INVERTED_SOURCE_STARTS = new Set("a an the one two three another some many several his her their its he she they we i officials".split(" "));

/** Walks forward from `start` over a noun phrase after an inverted cue ("..., said Sen. Dick Durbin (D-Ill.) in ..."). */
function sourceAfter(ctx: Context, start: number, limit: number, inverted = true): number {
  const first = ctx.doc.tokens[start];
  if (!first) return start;
  // "said Sen. X", "said the group", "said former Gov. X", "said election lawyer X": a name comes within a few words.
  const named = (k: number): boolean => k < limit && /^[\p{Lu}\p{N}]/u.test(ctx.doc.tokens[k]!.text);
  if (inverted && !INVERTED_SOURCE_STARTS.has(first.lower) && ![0, 1, 2, 3].some((k) => named(start + k))) return start;
  let i = start;
  while (i < limit && i - start < MAX_SOURCE_TOKENS + 8) {
    const token = ctx.doc.tokens[i]!;
    if (i > start && (NON_CONTENT_STARTERS.has(token.lower) || token.lower === "who" || token.lower === "that")) break;
    // "said Rep. G.K. Butterfield": a period after a title or an initial does not end the name.
    if ((token.text === "." ? endsSentence(ctx.doc.tokens, i) : [";", ":", "!", "?"].includes(token.text)) || isQuoteMark(token.text) || ctx.isCue[i]) break;
    // "said X, a spokesman" runs on over the appositive; "said X, summing up ..." stops before the participle.
    const following = ctx.doc.tokens[i + 1]?.text ?? "";
    if (token.text === "," && (!inverted || (i + 1 < limit && !/^(a|an|the|who|whose|[\p{Ll}]+)$/u.test(following.toLowerCase())) || /^\p{Ll}+ing$/u.test(following))) break;
    i++;
  }
  while (i > start && [",", "-", "—"].includes(ctx.doc.tokens[i - 1]!.text)) i--;
  return i;
}

function trimRange(ctx: Context, range: TokenRange): TokenRange {
  let { start, end } = range;
  while (start < end && [",", ":", ";", "—", "–", "-"].includes(ctx.doc.tokens[start]!.text)) start++;
  while (end > start && [",", ".", ";", ":", "—", "–", "-"].includes(ctx.doc.tokens[end - 1]!.text)) end--;
  return { start, end };
}

function quoteRegion(ctx: Context, i: number): TokenRange | undefined {
  const index = ctx.doc.quoteOf[i] ?? -1;
  return index >= 0 ? ctx.doc.quotes[index] : undefined;
}

/** Verbs of saying and thinking, whose content is a clause that may run on past commas. */
export const SPEECH_CUES = new Set(
  "say says said saying tell tells told telling add adds added adding write writes wrote writing argue argues argued arguing claim claims claimed claiming insist insists insisted note notes noted noting explain explains explained state states stated declare declares declared report reports reported announce announces announced warn warns warned warning suggest suggests suggested acknowledge acknowledges acknowledged believe believes believed think thinks thought predicted predict predicts according".split(" "),
);
/** After a comma these start a new clause or a circumstance, not more of the content. */
const CLAUSE_BREAKS = new Set("while even including though although whereas because since after before when where down up".split(" "));

/** After a comma these end the object of a non-speech cue (a list goes on instead). */
const OBJECT_BREAKS = new Set("who which whose and but a an as so".split(" "));

/**
 * Where the content to the right of a cue ends: at the sentence end (or the end of a quote it opens),
 * before a following ", according to", participial cue, or "[,] and/but X said" clause, before a
 * comma that opens a circumstance; the object of a non-speech cue ("criticized X, ...") ends at the
 * first comma or at "and" + verb.
 */
function contentEnd(ctx: Context, start: number, sentence: TokenRange, speech = true): number {
  const opening = quoteRegion(ctx, start);
  if (opening && opening.start === start && opening.end >= sentence.end) return opening.end;
  for (let i = start + 1; i < sentence.end; i++) {
    if (ctx.doc.quoteOf[i] !== -1) continue;
    const token = ctx.doc.tokens[i]!;
    const next = i + 1;
    if (!speech && (token.text === ";" || token.text === "—" || (token.text === "," && OBJECT_BREAKS.has(lower(ctx, next))))) return i;
    if (!speech && token.lower === "and" && /(ed|ing|ly)$/.test(lower(ctx, next))) return i;
    if (token.text !== "," && token.text !== ";" && token.lower !== "but" && token.lower !== "while") continue;
    if (ctx.isCue[next] || (token.text === "," && (CLAUSE_BREAKS.has(lower(ctx, next)) || lower(ctx, next).endsWith("ing")))) return i;
    for (let j = next + 1; j < Math.min(sentence.end, next + 7); j++) {
      if (!ctx.isCue[j]) continue;
      if (sourceBefore(ctx, j, next) === next && j > next) return i;
      break;
    }
  }
  return sentence.end;
}

function skipAdverbials(ctx: Context, from: number, end: number): number {
  let i = from;
  for (;;) {
    const word = lower(ctx, i);
    if (i < end && TIME_WORDS.has(word)) {
      i++;
      continue;
    }
    // "in a statement", "on Twitter", "in an interview Tuesday" up to a following comma, colon, "that" or quote.
    if (i < end && ["in", "on", "during", "at"].includes(word)) {
      let j = i + 1;
      // A cue ends the phrase too: "at a news conference announcing that ..." is followed by what was announced.
      while (j < Math.min(end, i + 7) && !["that", ",", ":"].includes(lower(ctx, j)) && !isQuoteMark(ctx.doc.tokens[j]!.text) && !ctx.isCue[j]) j++;
      if (j < end && j < i + 7) {
        i = j;
        continue;
      }
    }
    return i;
  }
}

function skipAddressee(ctx: Context, cueWord: string, from: number, end: number): number {
  if (!ADDRESSEE_CUES.has(cueWord)) return from;
  for (let j = from; j < Math.min(end, from + 6); j++) {
    const token = ctx.doc.tokens[j]!;
    if (token.lower === "that" || token.text === ":" || token.text === "," || OPENING_QUOTES.has(token.text) || token.text === '"') return j;
    if (token.lower === "to" || token.lower === "about" || token.lower === "if" || token.lower === "whether") return j;
  }
  return Math.min(end, from + 1);
}

function isDirect(ctx: Context, range: TokenRange): boolean {
  const region = quoteRegion(ctx, range.start);
  if (!region) return false;
  const covered = Math.min(region.end, range.end) - range.start;
  return covered * 2 >= range.end - range.start;
}

/** The quote (or clause) left of a comma or closing quote at `edge`, back to the sentence start. */
function leftContent(ctx: Context, edge: number, sentence: TokenRange, minTokens = 4): TokenRange | undefined {
  let last = edge;
  if (ctx.doc.tokens[last]?.text === "," && last > sentence.start) last--;
  if (isClosingQuoteAt(ctx, last)) return quoteRegion(ctx, last);
  if (isClosingQuoteAt(ctx, last - 1) && ctx.doc.tokens[last]!.text === ",") return quoteRegion(ctx, last - 1);
  const range = trimRange(ctx, { start: sentence.start, end: edge + 1 });
  return range.end - range.start >= minTokens ? range : undefined;
}

/** A quote right after `from` in the same sentence (`“A,” he said, “B.”`), if any. */
function followingQuote(ctx: Context, from: number, sentence: TokenRange): TokenRange | undefined {
  let i = from;
  while (i < sentence.end && [",", ":"].includes(ctx.doc.tokens[i]!.text)) i++;
  // `“You know, I love Larry,” he said, but “when it comes to ...”`: the conjunction joins the quote.
  const conjunction = ["but", "and"].includes(lower(ctx, i));
  const opening = conjunction ? i + 1 : i;
  const region = quoteRegion(ctx, opening);
  if (!region || region.start !== opening) return undefined;
  return conjunction ? { start: i, end: region.end } : region;
}

interface Frame {
  source?: TokenRange;
  content: TokenRange[];
}

/** Words that open a description of the noun before them rather than a clause of their own. */
const APPOSITIVE_STARTS = new Set("a an the who which whose".split(" "));

function accordingTo(ctx: Context, cue: TokenRange, sentence: TokenRange): Frame | undefined {
  // The source runs to the next comma or stop: "according to the officer in charge of the CIA's base".
  let sourceEnd = cue.end;
  while (sourceEnd < sentence.end && sourceEnd - cue.end < 25 && !/^([,;:.!?—–]|--)$/.test(ctx.doc.tokens[sourceEnd]!.text) && !isQuoteMark(ctx.doc.tokens[sourceEnd]!.text)) sourceEnd++;
  const source = sourceEnd > cue.end ? { start: cue.end, end: sourceEnd } : undefined;
  let leftStart = sentence.start;
  if (/^(but|and|so|yet)$/.test(lower(ctx, leftStart))) leftStart++;
  const left = trimRange(ctx, { start: leftStart, end: cue.start });
  const right = trimRange(ctx, { start: sourceEnd, end: contentEnd(ctx, sourceEnd, sentence) });
  const leftUseful = left.end - left.start >= 2;
  // "according to X, a former aide now at Y": what follows the comma describes the source, not the content.
  const appositive = APPOSITIVE_STARTS.has(lower(ctx, sourceEnd + 1));
  const parts = leftUseful ? [left, ...(right.end - right.start >= 2 && lower(ctx, sourceEnd) === "," && !appositive ? [right] : [])] : [right];
  const kept = parts.filter((p) => p.end > p.start);
  return kept.length ? { source, content: kept } : undefined;
}

const RELATIVES = new Set(["who", "which", "whose"]);

/** The source just before a cue, through an appositive: "X said", "Sen. X, a Republican from Y, said". */
function subjectBefore(ctx: Context, cueStart: number, sentence: TokenRange): TokenRange | undefined {
  if (ctx.doc.tokens[cueStart - 1]?.text === ",") {
    let comma = cueStart - 2;
    // An appositive may be long: "X, a senior fellow at ... and a former ambassador to ..., said".
    while (comma > sentence.start && ctx.doc.tokens[comma]!.text !== "," && cueStart - comma < 26) comma--;
    if (ctx.doc.tokens[comma]?.text !== ",") return undefined;
    let start = sourceBefore(ctx, comma, sentence.start);
    // "Swanson, who is a pastor at the church of Elizabeth, Colorado, slammed", "Woodrow Benford, 58, who lives ..., says":
    // a relative clause or an age is not the subject; the noun phrase before it is.
    for (let k = 0; k < 3 && start < comma && ctx.doc.tokens[start - 1]?.text === "," && (RELATIVES.has(lower(ctx, start)) || /^\d+$/.test(ctx.doc.tokens[start]!.text) || isAdverbialStart(ctx, start)); k++) {
      const earlier = sourceBefore(ctx, start - 1, sentence.start);
      if (earlier >= start - 1) break;
      start = earlier;
    }
    return start < comma ? { start, end: cueStart - 1 } : undefined;
  }
  // "The film ― which weaves together the voices of ... ― explains": the noun phrase before a dashed relative clause.
  if (DASHES.has(ctx.doc.tokens[cueStart - 1]?.text ?? "")) {
    const isDash = (k: number): boolean => DASHES.has(ctx.doc.tokens[k]!.text);
    // "--" is two tokens: the closing run of dashes, then the opening one before it.
    let closing = cueStart - 1;
    while (closing > sentence.start && isDash(closing - 1)) closing--;
    let dash = closing - 1;
    while (dash > sentence.start && !isDash(dash) && cueStart - dash < 40) dash--;
    const inner = dash + 1;
    while (dash > sentence.start && isDash(dash - 1)) dash--;
    // "The three scholars -- Mr. A, Ms. B and Mr. C -- agreed": an appositive between dashes, too.
    if (dash >= sentence.start && isDash(dash) && inner < closing && (RELATIVES.has(lower(ctx, inner)) || !hasCue(ctx, { start: inner, end: closing }))) {
      const start = sourceBefore(ctx, dash, sentence.start);
      return start < dash ? { start, end: dash } : undefined;
    }
  }
  const start = sourceBefore(ctx, cueStart, sentence.start);
  // "Speaker Paul D. Ryan, the nation's highest-ranking Republican, on Tuesday called": a circumstance is not the subject.
  if (start < cueStart && start > sentence.start && isAdverbialStart(ctx, start) && ctx.doc.tokens[start - 1]!.text === ",") {
    const subject = subjectBefore(ctx, start, sentence);
    if (subject) return { start: subject.start, end: cueStart };
  }
  return start < cueStart ? { start, end: cueStart } : undefined;
}

/** Words that open a circumstance or a place after a name, not a noun phrase: "on Tuesday", "last week", "of Flint, Mich.", "also serving in Iran". */
const ADVERBIAL_STARTS = new Set("on in during at of from last this next earlier later also meanwhile anonymously".split(" "));

function isAdverbialStart(ctx: Context, i: number): boolean {
  const word = lower(ctx, i);
  return ADVERBIAL_STARTS.has(word) || TIME_WORDS.has(word) || /^\p{Ll}+ing$/u.test(ctx.doc.tokens[i]!.text);
}

/** Skips the addressee of "told"-like cues when nothing but it follows ("..., he told reporters."). */
function skipTrailingAddressee(ctx: Context, cueWord: string, from: number, end: number): number {
  if (!ADDRESSEE_CUES.has(cueWord) || from >= end) return from;
  const first = ctx.doc.tokens[from]!;
  if (!/^[\p{Lu}\p{N}]/u.test(first.text) && !INVERTED_SOURCE_STARTS.has(first.lower) && first.lower !== "reporters" && !OBJECT_PRONOUNS.has(first.lower)) return from;
  let i = from + 1;
  while (i < end && i - from < 8 && !NON_CONTENT_STARTERS.has(lower(ctx, i)) && ![",", ".", ";", ":"].includes(ctx.doc.tokens[i]!.text) && !isQuoteMark(ctx.doc.tokens[i]!.text) && lower(ctx, i) !== "that") i++;
  return i;
}

function hasComma(ctx: Context, range: TokenRange): boolean {
  for (let i = range.start; i < range.end; i++) if (ctx.doc.tokens[i]!.text === ",") return true;
  return false;
}

function hasCue(ctx: Context, range: TokenRange): boolean {
  for (let i = range.start; i < range.end; i++) if (ctx.isCue[i]) return true;
  return false;
}

/** `Said Ellis: “I don't get the sense ...”`: a sentence opening with its cue, the speaker and a colon or comma before a quote. */
function openingCue(ctx: Context, cue: TokenRange, sentence: TokenRange): Frame | undefined {
  if (cue.end !== cue.start + 1 || !["said", "says", "added", "adds", "wrote", "writes"].includes(lower(ctx, cue.start))) return undefined;
  const end = sourceAfter(ctx, cue.end, sentence.end, false);
  if (end === cue.end || ![":", ","].includes(ctx.doc.tokens[end]?.text ?? "")) return undefined;
  const quote = quoteRegion(ctx, end + 1);
  if (!quote || quote.start !== end + 1) return undefined;
  return { source: { start: cue.end, end }, content: [trimRange(ctx, { start: end + 1, end: sentence.end })] };
}

/** `“...,” said X.`, `“...,” X said.`, `The attack killed five, police said.` */
function postposed(ctx: Context, cue: TokenRange, sentence: TokenRange): Frame | undefined {
  const before = cue.start - 1;
  // `“Didn't he?” Mrs. Clinton said.` splits after the question mark: the quote ends the sentence before.
  const floor = isClosingQuoteAt(ctx, sentence.start - 1) && sentence.end - sentence.start <= 10 ? sentence.start - 1 : sentence.start;
  if (before < floor) return cue.start === sentence.start ? openingCue(ctx, cue, sentence) : undefined;
  const edgeIsBreak = (i: number): boolean => i >= floor && (ctx.doc.tokens[i]?.text === "," || isClosingQuoteAt(ctx, i) || ctx.doc.tokens[i]?.text === "—");
  let source: TokenRange | undefined;
  let edge: number;
  let after = cue.end;
  let asClause = false;
  const quoteBefore = isClosingQuoteAt(ctx, before) || (ctx.doc.tokens[before]?.text === "," && isClosingQuoteAt(ctx, before - 1));
  const subject = subjectBefore(ctx, cue.start, sentence);
  // "..., said X" follows a quote; after plain text a comma before the cue more likely closes an appositive.
  const inverted = edgeIsBreak(before) && lower(ctx, cue.end) !== "that" && (quoteBefore || !subject) ? sourceAfter(ctx, cue.end, sentence.end) : cue.end;
  if (inverted > cue.end) {
    source = { start: cue.end, end: inverted };
    edge = before;
    after = inverted;
  } else if (subject && edgeIsBreak(subject.start - 1)) {
    source = subject;
    edge = subject.start - 1;
  } else if (subject && lower(ctx, subject.start - 1) === "as" && ctx.doc.tokens[subject.start - 2]?.text === "," && subject.start - 2 > sentence.start) {
    // "Scott had a gun, as police have said.": what comes before ", as" is what they said, and only that.
    source = subject;
    edge = subject.start - 2;
    asClause = true;
  } else if (quoteBefore) {
    edge = before;
  } else return undefined;
  after = skipAdverbials(ctx, skipTrailingAddressee(ctx, lower(ctx, cue.end - 1), skipAdverbials(ctx, after, sentence.end), sentence.end), sentence.end);
  const next = ctx.doc.tokens[after];
  const leftQuote = quoteBefore || isClosingQuoteAt(ctx, edge) || (ctx.doc.tokens[edge]?.text === "," && isClosingQuoteAt(ctx, edge - 1));
  // After a quote, what follows "X said" is circumstance; after plain text it must be short and not a clause.
  const tail = sentence.end - after;
  const ends = leftQuote
    ? !next || lower(ctx, after) !== "that"
    : after >= sentence.end ||
      [".", "!", "?"].includes(next!.text) ||
      // "..., Mr. Trump said, ''...''" quotes after the cue: the cue leads, it does not follow.
      (next!.text === "," && !followingQuote(ctx, after, sentence)) ||
      (tail <= 8 && NON_CONTENT_STARTERS.has(next!.lower)) ||
      // "..., said X, a senior official with the board that oversees them.": the rest belongs to the appositive.
      (source !== undefined && source.start === cue.end && hasComma(ctx, source) && !hasCue(ctx, { start: after, end: sentence.end }));
  if (!ends) return undefined;
  // `In an interview on "Face the Nation," Ryan said the ...`: a quote inside the sentence that a clause follows
  // the cue names a show or a book; the cue leads its content.
  const quoted = leftQuote ? quoteRegion(ctx, isClosingQuoteAt(ctx, edge) ? edge : edge - 1) : undefined;
  if (quoted && quoted.start > sentence.start + 1 && tail >= 3 && next && /^\p{Ll}/u.test(next.text) && !NON_CONTENT_STARTERS.has(next.lower)) return undefined;
  // "The museum, Mr. Obama said, would make ...": a parenthetical cue splits one content, however short its first part.
  const parenthetical = !asClause && !leftQuote && next?.text === "," && !ctx.isCue[after + 1] && !followingQuote(ctx, after, sentence);
  let left = leftContent(ctx, edge, sentence, parenthetical ? 1 : 4);
  if (!left) return undefined;
  // "... the stadium, which, police said, is usually full": the parenthetical splits a relative clause, whose content starts at its relative word.
  const relativeStart = parenthetical && edge - 1 > sentence.start && ["which", "who"].includes(lower(ctx, edge - 1)) && ctx.doc.tokens[edge - 2]!.text === ",";
  if (relativeStart) left = { start: edge - 1, end: edge };
  const parts = [left];
  const quote = followingQuote(ctx, after, sentence);
  if (quote && isDirect(ctx, left)) parts.push(quote);
  else if (!asClause && next?.text === "," && !ctx.isCue[after + 1] && !isDirect(ctx, left) && (left.start === sentence.start || relativeStart)) {
    const restEnd = ctx.contentEnd ? bestEnd(ctx.contentEnd, ctx, lower(ctx, cue.end - 1), after + 1, ctx.contentEndScale) : contentEnd(ctx, after + 1, sentence);
    const rest = trimRange(ctx, { start: after + 1, end: restEnd });
    if (rest.end - rest.start >= 3) parts.push(rest);
  }
  return { source, content: parts };
}

/** What can come before a participial cue: ", saying", "by saying", "after noting". */
const PARTICIPLE_LEADS = new Set(", — and by after before while in when without despite from of with".split(" "));
const BE = new Set("is are was were be been being 's ’s".split(" "));

/** Participles that say how the subject feels ("Protesters were frustrated that ..."): the subject is the source. */
const FEELINGS = new Set("frustrated concerned worried convinced disappointed pleased upset alarmed outraged troubled satisfied surprised shocked angered encouraged excited impressed relieved determined disturbed dismayed annoyed irritated".split(" "));

/** "Melania seems to have vanished": PolNeAR gives these verbs no source (in train 6 of 139 have one), and the subject joins the content. */
const RAISING_VERBS = new Set("seem seems seemed appear appears appeared".split(" "));

/** "is expected", "was widely seen", "are not expected": a passive cue; or a raising verb, which PolNeAR reads the same way. */
function isPassive(ctx: Context, cue: TokenRange): boolean {
  const head = lower(ctx, cue.end - 1);
  if (RAISING_VERBS.has(head)) return true;
  if (!/(ed|en|known|thought|seen|said)$/.test(head) || FEELINGS.has(head)) return false;
  for (let i = cue.end - 2; i >= cue.start; i--) if (BE.has(lower(ctx, i))) return true;
  return false;
}

/** Participles that give a name: "the bill known as ...", "his group, called ...". */
const NAMING = new Set("called dubbed named nicknamed titled labeled labelled".split(" "));

/**
 * "The group, called X, will", "the law known as X": a name given to the noun before, by no one the text names. After a
 * comma that closes no appositive (no subject found before the cue), "called" names; after one, it is the verb ("X, an aide, called ...").
 */
function isNaming(ctx: Context, cue: TokenRange, subject: TokenRange | undefined): boolean {
  const head = lower(ctx, cue.start);
  if (head === "known") return lower(ctx, cue.start + 1) === "as";
  return cue.end === cue.start + 1 && !subject && NAMING.has(head) && ctx.doc.tokens[cue.start - 1]?.text === ",";
}

/** The cue's verb, before any particle it takes: "talking" in "talking about", "pointing" in "pointing out". */
function cueVerb(ctx: Context, cue: TokenRange): string {
  const last = lower(ctx, cue.end - 1);
  return cue.end - 1 > cue.start && (PARTICLES.has(last) || last === "to") ? lower(ctx, cue.end - 2) : last;
}

/** Where a participial cue starts: "having" before a past participle ("Having announced that ...") belongs to it. */
function participleStart(ctx: Context, cue: TokenRange): number {
  return lower(ctx, cue.start - 1) === "having" ? cue.start - 1 : cue.start;
}

/** "..., saying ...", "Noting that ...", "Having announced that ...": the cue has no subject of its own. */
function isParticiple(ctx: Context, cue: TokenRange, sentence: TokenRange): boolean {
  const start = participleStart(ctx, cue);
  if (start === cue.start && !cueVerb(ctx, cue).endsWith("ing")) return false;
  // "X, including Y, were willing to ...": a verb after its own auxiliary is finite.
  for (let i = cue.start; i < cue.end - 1; i++) if (BE.has(lower(ctx, i))) return false;
  const before = start - 1;
  return start === sentence.start || PARTICIPLE_LEADS.has(lower(ctx, before)) || isClosingQuoteAt(ctx, before);
}

/** Words a subject noun phrase may open with when it is not a name: "the protesters", "a group of senators". */
const SUBJECT_DETERMINERS = new Set(["the", "a", "an", "his", "her", "their", "its", "some", "many", "several"]);

/** Words that may come before a participle opening its sentence: "But while denouncing ...,", "Now, after arguing ...,". */
const OPENING_PARTICIPLE_LEADS = new Set("but and so yet now then , after while despite in by before when without upon".split(" "));

/**
 * "Citing a new poll, Trump said ...", "Having announced that ..., Judge Berman proceeded", "After savaging ..., Trump
 * struggled": a participle opening its sentence (after any dateline) speaks for the main clause's subject, which
 * follows the participle's comma.
 */
function subjectAfterOpeningParticiple(ctx: Context, cue: TokenRange, sentence: TokenRange): TokenRange | undefined {
  const start = participleStart(ctx, cue);
  const opening = afterDateline(ctx, sentence, start);
  if (start - opening > 4) return undefined;
  for (let k = opening; k < start; k++) if (!OPENING_PARTICIPLE_LEADS.has(lower(ctx, k))) return undefined;
  let comma = cue.end;
  while (comma < Math.min(sentence.end, cue.end + 40) && !(ctx.doc.tokens[comma]!.text === "," && ctx.doc.quoteOf[comma] === -1)) comma++;
  if (ctx.doc.tokens[comma]?.text !== "," || comma + 1 >= sentence.end) return undefined;
  const clause = { start: comma + 1, end: sentence.end };
  const named = clauseSubject(ctx, clause, sentence.end);
  if (named) return named;
  // "the protesters chanted", "the former secretary of state talked about": a plain noun phrase up to the main clause's cue.
  if (!SUBJECT_DETERMINERS.has(lower(ctx, clause.start))) return undefined;
  for (let k = clause.start + 1; k < Math.min(sentence.end, clause.start + 8); k++) {
    if (ctx.isCue[k]) return { start: clause.start, end: k };
    if (PUNCTUATION_STOPS.has(ctx.doc.tokens[k]!.text) || isQuoteMark(ctx.doc.tokens[k]!.text)) return undefined;
  }
  return undefined;
}

const INTRO_WORDS = new Set(
  "in on at after meanwhile when while as like besides even earlier last during before since although though if because still but and yet however then later so until unlike despite with without for from by over under throughout instead".split(" "),
);
const PRONOUNS = new Set("he she they we i it you who".split(" "));
/** Pronouns that open a clause as a speaking subject. */
const PERSONAL_SUBJECTS = new Set(["he", "she", "they", "we", "i"]);
const SUBJECT_WORDS = /^(of|the|for|and|'s|’s|-|\.|\(|\))$/;

/** After a dateline that opens a sentence ("WASHINGTON (AP) —", "Philadelphia (AFP) –"): the token the story starts on. */
function afterDateline(ctx: Context, sentence: TokenRange, limit: number): number {
  for (let i = sentence.start + 1; i < Math.min(limit, sentence.start + 8); i++) {
    const token = ctx.doc.tokens[i]!;
    if (DASHES.has(token.text)) return ctx.doc.tokens[i - 1]!.text === ")" || /^\p{Lu}{2,}$/u.test(ctx.doc.tokens[i - 1]!.text) ? i + 1 : sentence.start;
    if (!/^[\p{Lu}(),.]/u.test(token.text) && !/^\d+$/.test(token.text)) return sentence.start;
  }
  return sentence.start;
}

/** "Iowa," after "in Ames,": one or two capitalised words between commas, then another opening phrase or the subject. */
function isPlaceAfterComma(ctx: Context, start: number, limit: number): boolean {
  let i = start;
  while (i < Math.min(limit, start + 2) && /^\p{Lu}/u.test(ctx.doc.tokens[i]!.text)) i++;
  return i > start && ctx.doc.tokens[i]?.text === "," && i + 1 < limit && ctx.doc.tokens[start - 1]?.text === ",";
}

/** A participle ("Chastened by ...,", "Reached by phone,") or a time ("Hours later,", "Tuesday on ...,") opening a sentence before its subject. */
function isOpeningPhrase(ctx: Context, start: number): boolean {
  const first = ctx.doc.tokens[start]!;
  if (/^\p{Lu}\p{Ll}+(ed|ing)$/u.test(first.text) || (/^\p{Lu}\p{Ll}+ly$/u.test(first.text) && ctx.doc.tokens[start + 1]?.text === ",") || TIME_WORDS.has(first.lower) || (["now", "back", "late", "indeed", "instead", "also", "first", "finally"].includes(first.lower))) return true;
  return ["later", "ago", "earlier"].includes(lower(ctx, start + 1));
}

/** Where the main clause starts, after a dateline and opening phrases, looking no further than `limit`. */
function mainClauseStart(ctx: Context, sentence: TokenRange, limit: number): number {
  let start = afterDateline(ctx, sentence, limit);
  // `“...,” Blige sings to Clinton before asking her`: a quote opening the sentence is not its subject.
  const opening = quoteRegion(ctx, start);
  if (opening && opening.start === start && opening.end < limit) start = opening.end + (ctx.doc.tokens[opening.end]?.text === "," ? 1 : 0);
  // An opening phrase ("In South Carolina,", "When Mr. Rubio spoke,", "On Tuesday,", "Chastened by the analyses,", "Hours later,") ends at its comma.
  // Several may follow one another: "At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton ...".
  for (let k = 0; k < 3 && (INTRO_WORDS.has(lower(ctx, start)) || isOpeningPhrase(ctx, start) || (k > 0 && isPlaceAfterComma(ctx, start, limit))); k++) {
    let comma = start + 1;
    while (comma < Math.min(limit, start + 25) && ctx.doc.tokens[comma]!.text !== ",") comma++;
    if (ctx.doc.tokens[comma]?.text !== "," || comma >= limit) break;
    start = comma + 1;
  }
  return start;
}

/**
 * The subject of the sentence's main clause, for a participial cue ("Trump went after Bush, calling him ...").
 * Skips an opening phrase that ends in a comma, then takes a pronoun or a run of capitalised words.
 */
function clauseSubject(ctx: Context, sentence: TokenRange, limit: number): TokenRange | undefined {
  const start = mainClauseStart(ctx, sentence, limit);
  if (PRONOUNS.has(lower(ctx, start)) && lower(ctx, start) !== "who") return { start, end: start + 1 };
  let end = start;
  while (end < limit && end - start < 10) {
    const token = ctx.doc.tokens[end]!;
    if (!(/^\p{Lu}/u.test(token.text) || (end > start && SUBJECT_WORDS.test(token.lower)))) break;
    end++;
  }
  while (end > start && SUBJECT_WORDS.test(lower(ctx, end - 1))) end--;
  if (INTRO_WORDS.has(lower(ctx, start))) return pronounAfterIntro(ctx, start, limit);
  // "A few minutes later they ...", "More recently, Dunn ...": a capitalised determiner or adverb is no name; the subject comes later.
  const later = end === start + 1 && CAPITALISED_OPENERS.has(lower(ctx, start)) ? (pronounAfterIntro(ctx, start, limit) ?? subjectAfterComma(ctx, start, limit)) : undefined;
  return later ?? (end > start ? { start, end } : undefined);
}

/** Words that open a sentence capitalised without being a name: "A few ...", "One month after ...", "Nearly every ...". */
const CAPITALISED_OPENERS = new Set(
  "a an one two three four five six seven eight nine ten few more most many several some any every each nearly almost just only even shortly moreover once amid along about over under still also".split(" "),
);

/** The subject after the first comma of an opening phrase that starts at `start`, before `limit`. */
function subjectAfterComma(ctx: Context, start: number, limit: number): TokenRange | undefined {
  let comma = start + 1;
  while (comma < limit && ctx.doc.tokens[comma]!.text !== ",") comma++;
  if (comma + 1 >= limit || CAPITALISED_OPENERS.has(lower(ctx, comma + 1))) return undefined;
  return clauseSubject(ctx, { start: comma + 1, end: limit }, limit);
}

/** "On September 27 they published ...": an opening phrase with no comma, then a personal pronoun as the subject. */
function pronounAfterIntro(ctx: Context, start: number, limit: number): TokenRange | undefined {
  for (let i = start + 1; i < Math.min(limit, start + 8); i++) {
    if (ctx.doc.tokens[i]!.text === "," || ctx.doc.quoteOf[i] !== -1) return undefined;
    if (PERSONAL_SUBJECTS.has(lower(ctx, i))) return { start: i, end: i + 1 };
  }
  return undefined;
}

/** The pronoun that opens the last coordinated clause before a participle ("McAuliffe has said ..., but he refuses ..., aside from saying"). */
function lastClauseSubject(ctx: Context, sentence: TokenRange, limit: number): TokenRange | undefined {
  for (let i = limit - 2; i > sentence.start; i--) {
    if (ctx.doc.quoteOf[i] !== -1) continue;
    const word = lower(ctx, i);
    if (["but", "and", ";"].includes(word) && PERSONAL_SUBJECTS.has(lower(ctx, i + 1))) return { start: i + 1, end: i + 2 };
    // ", but Wallace brought him back to ..., asking": a name opening a clause after ", but" and before a verb.
    if (word === "but" && ctx.doc.tokens[i - 1]?.text === ",") {
      let end = i + 1;
      while (end < limit && end - i <= 3 && /^\p{Lu}/u.test(ctx.doc.tokens[end]!.text)) end++;
      if (end > i + 1 && end < limit && /^\p{Ll}+$/u.test(ctx.doc.tokens[end]!.text) && !ctx.isCue[end - 1]) return { start: i + 1, end };
    }
  }
  return undefined;
}

/** The part of the sentence after its last semicolon before `limit`: a clause of its own. */
function clauseAfterSemicolon(ctx: Context, sentence: TokenRange, limit: number): TokenRange {
  for (let i = limit - 1; i > sentence.start; i--) if (ctx.doc.tokens[i]!.text === ";" && ctx.doc.quoteOf[i] === -1) return { start: i + 1, end: sentence.end };
  return sentence;
}

/** Words before an "asked" whose asker goes unnamed: "when asked about ...". */
const ASKED_LEADS = new Set(["when", "if", "as", "after", "once", "before", "until"]);

/** Words that end the agent of "asked by a reporter whether ...". */
const AGENT_STOPS = new Set(["whether", "if", "about", "to", "what", "why", "how", "who", "when", "where"]);

/** `X said (that) ...`, `X, a spokesman, said ...`, `..., noting that ...`. */
function preposed(ctx: Context, cue: TokenRange, sentence: TokenRange, previousSource?: TokenRange): Frame | undefined {
  const cueWord = lower(ctx, cue.end - 1);
  const participle = isParticiple(ctx, cue, sentence);
  // "Hollande said Tuesday in Paris, noting ...": a participle after another cue of the sentence shares its source, unless a later clause has its own subject.
  const later = participle ? lastClauseSubject(ctx, sentence, cue.start) : undefined;
  // Not the "who" of a relative clause: "defensive when forced to defend not paying an architect who said ..., saying ...".
  const relative = previousSource !== undefined && RELATIVES.has(lower(ctx, previousSource.start)) && previousSource.end === previousSource.start + 1;
  // Nor a source inside an opening phrase: "As the White House hints at ..., Abbott is not having any of it, immediately delivering ...".
  const opening = participle && previousSource !== undefined && previousSource.start < mainClauseStart(ctx, sentence, cue.start);
  // Nor one before a semicolon: "Peru denies it; in the speech the leader called them X, while praising Y".
  const clause = participle ? clauseAfterSemicolon(ctx, sentence, cue.start) : sentence;
  const before = previousSource !== undefined && previousSource.start < clause.start;
  const shared = previousSource && !relative && !opening && !before && (!later || later.start < previousSource.start) ? previousSource : later;
  let source: TokenRange | undefined = participle ? (shared ?? clauseSubject(ctx, clause, participleStart(ctx, cue)) ?? subjectAfterOpeningParticiple(ctx, cue, sentence)) : undefined;
  const passive = isPassive(ctx, cue);
  // "was asked about X", "has been criticized for X": a passive whose cue takes a particle has no source either.
  const passiveParticle = !passive && cue.end - 1 > cue.start && PARTICLES.has(lower(ctx, cue.end - 1)) && isPassive(ctx, { start: cue.start, end: cue.end - 1 });
  if (!participle) source = subjectBefore(ctx, cue.start, sentence);
  if (!participle && !source) source = coordinatedSubject(ctx, cue, sentence) ?? relativeThat(ctx, cue, sentence);
  // "Scott has freed up funds and on Monday announced ...", "..., but instead portrayed ...": a circumstance after
  // "and"/"but" is no subject; the verb shares the clause's.
  if (!participle && source && COORDINATED_CIRCUMSTANCES.has(ctx.doc.tokens[source.start]!.text) && ["and", "but"].includes(lower(ctx, source.start - 1))) {
    source = (previousSource && previousSource.start < source.start ? previousSource : undefined) ?? clauseSubject(ctx, sentence, source.start - 1) ?? source;
  }
  // A phrase opened by a preposition is a circumstance, not a speaker: "she said at a news conference announcing ..."
  // shares the earlier cue's speaker; "In a message posted Monday, X said" is no attribution of "posted".
  if (source && PREPOSITIONS.has(lower(ctx, source.start))) {
    if (cueWord.endsWith("ing") && previousSource) source = previousSource;
    else if (cue.end === cue.start + 1 && cueWord.endsWith("ed") && /^\p{Ll}+$/u.test(ctx.doc.tokens[cue.start - 1]!.text)) return undefined;
  }
  // "Clinton is expected to win": PolNeAR gives no source, and the subject joins the content.
  const subjectOfPassive = passive ? source : undefined;
  // "X has been endorsed by dozens of papers": the agent is the source and the subject all the content.
  if (subjectOfPassive && lower(ctx, cue.end) === "by") {
    const agentEnd = sourceAfter(ctx, cue.end + 1, sentence.end, false);
    if (agentEnd > cue.end + 1) return { source: { start: cue.end + 1, end: agentEnd }, content: [subjectOfPassive] };
  }
  source = passive || passiveParticle || isNaming(ctx, cue, source) ? undefined : (source ?? (before ? undefined : previousSource) ?? clauseSubject(ctx, clause, cue.start));
  let from = skipAdverbials(ctx, cue.end, sentence.end);
  // "when asked by a reporter whether ...": a participle's agent asks; what is asked follows it.
  if (!passive && lower(ctx, cue.end) === "by" && /(ed|en)$/.test(cueWord) && (cue.start === sentence.start || ["when", "if", "as", "after", "before", "once", "until", ","].includes(lower(ctx, cue.start - 1)))) {
    let agentEnd = cue.end + 1;
    while (agentEnd < sentence.end && agentEnd - cue.end <= 8 && !AGENT_STOPS.has(lower(ctx, agentEnd)) && !PUNCTUATION_STOPS.has(ctx.doc.tokens[agentEnd]!.text) && !isQuoteMark(ctx.doc.tokens[agentEnd]!.text) && !ctx.isCue[agentEnd]) agentEnd++;
    if (agentEnd > cue.end + 1 && agentEnd < sentence.end - 1 && AGENT_STOPS.has(lower(ctx, agentEnd))) {
      source = { start: cue.end + 1, end: agentEnd };
      from = lower(ctx, agentEnd) === "about" ? agentEnd + 1 : agentEnd;
    }
  }
  // "When asked about the inquiry, she said ...": whoever asks goes unnamed, and PolNeAR gives no source (32 of 37 in train).
  if (lower(ctx, cue.start) === "asked" && lower(ctx, cue.end) !== "by" && (cue.start === sentence.start || ASKED_LEADS.has(lower(ctx, cue.start - 1)))) source = undefined;
  from = skipAddressee(ctx, cueWord, from, sentence.end);
  from = trimRange(ctx, { start: skipAdverbials(ctx, from, sentence.end), end: sentence.end }).start;
  // "Kadzik wouldn't say.": a cue that ends its sentence says nothing to its right; the next sentence is not its content.
  if ([".", "!", "?"].includes(ctx.doc.tokens[from]?.text ?? "") && from === sentence.end - 1) return undefined;
  const speech = SPEECH_CUES.has(cueWord) || lower(ctx, from) === "that" || isQuoteMark(ctx.doc.tokens[from]?.text ?? "");
  const end = ctx.contentEnd && from < sentence.end ? bestEnd(ctx.contentEnd, ctx, cueWord, from, ctx.contentEndScale) : contentEnd(ctx, from, sentence, speech);
  const range = trimRange(ctx, { start: from, end });
  if (range.end - range.start < 1) return undefined;
  return { source, content: subjectOfPassive ? [subjectOfPassive, range] : [range] };
}

/** Lower-case words that open a circumstance between "and"/"but" and a coordinated cue: "and on Monday announced", "but instead portrayed". */
const COORDINATED_CIRCUMSTANCES = new Set("on in during instead then later earlier last yesterday today recently".split(" "));

/** "I laughed and said": a cue after "and" and a past-tense verb shares that verb's subject, a pronoun or a name right before it. */
function coordinatedSubject(ctx: Context, cue: TokenRange, sentence: TokenRange): TokenRange | undefined {
  const verb = cue.start - 2;
  if (verb - 1 < sentence.start || !["and", "but"].includes(lower(ctx, cue.start - 1)) || !/^\p{Ll}+ed$/u.test(ctx.doc.tokens[verb]!.text)) return undefined;
  const subject = ctx.doc.tokens[verb - 1]!;
  if (!PRONOUNS.has(subject.lower) && !/^\p{Lu}/u.test(subject.text)) return undefined;
  const start = sourceBefore(ctx, verb, sentence.start);
  return start < verb ? { start, end: verb } : undefined;
}

/** "standards that prohibit ...": the noun phrase before a relative "that" is the cue's subject. */
function relativeThat(ctx: Context, cue: TokenRange, sentence: TokenRange): TokenRange | undefined {
  const that = cue.start - 1;
  if (that - 1 < sentence.start || lower(ctx, that) !== "that") return undefined;
  const noun = ctx.doc.tokens[that - 1]!;
  if (!/^\p{L}+$/u.test(noun.text) || ctx.isCue[that - 1] || SOURCE_STOPS.has(noun.lower)) return undefined;
  const start = sourceBefore(ctx, that, sentence.start);
  return start < that ? { start, end: that } : undefined;
}

const PREPOSITIONS = new Set("at in on during from into under over through".split(" "));

/** Particles that belong to the cue verb ("called for", "pointed out"). */
const PARTICLES = new Set(["out", "for", "about", "up"]);
const TO_VERBS = new Set("referring referred pointed pleaded responded responding reacted reacting spoke speaking talked talking objected appealed alluded".split(" "));

/** Extends the cue over the auxiliaries and adverbs before it, and over "to" in "according to". */
function cueRange(ctx: Context, i: number, sentence: TokenRange): TokenRange {
  let start = i;
  while (start > sentence.start && isCueModifier(ctx.doc.tokens[start - 1]!.text) && !ctx.isCue[start - 1]) start--;
  let end = lower(ctx, i) === "according" ? i + 2 : i + 1;
  const next = lower(ctx, end);
  const verb = lower(ctx, i);
  if (end < sentence.end && (PARTICLES.has(next) || (next === "to" && TO_VERBS.has(verb)) || (next === "on" && verb.startsWith("call")) || (next === "as" && verb === "known"))) end++;
  return { start, end };
}

/** Quotes that carry on a direct attribution in the following sentences of its paragraph, with no cue of their own. */
function continuation(ctx: Context, last: TokenRange, sentenceIndex: number): TokenRange[] {
  const parts: TokenRange[] = [];
  const { sentences, paragraphOf } = ctx.doc;
  let end = last.end;
  for (let s = sentenceIndex + 1; s < sentences.length; s++) {
    const sentence = sentences[s]!;
    if (sentence.end <= end) continue;
    // A quote may run on into the next paragraph when that one opens with a quote mark.
    if (paragraphOf[sentence.start]! > paragraphOf[end - 1]! + 1) break;
    const region = quoteRegion(ctx, sentence.start);
    if (!region || region.start !== sentence.start) break;
    // A quote of several sentences ends in a later one: its own cue ("..., he added.") stands after it there, or
    // opens the short sentence after a quote that ends with its question (`“...?” Trump said.`).
    const closing = sentences[ctx.sentenceOf[region.end - 1]!]!;
    let tail = Math.max(sentence.end, closing.end);
    const after = sentences[ctx.sentenceOf[region.end - 1]! + 1];
    if (tail === region.end && after && after.end - after.start <= 10 && paragraphOf[after.start] === paragraphOf[region.end - 1]) tail = after.end;
    let cued = false;
    for (let i = region.end; i < tail; i++) if (ctx.isCue[i]) cued = true;
    if (cued) break;
    parts.push(region);
    end = region.end;
  }
  return parts;
}

/** An attribution the rules propose, with the cue score the attribution filter judges it by among its features (filter-model.ts). */
export interface Proposal {
  attribution: Attribution;
  cueScore: number;
  /** Transcript turns and signed quotes are laid out unambiguously: the filter lets them through. */
  certain: boolean;
}

/** Every attribution the rules find around the cues the cue model accepts, before the attribution filter. */
export function proposeAttributions(text: string, options: ExtractOptions = {}): Proposal[] {
  const lexicon = options.lexicon ?? loadLexicon();
  const doc = layout(text);
  const cueScores = scoreCues(doc, lexicon);
  const threshold = options.threshold ?? lexicon.threshold;
  const ctx: Context = {
    text,
    doc,
    isCue: cueScores.map((score) => score > threshold || score === ACCORDING_TO_SCORE),
    sentenceOf: sentenceIndex(doc),
    ...(lexicon.contentEnd ? { contentEnd: lexicon.contentEnd } : {}),
    ...(lexicon.contentEndScale !== undefined ? { contentEndScale: lexicon.contentEndScale } : {}),
  };
  const found: Attribution[] = [];
  const scores: number[] = [];
  const certain = new Set<Attribution>();
  doc.sentences.forEach((sentence, sentenceIndex) => {
    const turn = transcriptFrame(ctx, sentence);
    const colon = turn ?? colonFrame(ctx, sentence);
    if (colon) {
      found.push(colon);
      scores.push(ACCORDING_TO_SCORE);
      if (turn) certain.add(turn);
    }
    const headline = sentenceIndex === 0 ? headlineFrame(ctx, sentence) : undefined;
    if (headline) {
      found.push(headline);
      scores.push(ACCORDING_TO_SCORE);
      certain.add(headline);
    }
    // A later cue without a subject of its own ("..., he said, adding that ...") shares the earlier one's.
    let previousSource: TokenRange | undefined;
    for (let i = sentence.start; i < sentence.end; i++) {
      if (!ctx.isCue[i]) continue;
      const cue = cueRange(ctx, i, sentence);
      const frame =
        lower(ctx, i) === "according"
          ? accordingTo(ctx, cue, sentence)
          : ((isParticiple(ctx, cue, sentence) ? undefined : postposed(ctx, cue, sentence)) ?? preposed(ctx, cue, sentence, previousSource));
      if (!frame) continue;
      previousSource = frame.source ?? previousSource;
      const direct = isDirect(ctx, frame.content[0]!);
      // Quotes opening the next sentences carry on a direct content, or a paraphrase ending at its cue ("..., Schiff said. “The other ...”").
      const carriesOn = direct || (frame.content.length === 1 && frame.content[0]!.end <= cue.start);
      const ranges = carriesOn ? [...frame.content, ...continuation(ctx, frame.content[frame.content.length - 1]!, sentenceIndex)] : frame.content;
      found.push({
        ...(frame.source ? { source: span(ctx, frame.source.start, frame.source.end) } : {}),
        cue: span(ctx, cue.start, cue.end),
        content: content(ctx, ranges),
        quote: direct ? "direct" : "indirect",
      });
      scores.push(cueScores[i]!);
    }
  });
  for (const frame of dashFrames(ctx)) {
    found.push(frame);
    scores.push(ACCORDING_TO_SCORE);
    certain.add(frame);
  }
  return settleNesting(text, found).map((attribution, k) => ({
    attribution,
    cueScore: scores[k]!,
    certain: certain.has(found[k]!),
  }));
}

export function findAttributions(text: string, options: ExtractOptions = {}): Attribution[] {
  const lexicon = options.lexicon ?? loadLexicon();
  const proposals = proposeAttributions(text, options);
  const filter = options.unfiltered ? undefined : lexicon.filter;
  if (!filter) return proposals.map((p) => p.attribution);
  return markNested(proposals.filter((p) => p.certain || filterScore(filter.weights, p.attribution, p.cueScore, lexicon.vectors) > filter.threshold).map(({ attribution: { nestedIn: _, ...a } }) => a));
}

/** The end (exclusive) of the paragraph holding token i. */
function paragraphEnd(ctx: Context, i: number): number {
  let end = i + 1;
  while (end < ctx.doc.tokens.length && ctx.doc.paragraphOf[end] === ctx.doc.paragraphOf[i]) end++;
  return end;
}

function paragraphStart(ctx: Context, i: number): number {
  let start = i;
  while (start > 0 && ctx.doc.paragraphOf[start - 1] === ctx.doc.paragraphOf[i]) start--;
  return start;
}

/** A transcript turn: a speaker's name in capitals opening a paragraph, maybe after a quote mark ("PENCE: Well, look, ..."). */
function transcriptFrame(ctx: Context, sentence: TokenRange): Attribution | undefined {
  let from = sentence.start;
  // Only a paragraph's first sentence (checked on the token before, not by walking back to the paragraph's start for every sentence).
  if (from > 0 && ctx.doc.paragraphOf[from - 1] === ctx.doc.paragraphOf[from]) return undefined;
  if (isQuoteMark(ctx.doc.tokens[from]!.text)) from++;
  let colon = from;
  while (colon < Math.min(sentence.end, from + 4) && ctx.doc.tokens[colon]!.text !== ":") colon++;
  if (ctx.doc.tokens[colon]?.text !== ":") return undefined;
  const name = ctx.doc.tokens.slice(from, colon);
  if (name.length === 0 || !name.every((t) => /^[\p{Lu}.'’-]+$/u.test(t.text) && t.text !== "Q" && t.text !== "A")) return undefined;
  if (isLabel(ctx, from, colon)) return undefined;
  const range = trimRange(ctx, { start: colon + 1, end: paragraphEnd(ctx, colon) });
  if (range.end > range.start && isQuoteMark(ctx.doc.tokens[range.end - 1]!.text) && ctx.doc.quoteOf[range.end - 1] !== ctx.doc.quoteOf[range.start]) range.end--;
  if (range.end <= range.start) return undefined;
  return { source: span(ctx, from, colon), cue: span(ctx, colon, colon + 1), content: content(ctx, [range]), quote: "direct" };
}

/** Labels newsrooms put before a colon: they head a note, a link or a headline, nobody says what follows. */
const LABELS = new Set("update updated correction clarification editor's editor’s note breaking exclusive video watch look email byline photos photo related read more".split(" "));

function isLabel(ctx: Context, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (!LABELS.has(lower(ctx, j))) return false;
  return to > from;
}

/** `Poll: Trump a big turnoff for Latino voters`, `Q: ...`: a short name, a colon, then what it says. */
function colonFrame(ctx: Context, sentence: TokenRange): Attribution | undefined {
  for (let i = sentence.start + 1; i < Math.min(sentence.end - 2, sentence.start + 6); i++) {
    const token = ctx.doc.tokens[i]!;
    if (token.text !== ":") {
      if (PUNCTUATION_STOPS.has(token.text) || isQuoteMark(token.text) || SOURCE_STOPS.has(token.lower) || ctx.isCue[i]) return undefined;
      continue;
    }
    // "Said Ellis: ...": the sentence's cue opens it (see openingCue).
    if (!/^\p{Lu}/u.test(ctx.doc.tokens[sentence.start]!.text) || ctx.isCue[sentence.start]) return undefined;
    // "For one:", "Among them:", "The implication is clear:", "UPDATE:": an opening phrase, a clause or a label, not a speaker.
    if ((INTRO_WORDS.has(lower(ctx, sentence.start)) || ["thus", "among", "now", "even"].includes(lower(ctx, sentence.start)) || isLabel(ctx, sentence.start, i))) return undefined;
    let finite = false;
    for (let j = sentence.start + 1; j < i; j++) if (BE.has(lower(ctx, j)) || ["has", "have", "had"].includes(lower(ctx, j))) finite = true;
    if (finite) return undefined;
    const range = trimRange(ctx, { start: i + 1, end: sentence.end });
    if (range.end - range.start < 3) return undefined;
    for (let j = range.start; j < range.end; j++) if (ctx.isCue[j]) return undefined;
    const direct = isDirect(ctx, range);
    // An interview's "Q:" and "A:" name no one.
    const interview = i === sentence.start + 1 && /^[QA]$/.test(ctx.doc.tokens[sentence.start]!.text);
    return { ...(interview ? {} : { source: span(ctx, sentence.start, i) }), cue: span(ctx, i, i + 1), content: content(ctx, [range]), quote: direct ? "direct" : "indirect" };
  }
  return undefined;
}

const DASHES = new Set(["―", "—", "–", "-", "--"]);

/** Speech verbs as headlines write them, capitalised: "Trump’s Son Says The Battle ... Will Be Unprecedented". */
const HEADLINE_CUES = new Set("says said say claims claimed warns warned slams slammed calls tells told urges urged admits admitted reveals revealed insists vows predicts argues accuses blames suggests".split(" "));
const HEADLINE_BREAKS = new Set([":", ...DASHES]);

/**
 * A title-case headline opening the document with a capitalised speech verb, which the cue model never sees
 * (it skips capitalised words inside a sentence): "Obama Says Museum Will Tell of 'Suffering and Delight.'"
 * (the name before the verb, the rest after it) or "Clinton Hid Health Problems, Former Doctor Says." (the part
 * before the last comma said by the name after it).
 */
function headlineFrame(ctx: Context, sentence: TokenRange): Attribution | undefined {
  const { tokens } = ctx.doc;
  if (sentence.start !== 0) return undefined;
  let words = 0;
  let capitalised = 0;
  for (let i = sentence.start; i < sentence.end; i++) {
    if (!/^\p{L}/u.test(tokens[i]!.text)) continue;
    words++;
    if (/^[\p{Lu}\d]/u.test(tokens[i]!.text) || ["a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "at", "by", "with", "is"].includes(tokens[i]!.text)) capitalised++;
  }
  if (words < 4 || capitalised < words * 0.8) return undefined;
  let cue = -1;
  for (let i = sentence.start + 1; i < sentence.end; i++) {
    if (HEADLINE_CUES.has(tokens[i]!.lower) && /^\p{Lu}/u.test(tokens[i]!.text) && ctx.doc.quoteOf[i] === -1) {
      cue = i;
      break;
    }
  }
  if (cue < 0) return undefined;
  let end = sentence.end;
  while (end > cue + 1 && /^[.!?]$/.test(tokens[end - 1]!.text)) end--;
  let start = cue;
  while (start > sentence.start && !HEADLINE_BREAKS.has(tokens[start - 1]!.text) && tokens[start - 1]!.text !== ",") start--;
  if (end === cue + 1) {
    // "..., Lindsey Graham Says.": the content is what comes before the comma.
    if (tokens[start - 1]?.text !== "," || start === cue) return undefined;
    let from = start - 1;
    while (from > sentence.start && !HEADLINE_BREAKS.has(tokens[from - 1]!.text)) from--;
    const range = trimRange(ctx, { start: from, end: start - 1 });
    if (range.end - range.start < 2) return undefined;
    return { source: span(ctx, start, cue), cue: span(ctx, cue, cue + 1), content: content(ctx, [range]), quote: "indirect" };
  }
  let sourceEnd = cue;
  while (sourceEnd > start && isCueModifier(tokens[sourceEnd - 1]!.lower)) sourceEnd--;
  if (sourceEnd === start || tokens[start - 1]?.text === ",") return undefined;
  const range = trimRange(ctx, { start: cue + 1, end });
  if (range.end - range.start < 2) return undefined;
  return { source: span(ctx, start, sourceEnd), cue: span(ctx, cue, cue + 1), content: content(ctx, [range]), quote: "indirect" };
}

/** The capitalised name after a dash, when nothing but a handle, a date or the paragraph's end follows it ("— Paul Ryan (@SpeakerRyan)"). */
function signature(ctx: Context, dash: number): TokenRange | undefined {
  const end = paragraphEnd(ctx, dash);
  let i = dash + 1;
  while (i < end && i - dash <= 6 && /^(\p{Lu}|\.$|-$)/u.test(ctx.doc.tokens[i]!.text)) i++;
  if (i === dash + 1) return undefined;
  const next = ctx.doc.tokens[i];
  const closes = i >= end || next!.text === "(" || next!.text === "<" || (next!.text === "." && i + 1 >= end);
  const last = ctx.doc.tokens[i - 1]!.text === "." ? i - 1 : i;
  // A name has a capitalised word: "—. (CROSSTALK.)" ends a cut-off transcript turn, it signs nothing.
  return closes && last > dash + 1 ? { start: dash + 1, end: last } : undefined;
}

/**
 * A quote signed with a dash: `“...” ― Sonya Herridge`, a tweet's `... — Paul Ryan (@SpeakerRyan) July 5`, or a
 * paragraph `- Bernie Sanders.` under the quoted paragraph. The dash is the cue.
 */
function dashFrames(ctx: Context): Attribution[] {
  const found: Attribution[] = [];
  ctx.doc.tokens.forEach((token, dash) => {
    if (!DASHES.has(token.text) || ctx.doc.quoteOf[dash] !== -1) return;
    const source = signature(ctx, dash);
    if (!source) return;
    const start = paragraphStart(ctx, dash);
    let range: TokenRange;
    if (start === dash) {
      if (dash === 0) return;
      range = { start: paragraphStart(ctx, dash - 1), end: dash };
    } else if (isClosingQuoteAt(ctx, dash - 1)) range = quoteRegion(ctx, dash - 1)!;
    else {
      let from = start;
      for (let k = start; k < dash; k++) if (ctx.doc.tokens[k]!.text === ">") from = k + 1;
      range = { start: from, end: dash };
    }
    range = trimRange(ctx, range);
    if (range.end - range.start < 3) return;
    found.push({
      source: span(ctx, source.start, source.end),
      cue: span(ctx, dash, dash + 1),
      content: content(ctx, [range]),
      quote: isDirect(ctx, range) ? "direct" : "indirect",
    });
  });
  return found;
}

const MIN_CONTENT_CHARS = 15;

function within(span: Span, content: ContentSpan): boolean {
  return (content.parts ?? [content]).some((p) => p.start <= span.start && span.end <= p.end);
}

/** The content cut at `cut`, without the separators before it; undefined when too little would be left. */
function cutContent(text: string, content: ContentSpan, cut: number): ContentSpan | undefined {
  const parts: Span[] = [];
  for (const part of content.parts ?? [content]) {
    if (part.start >= cut) break;
    const kept = text.slice(part.start, Math.min(part.end, cut)).replace(/(?:[\s,;:—–-]|\band|\bbut)+$/u, "");
    if (kept) parts.push({ start: part.start, end: part.start + kept.length, text: kept });
  }
  if (parts.reduce((sum, p) => sum + p.end - p.start, 0) < MIN_CONTENT_CHARS) return undefined;
  const last = parts[parts.length - 1]!;
  const whole: ContentSpan = { start: parts[0]!.start, end: last.end, text: text.slice(parts[0]!.start, last.end) };
  if (parts.length > 1) whole.parts = parts;
  return whole;
}

/** An attribution after these belongs to the outer content's clause ("X said Y was right when he said ..."): it is nested, not a cut. */
const SUBORDINATORS = new Set("when because after before if while as since although though whether".split(" "));

/** Text ending at a clause boundary: punctuation (maybe closing a quote), or "and"/"but". */
const CLAUSE_END = /(?:[,;:—–\-.!?](?:[”"']|'')?|\band|\bbut)\s*$/u;
/** "and"/"but" with no comma before it ends a clause only when a subject follows ("... and Jones said"), not a noun ("shootings and protests demands"). */
const BARE_CONJUNCTION = /[^,]\s+(?:and|but)\s*$/u;
const SUBJECT_START = /^(?:\p{Lu}|(?:he|she|they|we|i|it|you)$)/u;
/** "X, who saw the comment as ...": a relative clause has an attribution of its own. */
const RELATIVE_SOURCE = /^(?:who|which)$/i;
/** "the funding system, which advocates say disadvantages ...": the relative is in the inner content, which stays nested in the outer. */
const RELATIVE_OBJECT = /^(?:who|whom|which)\s+\S/i;

/** Whether the content has a clause of its own before `cut`: a relative right after the content's first noun phrase does not. */
function clauseEndsBefore(text: string, content: ContentSpan, cut: number): boolean {
  return /[;:.!?]/.test(text.slice(content.start, cut).replace(/\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov)\./g, ""));
}

function wordBefore(text: string, at: number): string {
  return (/([\p{L}’']+)\W*$/u.exec(text.slice(Math.max(0, at - 30), at))?.[1] ?? "").toLowerCase();
}

/**
 * Settles attributions that fall inside another's content. When the outer content still says something
 * before the inner attribution starts ("..., adding that ...", "... , he said, ''I hope not.''"), the outer
 * content ends there, provided a clause ends there too; otherwise the inner one is nested ("the magazine said [the group warned ...]").
 */
function settleNesting(text: string, found: Attribution[]): Attribution[] {
  const cues = cuesWithin(found);
  const settled = found.map((outer, k) => {
    const inner = cues[k]!.map((j) => found[j]!).filter((other) => other !== outer);
    if (inner.length === 0) return outer;
    // A source before the outer content is shared ("X criticized A and said B"), not part of the inner attribution's place.
    // So is a content before it ("..., according to X" holds the outer attribution itself).
    const starts = (b: Attribution): number[] => [b.cue.start, ...[b.content, b.source ?? b.content].filter((s) => s.start >= outer.content.start).map((s) => s.start)];
    const cut = Math.min(...inner.flatMap(starts));
    if (cut <= outer.content.start || SUBORDINATORS.has(wordBefore(text, cut)) || inner.some((b) => RELATIVE_OBJECT.test(b.source?.text ?? ""))) return outer;
    // Inside a clause ("that the ad suggests ...", "she hopes ..., but she knows ...") the inner cue is part of the content.
    const before = text.slice(Math.max(outer.content.start, cut - 40), cut);
    const clauseEnds = CLAUSE_END.test(before) && (!BARE_CONJUNCTION.test(before) || inner.some((b) => SUBJECT_START.test(b.source?.text ?? "")));
    const relative = inner.some((b) => RELATIVE_SOURCE.test(b.source?.text ?? ""));
    if (!clauseEnds && !relative) return outer;
    // "Scott's relatives, who asked ..., watched it, attorneys said": a relative clause inside a content before its cue
    // is part of it; the content carries on after the clause up to the cue.
    if (relative && !clauseEndsBefore(text, outer.content, cut) && outer.content.end <= outer.cue.start) return outer;
    const content = cutContent(text, outer.content, cut);
    return content ? { ...outer, content } : outer;
  });
  return markNested(settled);
}

function markNested(found: Attribution[]): Attribution[] {
  // Each attribution is nested in the first other one whose content holds its cue.
  const outer = new Map<number, number>();
  cuesWithin(found).forEach((inner, j) => {
    for (const i of inner) if (i !== j && !outer.has(i)) outer.set(i, j);
  });
  return found.map((attribution, index) => (outer.has(index) ? { ...attribution, nestedIn: outer.get(index)! } : attribution));
}

/**
 * For each attribution, in index order, the indices of the attributions whose cue lies within its
 * content (itself included if so). Cues are looked up by start, so a document with thousands of
 * attributions (a book-length text, one 5 MB "sentence") costs n log n, not n² comparisons.
 */
function cuesWithin(found: Attribution[]): number[][] {
  const byStart = found.map((_, i) => i).sort((a, b) => found[a]!.cue.start - found[b]!.cue.start);
  return found.map((outer) => {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (found[byStart[mid]!]!.cue.start < outer.content.start) lo = mid + 1;
      else hi = mid;
    }
    const inner: number[] = [];
    for (let i = lo; i < byStart.length && found[byStart[i]!]!.cue.start <= outer.content.end; i++) {
      if (within(found[byStart[i]!]!.cue, outer.content)) inner.push(byStart[i]!);
    }
    return inner.sort((a, b) => a - b);
  });
}
