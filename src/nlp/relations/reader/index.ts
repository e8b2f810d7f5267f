/**
 * The learned clause reader as a pipeline component: after the hand-written patterns, it reads every
 * pair of actors a sentence names and adds the relations and events its model is sure of that the
 * rules did not find. What it reads inside a speaker's words is that speaker's claim, never a fact.
 */
import { isPredicate } from "../../../model/index.js";
import { claimantOf, timeNear } from "../../context.js";
import type { AnalysedDoc, Component, MentionSpan } from "../../doc.js";
import { type Pair, PairReader } from "./features.js";
import { type Reading, ReaderModel, readingOf } from "./model.js";

export const READER_COMPONENT = "relation-reader";

/** Confidence of what the reader adds: below the patterns' 0.6-0.8, since it reads phrasings no rule was written for. */
const CONFIDENCE = 0.5;

/** A pair's best reading with its margin over NONE, before any decision. */
export interface Scored {
  pair: Pair;
  reading: Reading;
  margin: number;
}

/** Every pair of the document the reader may add to, with the model's best reading of it. */
export function readPairs(doc: AnalysedDoc, model: ReaderModel, reader: PairReader): Scored[] {
  const out: Scored[] = [];
  for (let s = 0; s < doc.sentences.length; s++) {
    for (const pair of reader.pairs(doc, s, (left, right) => open(doc, left, right))) {
      const { cls, margin } = model.predict(pair.features, pair.types);
      const reading = readingOf(cls);
      if (reading) out.push({ pair, reading, margin });
    }
  }
  return out;
}

/**
 * Adds one reading as a relation or event, between two named mentions that the document links in no
 * other way yet; returns whether it was added. Two checks chosen by cross-validation (scripts/reader-cv.ts):
 * a pronoun or description as one end made most of the reader's wrong additions (a wrong antecedent
 * is read as confidently as a right one), and where the rules already link the two, their reading,
 * span and attribution stand.
 */
export function addReading(doc: AnalysedDoc, { pair, reading }: Scored): boolean {
  if (!open(doc, pair.left, pair.right)) return false;
  const [subject, object] = reading.leftIsSubject ? [pair.left.entity!, pair.right.entity!] : [pair.right.entity!, pair.left.entity!];
  const start = pair.left.start;
  const end = pair.right.end;
  // Inside a speaker's words it is the speaker's claim, never the document's fact.
  const attributed_to = claimantOf(doc, start, end);
  const time = timeNear(doc, pair.sentence, start);
  const provenance = [doc.provenance(start, end)];
  if (isPredicate(reading.label)) doc.relations.push({ subject, predicate: reading.label, object, time, attributed_to, confidence: CONFIDENCE, provenance });
  else doc.events.push({ type: reading.label, source: subject, target: object, time: time ?? doc.document.date, attributed_to, confidence: CONFIDENCE, provenance });
  return true;
}

/** Whether the reader may add a link between two mentions: both named, their actors not yet linked either way. */
function open(doc: AnalysedDoc, left: MentionSpan, right: MentionSpan): boolean {
  if (left.anaphoric || right.anaphoric) return false;
  const [a, b] = [left.entity, right.entity];
  const links = (s: string, o: string | null) => (s === a && o === b) || (s === b && o === a);
  return !doc.relations.some((r) => links(r.subject, r.object)) && !doc.events.some((e) => links(e.source, e.target));
}

let shared: ReaderModel | undefined;

export class RelationReader implements Component {
  readonly name = READER_COMPONENT;

  constructor(
    private readonly model?: ReaderModel,
    private readonly reader = new PairReader(),
  ) {}

  run(doc: AnalysedDoc): void {
    const model = this.model ?? (shared ??= ReaderModel.load());
    const { threshold, labels } = model.decision;
    if (labels.length === 0) return;
    for (const scored of readPairs(doc, model, this.reader)) {
      if (scored.margin >= threshold && labels.includes(scored.reading.label)) addReading(doc, scored);
    }
  }
}
