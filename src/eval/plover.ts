import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { DocumentAnalysis, Document } from "../model/index.js";
import { isPloverType, type PloverType } from "../model/index.js";
import { analyse } from "../nlp/pipeline.js";

/**
 * Scoring of the event stage on PLOVER's gold-standard records (PLOVER_GSR_CAMEO.txt): one sentence
 * each with its event type and source and target actor texts. A sentence counts when the pipeline
 * finds an event of the gold type; with "+source" also one whose source actor shares a word with a
 * gold source text, with "+target" also its target with a gold target text.
 */

/** GSR type names that our ontology spells otherwise; INVESTIGATE has no counterpart and is not scored. */
const GSR_TYPES: Record<string, PloverType> = { DEMAND: "REQUEST", DISAPPROVE: "ACCUSE", FIGHT: "ASSAULT" };

export interface GsrRecord {
  id: string;
  /** Position among the records with text: which half (odd or even) it belongs to. */
  index: number;
  text: string;
  date: string;
  type: PloverType;
  sources: string[];
  targets: string[];
}

export type Split = "odd" | "even" | "all";

interface RawActor {
  actorText?: string;
}
interface RawRecord {
  id?: string;
  text?: string;
  date?: string;
  event?: string;
  source?: RawActor[] | string;
  target?: RawActor[] | string;
}

const actorTexts = (actors: RawActor[] | string | undefined): string[] => (Array.isArray(actors) ? actors.map((a) => a.actorText ?? "").filter(Boolean) : []);

/**
 * The scorable records of `split`: halves are taken by index after dropping records without text,
 * so that tuning on the odd half leaves the even one unseen; INVESTIGATE records are left out.
 */
export function gsrRecords(raw: unknown, split: Split = "all"): GsrRecord[] {
  if (!Array.isArray(raw)) throw new Error("PLOVER gold-standard records must be a JSON array");
  const out: GsrRecord[] = [];
  (raw as RawRecord[])
    .filter((r) => typeof r.text === "string" && r.text.trim() !== "")
    .forEach((r, index) => {
      if ((split === "odd" && index % 2 === 0) || (split === "even" && index % 2 === 1)) return;
      const type = GSR_TYPES[r.event ?? ""] ?? r.event ?? "";
      if (!isPloverType(type)) return;
      out.push({ id: r.id ?? `#${index}`, index, text: r.text!, date: /^\d{4}-\d{2}-\d{2}$/.test(r.date ?? "") ? r.date! : "2000-01-01", type, sources: actorTexts(r.source), targets: actorTexts(r.target) });
    });
  return out;
}

const words = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Whether an actor's name or an alias shares a word with one of the gold texts (none given: any actor does). */
export function actorMatches(names: string[], gold: string[]): boolean {
  if (gold.length === 0) return true;
  const own = new Set(names.flatMap(words));
  return gold.some((g) => words(g).some((w) => own.has(w)));
}

export interface PredictedEvent {
  type: PloverType;
  source: string[];
  target: string[];
}

export interface RecordScore {
  record: GsrRecord;
  predicted: PredictedEvent[];
  type: boolean;
  source: boolean;
  target: boolean;
}

/** The events of one analysis, each with its actors' names and aliases. */
export function predictedEvents(analysis: DocumentAnalysis): PredictedEvent[] {
  const names = (id: string | null): string[] => {
    const actor = id ? analysis.actors.find((a) => a.id === id) : undefined;
    return actor ? [actor.name, ...actor.aliases] : [];
  };
  return analysis.events.map((e) => ({ type: e.type, source: names(e.source), target: names(e.target) }));
}

export function scoreRecord(record: GsrRecord, predicted: PredictedEvent[]): RecordScore {
  const typed = predicted.filter((e) => e.type === record.type);
  const sourced = typed.filter((e) => actorMatches(e.source, record.sources));
  const targeted = sourced.filter((e) => actorMatches(e.target, record.targets));
  return { record, predicted, type: typed.length > 0, source: sourced.length > 0, target: targeted.length > 0 };
}

export interface PloverResult {
  scores: RecordScore[];
  sentences: number;
  typeRecall: number;
  sourceRecall: number;
  targetRecall: number;
  eventsPerSentence: number;
  perType: Map<PloverType, { gold: number; type: number; target: number; predicted: number }>;
}

export function summarise(scores: RecordScore[]): PloverResult {
  const n = scores.length;
  const rate = (hits: number) => (n === 0 ? 0 : hits / n);
  const perType: PloverResult["perType"] = new Map();
  const row = (type: PloverType) => perType.get(type) ?? perType.set(type, { gold: 0, type: 0, target: 0, predicted: 0 }).get(type)!;
  for (const s of scores) {
    const r = row(s.record.type);
    r.gold++;
    if (s.type) r.type++;
    if (s.target) r.target++;
    for (const e of s.predicted) row(e.type).predicted++;
  }
  return {
    scores,
    sentences: n,
    typeRecall: rate(scores.filter((s) => s.type).length),
    sourceRecall: rate(scores.filter((s) => s.source).length),
    targetRecall: rate(scores.filter((s) => s.target).length),
    eventsPerSentence: rate(scores.reduce((sum, s) => sum + s.predicted.length, 0)),
    perType,
  };
}

/** Runs the pipeline on each record of `split` in `file`, the record's date as the document's. */
export function evaluatePlover(file: string, split: Split = "all"): PloverResult {
  const records = gsrRecords(JSON.parse(readFileSync(file, "utf8")), split);
  return summarise(
    records.map((record) => {
      const document: Document = { id: `gsr-${record.index}`, date: record.date, text: record.text, sha256: createHash("sha256").update(record.text).digest("hex") };
      return scoreRecord(record, predictedEvents(analyse(document)));
    }),
  );
}
