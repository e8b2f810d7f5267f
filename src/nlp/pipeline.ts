import type { Document, DocumentAnalysis } from "../model/index.js";

/** Runs every NLP component over one document. Filled in by the pipeline work (see src/nlp/). */
export function analyse(document: Document): DocumentAnalysis {
  return { document, actors: [], mentions: [], relations: [], events: [], claims: [], timexes: [] };
}
