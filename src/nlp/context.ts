import type { TimeValue } from "../model/index.js";
import type { AnalysedDoc } from "./doc.js";

/**
 * Who an item found in [start, end) is attributed to: the speaker of a claim whose content holds
 * it (what an actor only claims is never a fact), else null, the document itself.
 */
export function claimantOf(doc: AnalysedDoc, start: number, end: number): string | null {
  const claim = doc.claims.find((c) => c.provenance.some((p) => p.start <= start && end <= p.end));
  return claim?.speaker ?? null;
}

/**
 * The time of an item in sentence `sentence`: the nearest date expression at or after `from` in
 * that sentence (else the nearest before it), normalised against the document date.
 */
export function timeNear(doc: AnalysedDoc, sentence: number, from: number): TimeValue | undefined {
  const s = doc.sentences[sentence]!;
  const dates = doc.timexes.filter((t) => t.type === "DATE" && t.start >= s.start && t.end <= s.end && /^\d{4}/.test(t.value));
  const after = dates.find((t) => t.start >= from);
  return (after ?? dates[dates.length - 1])?.value;
}
