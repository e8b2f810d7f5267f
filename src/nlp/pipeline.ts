import type { Actor, Document, DocumentAnalysis, Mention } from "../model/index.js";
import { InDocumentResolver } from "../resolve/in-document.js";
import { ArmedClashes } from "./armed-clashes.js";
import { CameoEventCoder } from "./cameo-events.js";
import { AttributionClaims, ClaimFinder } from "./claims.js";
import { AnalysedDoc, type Component } from "./doc.js";
import { EventFinder } from "./events.js";
import { MentionFinder } from "./mentions.js";
import { RelationFinder } from "./relations/patterns.js";
import { RelationReader } from "./relations/reader/index.js";
import { SpeechActEvents } from "./speech-events.js";
import { extractTimexes } from "./timex/index.js";
import { tokenizer } from "./tokenize.js";

const timexer: Component = {
  name: "timex",
  run(doc) {
    doc.timexes = extractTimexes(doc.text, doc.document.date);
  },
};

/**
 * The learned relation reader runs only when DOSSIER_RELATION_READER=1: under leave-one-record-out
 * cross-validation its additions were right about as often as wrong once the labels it may add were
 * chosen out of sample (models/relation-reader/README.md), so it is not yet part of the default reading.
 */
const withReader = () => process.env.DOSSIER_RELATION_READER === "1";

/** The components in order; each adds one kind of annotation to the analysed document. */
export function defaultPipeline(): Component[] {
  const rules = [tokenizer, new MentionFinder(), new InDocumentResolver(), timexer, new ClaimFinder(), new AttributionClaims(), new RelationFinder(), new EventFinder(), new ArmedClashes(), new CameoEventCoder(), new SpeechActEvents()];
  return withReader() ? [...rules, new RelationReader()] : rules;
}

let pipeline: Component[] | undefined;

export function analyseDoc(document: Document, components: Component[] = (pipeline ??= defaultPipeline())): AnalysedDoc {
  const doc = new AnalysedDoc(document);
  for (const component of components) component.run(doc);
  return doc;
}

/** Runs every NLP component over one document; actor ids in the result are document-local. */
export function analyse(document: Document): DocumentAnalysis {
  const doc = analyseDoc(document);
  const actors: Actor[] = doc.entities.map((e) => ({ id: e.id, name: e.name, type: e.type, subtype: e.subtype, aliases: [...e.aliases], ...(e.key ? { key: e.key } : {}) }));
  const mentions: Mention[] = doc.mentions.map((m) => ({ doc: document.id, start: m.start, end: m.end, text: m.text, type: m.type, actor: m.entity }));
  return { document, actors, mentions, relations: doc.relations, events: doc.events, claims: doc.claims, timexes: doc.timexes };
}
