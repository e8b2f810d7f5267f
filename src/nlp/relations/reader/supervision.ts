/**
 * Training pairs for the relation reader by distant supervision from the project's gold readings:
 * each gold relation or event quotes its evidence and names its two actors; the pair of mentions of
 * those actors in the evidence's sentence is labelled with it, and the other pairs of the document
 * are NONE. Actors match as the seed scorer matches them (src/eval/seed.ts): the name or any alias,
 * case, quotes and spacing folded.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readDocuments } from "../../../ingest/registry.js";
import { isPloverType, isPredicate, type Document, type PloverType, type Predicate } from "../../../model/index.js";
import { fold } from "../../../eval/seed.js";
import type { AnalysedDoc, Component, Entity } from "../../doc.js";
import { analyseDoc, defaultPipeline } from "../../pipeline.js";
import { type Pair, PairReader } from "./features.js";
import { READER_COMPONENT } from "./index.js";
import { classOf, type Example } from "./model.js";

interface GoldActor {
  name: string;
  aliases: string[];
}

/** The parts of a gold reading (the seed's format) that supervise the reader. */
export interface GoldReading {
  document: { file: string };
  actors: GoldActor[];
  relations: { subject: string; predicate: string; object: string | null; accept?: string[]; evidence?: string }[];
  events: { type: string; source: string; target: string; evidence?: string }[];
}

export interface GoldRecord {
  name: string;
  gold: GoldReading;
  document: Document;
}

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
/** The project's development records; the held-out ones (eval/holdout) are never read for training. */
export const RECORDS_DIR = join(ROOT, "eval", "records");
export const SEED_GOLD = join(ROOT, "..", "shared", "seeds", "000_c9f1e4863a1e1bca.gold.json");

/** Every gold reading the reader trains on: each record of eval/records, then the seed. */
export function trainingGoldFiles(): string[] {
  const records = readdirSync(RECORDS_DIR)
    .filter((f) => f.endsWith(".gold.json"))
    .sort()
    .map((f) => join(RECORDS_DIR, f));
  return [...records, SEED_GOLD];
}

/** A gold file and the record text beside it. */
export async function loadRecord(goldPath: string): Promise<GoldRecord> {
  const gold = JSON.parse(readFileSync(goldPath, "utf8")) as GoldReading;
  const textPath = join(dirname(goldPath), gold.document.file);
  const [document] = await readDocuments(textPath, readFileSync(textPath));
  if (!document) throw new Error(`${textPath}: no record`);
  return { name: basename(goldPath, ".gold.json"), gold, document };
}

/** Descriptions the scorer never lets stand for an actor's name. */
const GENERIC = new Set(["the group", "the outfit", "the terror outfit"]);

/**
 * One gold item the reader can learn from: two named actors, the labels that read it (the gold's
 * predicate and those it accepts, so that near-synonyms such as based_in and operates_in pool their
 * examples), the words that say it.
 */
interface Item {
  subject: string;
  object: string;
  labels: (Predicate | PloverType)[];
  evidence: string;
}

const readable = (label: string): label is Predicate | PloverType => isPredicate(label) || isPloverType(label);

/**
 * Text folded as `fold` folds it, keeping for each folded character the offset it came from, so a
 * quoted piece of evidence found in the folded text maps back to the document.
 */
function folded(text: string): { text: string; at: number[] } {
  const out: string[] = [];
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (out.length && out[out.length - 1] !== " ") (out.push(" "), at.push(i));
      continue;
    }
    for (const c of fold(ch)) (out.push(c), at.push(i));
  }
  return { text: out.join(""), at };
}

/** The sentences holding the evidence's pieces ("..." separates pieces the gold quotes apart). */
function evidenceSentences(doc: AnalysedDoc, text: { text: string; at: number[] }, evidence: string): Set<number> {
  const sentences = new Set<number>();
  for (const piece of evidence.split(/\s*(?:\.\.\.|…|;)\s*/)) {
    const needle = fold(piece).replace(/^[\s.,;:"']+|[\s.,;:"']+$/g, "");
    if (needle.length < 4) continue;
    for (let at = text.text.indexOf(needle); at >= 0; at = text.text.indexOf(needle, at + 1)) {
      const first = doc.sentenceAt(text.at[at]!);
      const last = doc.sentenceAt(text.at[at + needle.length - 1]!);
      for (let s = first; s <= last; s++) sentences.add(s);
    }
  }
  return sentences;
}

export interface Supervision {
  /** One example per pair, or none where the gold cannot say (the pair's actors are linked elsewhere). */
  examples: (Example | undefined)[];
  /** Gold items whose evidence and both actors were found in one pair. */
  placed: number;
  items: number;
}

/** Labels the pairs of one analysed record from its gold reading. */
export function supervise(doc: AnalysedDoc, pairs: readonly Pair[], gold: GoldReading): Supervision {
  const names = (a: GoldActor) => new Set([a.name, ...a.aliases].map(fold).filter((n) => !GENERIC.has(n)));
  const goldActor = (name: string) => gold.actors.find((a) => [a.name, ...a.aliases].map(fold).includes(fold(name)));
  /** Whether entity stands for the gold actor called `name`. */
  const is = (entity: Entity, name: string): boolean => {
    const actor = goldActor(name);
    if (!actor) return false;
    const wanted = names(actor);
    return [entity.name, ...entity.aliases].some((n) => wanted.has(fold(n)));
  };
  const items: Item[] = [
    ...gold.relations.flatMap((r) => (r.object !== null && r.evidence ? [{ subject: r.subject, object: r.object, labels: [r.predicate, ...(r.accept ?? [])].filter(readable), evidence: r.evidence }] : [])),
    ...gold.events.flatMap((e) => (e.evidence ? [{ subject: e.source, object: e.target, labels: [e.type].filter(readable), evidence: e.evidence }] : [])),
  ].filter((item) => item.labels.length > 0);
  const text = folded(doc.text);
  const where = items.map((item) => evidenceSentences(doc, text, item.evidence));
  const placed = new Set<number>();
  const examples = pairs.map((pair): Example | undefined => {
    const left = doc.entity(pair.left.entity)!;
    const right = doc.entity(pair.right.entity)!;
    const classes = new Set<string>();
    let linked = false;
    items.forEach((item, k) => {
      const forward = is(left, item.subject) && is(right, item.object);
      const backward = is(left, item.object) && is(right, item.subject);
      if (!forward && !backward) return;
      linked = true;
      if (!where[k]!.has(pair.sentence)) return;
      for (const label of item.labels) classes.add(classOf({ label, leftIsSubject: forward }));
      placed.add(k);
    });
    if (classes.size > 0) return { features: pair.features, types: pair.types, gold: [...classes].sort() };
    // The gold links these two elsewhere: whether this sentence says it too, it does not tell.
    return linked ? undefined : { features: pair.features, types: pair.types, gold: [] };
  });
  return { examples, placed: placed.size, items: items.length };
}

/** The pipeline up to the reader: what the reader reads and what it adds to. */
export function pipelineBeforeReader(): Component[] {
  return defaultPipeline().filter((c) => c.name !== READER_COMPONENT);
}

/** One record analysed by the rules, its pairs and their labels. */
export interface Prepared {
  record: GoldRecord;
  doc: AnalysedDoc;
  pairs: Pair[];
  supervision: Supervision;
}

export async function prepare(goldPath: string, components: Component[], reader: PairReader): Promise<Prepared> {
  const record = await loadRecord(goldPath);
  const doc = analyseDoc(record.document, components);
  const pairs = doc.sentences.flatMap((_, s) => reader.pairs(doc, s));
  return { record, doc, pairs, supervision: supervise(doc, pairs, record.gold) };
}
