import type { Claim, TimeValue, Timex } from "../model/index.js";
import type { AnalysedDoc } from "./doc.js";

/**
 * Who an item found in [start, end) is attributed to: the speaker of a claim whose content holds
 * it (what an actor only claims is never a fact), else null, the document itself.
 */
export function claimantOf(doc: AnalysedDoc, start: number, end: number): string | null {
  const { spans, longest } = claimSpans(doc);
  // The first claim in document order wins; a span holding [start, end) starts no earlier than `end - longest`.
  let first: { claim: Claim; order: number } | undefined;
  for (let i = firstFrom(spans, end - longest); i < spans.length && spans[i]!.start <= start; i++) {
    const span = spans[i]!;
    if (end <= span.end && (!first || span.order < first.order)) first = span;
  }
  return first?.claim.speaker ?? null;
}

/**
 * The time of an item in sentence `sentence`: the nearest date expression at or after `from` in
 * that sentence (else the nearest before it), normalised against the document date.
 */
export function timeNear(doc: AnalysedDoc, sentence: number, from: number): TimeValue | undefined {
  const dates = datesBySentence(doc)[sentence] ?? [];
  const after = dates.find((t) => t.start >= from);
  return (after ?? dates[dates.length - 1])?.value;
}

interface ClaimSpan {
  start: number;
  end: number;
  claim: Claim;
  /** The claim's place in `doc.claims`. */
  order: number;
}

/**
 * Every claim's provenance spans by start, built once for the relation and event components that
 * ask of each item found (a long document has thousands of claims); built anew when claims are added.
 */
const claimIndex = new WeakMap<AnalysedDoc, { claims: Claim[]; length: number; spans: ClaimSpan[]; longest: number }>();

function claimSpans(doc: AnalysedDoc): { spans: ClaimSpan[]; longest: number } {
  const known = claimIndex.get(doc);
  if (known?.claims === doc.claims && known.length === doc.claims.length) return known;
  const spans = doc.claims.flatMap((claim, order) => claim.provenance.map((p) => ({ start: p.start, end: p.end, claim, order })));
  spans.sort((a, b) => a.start - b.start);
  const longest = spans.reduce((most, s) => Math.max(most, s.end - s.start), 0);
  const index = { claims: doc.claims, length: doc.claims.length, spans, longest };
  claimIndex.set(doc, index);
  return index;
}

/** The index of the first span starting at or after `offset`. */
function firstFrom(spans: readonly ClaimSpan[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Per sentence, the dates it holds that name a year, in `doc.timexes` order; built anew when the timexes change. */
const dateIndex = new WeakMap<AnalysedDoc, { timexes: Timex[]; length: number; bySentence: Timex[][] }>();

function datesBySentence(doc: AnalysedDoc): Timex[][] {
  const known = dateIndex.get(doc);
  if (known?.timexes === doc.timexes && known.length === doc.timexes.length) return known.bySentence;
  const bySentence: Timex[][] = [];
  for (const t of doc.timexes) {
    if (t.type !== "DATE" || !/^\d{4}/.test(t.value)) continue;
    // Sentences follow one another, so only the one where it starts (or, for an empty span at a boundary, the one before) can hold it.
    for (let i = doc.sentenceAt(t.start); i >= 0 && doc.sentences[i]!.end >= t.end; i--) {
      const s = doc.sentences[i]!;
      if (t.start >= s.start && t.end <= s.end) (bySentence[i] ??= []).push(t);
    }
  }
  dateIndex.set(doc, { timexes: doc.timexes, length: doc.timexes.length, bySentence });
  return bySentence;
}
