export { findAttributions, type ExtractOptions } from "./extract.js";
export type { Attribution, ContentSpan, Span } from "./types.js";
export { parseAnn, readBratDir, listBratPairs, type GoldAttribution, type BratDocument } from "./brat.js";
export { scoreDocument, overlapRatio, CONTENT_OVERLAP } from "./score.js";
export { evaluateDir, evaluateDocuments, type Evaluation } from "./evaluate.js";
