/** Runs the extractor over a brat directory and scores it against the gold (see score.ts for the matching rules). */
import { readBratDir, type BratDocument } from "./brat.js";
import { findAttributions, type ExtractOptions } from "./extract.js";
import { addCounts, prf, scoreDocument, type Counts, type Prf } from "./score.js";

export interface Evaluation {
  documents: number;
  attribution: Prf;
  content: Prf;
  cue: Prf;
}

const ZERO: Counts = { truePositives: 0, predicted: 0, gold: 0 };

export function evaluateDocuments(documents: BratDocument[], options: ExtractOptions = {}): Evaluation {
  let attribution = ZERO;
  let content = ZERO;
  let cue = ZERO;
  for (const document of documents) {
    const scores = scoreDocument(findAttributions(document.text, options), document.attributions);
    attribution = addCounts(attribution, scores.attribution);
    content = addCounts(content, scores.content);
    cue = addCounts(cue, scores.cue);
  }
  return { documents: documents.length, attribution: prf(attribution), content: prf(content), cue: prf(cue) };
}

export function evaluateDir(dir: string, options: ExtractOptions = {}): Evaluation {
  return evaluateDocuments(readBratDir(dir), options);
}

/** How well scores rank a binary label: average precision, the best F1 of any cut, and F1 of the cut at 0 (the model's own). */
export interface RankingFigures {
  averagePrecision: number;
  bestF1: number;
  f1AtZero: number;
  positives: number;
}

export function rankingFigures(scored: readonly { score: number; positive: boolean }[]): RankingFigures {
  const sorted = [...scored].sort((a, b) => b.score - a.score);
  const positives = sorted.filter((x) => x.positive).length;
  let truePositives = 0;
  let precisionSum = 0;
  let bestF1 = 0;
  let f1AtZero = 0;
  sorted.forEach((x, k) => {
    if (x.positive) precisionSum += ++truePositives / (k + 1);
    const f1 = (2 * truePositives) / (k + 1 + positives);
    bestF1 = Math.max(bestF1, f1);
    if (x.score > 0) f1AtZero = f1;
  });
  return { averagePrecision: positives ? precisionSum / positives : 0, bestF1, f1AtZero, positives };
}
