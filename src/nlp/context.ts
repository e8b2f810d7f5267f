import type { Claim, TimeValue, Timex } from "../model/index.js";
import { type AnalysedDoc, firstStartingFrom } from "./doc.js";

/**
 * Who an item found in [start, end) is attributed to: the speaker of a claim whose content holds
 * it (what an actor only claims is never a fact), else null, the document itself.
 */
export function claimantOf(doc: AnalysedDoc, start: number, end: number): string | null {
  const { spans, longest } = claimSpans(doc);
  // The first claim in document order wins; a span holding [start, end) starts no earlier than `end - longest`.
  let first: { claim: Claim; order: number } | undefined;
  for (let i = firstStartingFrom(spans, end - longest); i < spans.length && spans[i]!.start <= start; i++) {
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

/** The last claim, in `doc.claims` order, whose first provenance span lies between `start` and `end`. */
export function lastClaimWithin(doc: AnalysedDoc, start: number, end: number): Claim | undefined {
  const { spans } = claimSpans(doc);
  let last: ClaimSpan | undefined;
  for (let i = firstStartingFrom(spans, start); i < spans.length && spans[i]!.start <= end; i++) {
    const span = spans[i]!;
    if (span.first && span.end <= end && (!last || span.order > last.order)) last = span;
  }
  return last?.claim;
}

/** The provenance spans of claims that share at least one character with [start, end). */
export function claimSpansMeeting(doc: AnalysedDoc, start: number, end: number): ClaimSpan[] {
  const { spans, longest } = claimSpans(doc);
  const meeting: ClaimSpan[] = [];
  // A span ending after `start` starts after `start - longest`.
  for (let i = firstStartingFrom(spans, start - longest + 1); i < spans.length && spans[i]!.start < end; i++) if (spans[i]!.end > start) meeting.push(spans[i]!);
  return meeting;
}

export interface ClaimSpan {
  start: number;
  end: number;
  claim: Claim;
  /** The claim's place in `doc.claims`. */
  order: number;
  /** Whether it is the claim's first provenance span. */
  first: boolean;
}

/**
 * Every claim's provenance spans by start, for the claim, relation and event components that
 * ask of each item found (a long document has thousands of claims): extended as claims are
 * added, built anew when the claims are replaced.
 */
const claimIndex = new WeakMap<AnalysedDoc, { claims: Claim[]; length: number; spans: ClaimSpan[]; longest: number }>();

function claimSpans(doc: AnalysedDoc): { spans: ClaimSpan[]; longest: number } {
  let index = claimIndex.get(doc);
  if (index?.claims !== doc.claims || index.length > doc.claims.length) claimIndex.set(doc, (index = { claims: doc.claims, length: 0, spans: [], longest: 0 }));
  for (; index.length < doc.claims.length; index.length++) {
    const claim = doc.claims[index.length]!;
    claim.provenance.forEach((p, i) => {
      index.spans.splice(firstStartingFrom(index.spans, p.start + 1), 0, { start: p.start, end: p.end, claim, order: index.length, first: i === 0 });
      index.longest = Math.max(index.longest, p.end - p.start);
    });
  }
  return index;
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
