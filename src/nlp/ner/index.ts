/**
 * Pipeline-facing NER API. The committed model (models/ner/ner.bin.gz) is loaded once, lazily
 * and synchronously, on first use:
 *
 *   const tagger = loadTagger();
 *   tagger.tag(["Peter", "Blackburn", "visited", "Paris"]);   // ["B-PER", "I-PER", "O", "B-LOC"]
 *   entitySpans(tokens);                                     // [{ start: 0, end: 2, label: "PER" }, ...]
 *   findEntities(text);                                      // character spans with Dossier types
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { EntityType } from "../../model/index.js";
import { dossierEntityType } from "./dossier-types.js";
import { NerModel } from "./model.js";
import type { EntitySpan } from "./tags.js";
import { NerTagger, type TaggerOptions } from "./tagger.js";
import { tokenize } from "./tokenize.js";

export { NerTagger } from "./tagger.js";
export { NerModel } from "./model.js";
export { dossierEntityType } from "./dossier-types.js";
export { tokenize, type TextToken } from "./tokenize.js";
export type { EntitySpan, NerLabel } from "./tags.js";

/** The committed model, resolved from this file (src/nlp/ner or dist/nlp/ner) to the repo root. */
export const DEFAULT_MODEL_PATH = fileURLToPath(new URL("../../../models/ner/ner.bin.gz", import.meta.url));

const taggers = new Map<string, NerTagger>();

/** The tagger for a model file (default: the committed one), loaded once and cached. */
export function loadTagger(path: string = DEFAULT_MODEL_PATH, options: TaggerOptions = {}): NerTagger {
  const key = `${path}\u0000${options.harmonise ?? true}`;
  let tagger = taggers.get(key);
  if (!tagger) {
    if (!existsSync(path)) throw new Error(`NER model not found: ${path} (run npm run train:ner)`);
    tagger = new NerTagger(NerModel.load(path), options);
    taggers.set(key, tagger);
  }
  return tagger;
}

/** Entity spans of one tokenised sentence (token indices, end exclusive), with the default model. */
export function entitySpans(tokens: readonly string[]): EntitySpan[] {
  return loadTagger().entitySpans(tokens);
}

/** Dossier type of a span of `tokens` (null for spans that are not actors, e.g. most MISC). */
export function toDossierType(tokens: readonly string[], span: EntitySpan, tagger: NerTagger = loadTagger()): EntityType | null {
  return dossierEntityType(tokens, span, tagger.model.resources.gazetteer);
}

export interface EntityMention {
  /** Character offsets into the text (end exclusive). */
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** The CoNLL label the tagger gave. */
  label: EntitySpan["label"];
}

/**
 * Named entities of a whole text with character offsets and Dossier types: the text is split
 * into sentences and tokens, tagged as one document (so the consistency pass applies), and
 * each span mapped with `toDossierType`.
 */
export function findEntities(text: string, tagger: NerTagger = loadTagger()): EntityMention[] {
  const sentences = tokenize(text);
  const words = sentences.map((sentence) => sentence.map((token) => token.text));
  const spans = tagger.documentSpans(words);
  const mentions: EntityMention[] = [];
  sentences.forEach((sentence, s) => {
    for (const span of spans[s] ?? []) {
      const type = dossierEntityType(words[s] ?? [], span, tagger.model.resources.gazetteer);
      const first = sentence[span.start];
      const last = sentence[span.end - 1];
      if (!type || !first || !last) continue;
      mentions.push({ start: first.start, end: last.end, text: text.slice(first.start, last.end), type, label: span.label });
    }
  });
  return mentions;
}
