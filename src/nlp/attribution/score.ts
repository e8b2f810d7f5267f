/**
 * Scores predicted attributions against PolNeAR gold, the way PolNeAR annotates:
 * - Content spans match when they share at least half of the longer one's characters:
 *   |pred ∩ gold| / max(|pred|, |gold|) ≥ 0.5 (fragments of a discontinuous span are counted together), so a
 *   content neither much longer nor much shorter than the gold one passes.
 * - The source is right when the predicted source span overlaps the gold source span by at least one character, or
 *   when both are absent. PolNeAR's guidelines annotate the source as written, without resolving coreference
 *   (pronouns "he", "we", possessives "Trump's claim", relative "who" are the source spans), so a coreferent
 *   mention elsewhere does not count; a predicted source where the gold has none (passives, "it is said") is wrong.
 * - Cues match when they overlap. Matching is one-to-one, best overlap first.
 * - Nested attributions: the guidelines annotate only the outermost one, so a prediction whose cue lies in another
 *   prediction's content is left out of the counts; the outer one is scored.
 * - Each .ann file is scored on its own (PolNeAR has several annotators' files for some articles).
 */
import type { Fragments, GoldAttribution } from "./brat.js";
import type { Attribution, ContentSpan, Span } from "./types.js";

export const CONTENT_OVERLAP = 0.5;

export interface Counts {
  truePositives: number;
  predicted: number;
  gold: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface AttributionScores {
  /** Content matches and the source is right. */
  attribution: Counts;
  content: Counts;
  cue: Counts;
}

function length(fragments: Fragments): number {
  return fragments.reduce((sum, f) => sum + f.end - f.start, 0);
}

export function overlap(a: Fragments, b: Fragments): number {
  let shared = 0;
  for (const x of a) for (const y of b) shared += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return shared;
}

/** |a ∩ b| / max(|a|, |b|): 1 for identical spans, 0 for disjoint ones. */
export function overlapRatio(a: Fragments, b: Fragments): number {
  const longest = Math.max(length(a), length(b));
  return longest === 0 ? 0 : overlap(a, b) / longest;
}

export function contentFragments(content: ContentSpan): Fragments {
  return (content.parts ?? [content]).map(({ start, end }) => ({ start, end }));
}

function spanFragments(span: Span | undefined): Fragments | undefined {
  return span ? [{ start: span.start, end: span.end }] : undefined;
}

export function sourcesAgree(predicted: Fragments | undefined, gold: Fragments | undefined): boolean {
  if (!predicted || !gold) return !predicted && !gold;
  return overlap(predicted, gold) > 0;
}

/** Greedy one-to-one matching of the pairs whose score passes, highest score first. */
function countMatches(predicted: number, gold: number, score: (p: number, g: number) => number | undefined): number {
  const pairs: { p: number; g: number; s: number }[] = [];
  for (let p = 0; p < predicted; p++) {
    for (let g = 0; g < gold; g++) {
      const s = score(p, g);
      if (s !== undefined) pairs.push({ p, g, s });
    }
  }
  pairs.sort((a, b) => b.s - a.s);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  for (const { p, g } of pairs) {
    if (usedP.has(p) || usedG.has(g)) continue;
    usedP.add(p);
    usedG.add(g);
  }
  return usedP.size;
}

/** Scores one document (see the top of this file for the rules). */
export function scoreDocument(predictions: Attribution[], gold: GoldAttribution[]): AttributionScores {
  const top = predictions.filter((p) => p.nestedIn === undefined);
  const predContent = top.map((p) => contentFragments(p.content));
  const predSource = top.map((p) => spanFragments(p.source));
  const withContent = gold.filter((g): g is GoldAttribution & { content: Fragments } => (g.content?.length ?? 0) > 0);
  const contentScore = (p: number, g: number): number | undefined => {
    const ratio = overlapRatio(predContent[p]!, withContent[g]!.content);
    return ratio >= CONTENT_OVERLAP ? ratio : undefined;
  };
  const withCue = gold.filter((g): g is GoldAttribution & { cue: Fragments } => (g.cue?.length ?? 0) > 0);
  const predCue = top.map((p) => [{ start: p.cue.start, end: p.cue.end }]);
  return {
    attribution: {
      truePositives: countMatches(top.length, withContent.length, (p, g) =>
        sourcesAgree(predSource[p], withContent[g]!.source) ? contentScore(p, g) : undefined,
      ),
      predicted: top.length,
      gold: withContent.length,
    },
    content: { truePositives: countMatches(top.length, withContent.length, contentScore), predicted: top.length, gold: withContent.length },
    cue: {
      truePositives: countMatches(top.length, withCue.length, (p, g) => {
        const shared = overlap(predCue[p]!, withCue[g]!.cue);
        return shared > 0 ? shared : undefined;
      }),
      predicted: top.length,
      gold: withCue.length,
    },
  };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { truePositives: a.truePositives + b.truePositives, predicted: a.predicted + b.predicted, gold: a.gold + b.gold };
}

export function prf(counts: Counts): Prf {
  const precision = counts.predicted ? counts.truePositives / counts.predicted : 0;
  const recall = counts.gold ? counts.truePositives / counts.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...counts, precision, recall, f1 };
}
