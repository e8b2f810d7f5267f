import type { QuoteKind } from "../../model/index.js";

/** A character span of the input text: `text === input.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Content may be discontinuous (a quote interrupted by `, he said, ` or continued in the next sentence). */
export interface ContentSpan extends Span {
  /** The fragments, in order, when there is more than one; `start`/`end` then cover them all. */
  parts?: Span[];
}

/** Who (source) said (cue) what (content). A missing source: the text does not name one (e.g. "..., noting that ..."). */
export interface Attribution {
  source?: Span;
  cue: Span;
  content: ContentSpan;
  quote: QuoteKind;
  /** Index (in the returned array) of the attribution whose content holds this one: "the magazine said the group warned ...". */
  nestedIn?: number;
}
