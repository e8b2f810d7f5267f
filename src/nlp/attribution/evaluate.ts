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
