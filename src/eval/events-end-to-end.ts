/**
 * End-to-end event resolution: the annotated reports go through the real pipeline into a fresh
 * in-memory store (which clusters events at ingest), and each annotated report is scored with the
 * cluster of the stored event of its type whose words overlap the annotated event's sentence.
 * A report whose event the pipeline missed counts as a singleton, so extraction misses show as
 * lost recall here, separately from the resolver's own figure (`dossier eval events`).
 */
import { openStore } from "../graph/open.js";
import { toDocument } from "../ingest/types.js";
import { analyse } from "../nlp/pipeline.js";
import { sentenceAround } from "../resolve/events/figures.js";
import { itemId, type EventItem } from "../resolve/events/evaluate.js";
import { bcubed, type BCubed } from "../resolve/events/score.js";
import { readArticle, sharedDataDir } from "./news.js";

export interface EndToEndEvaluation extends BCubed {
  /** Annotated reports for which the pipeline produced an event of the annotated type at the annotated place in the text. */
  found: number;
  /** Articles the pipeline failed on, with the error. */
  failed: string[];
  happenings: number;
  clusters: number;
}

export async function evaluateEventsEndToEnd(items: EventItem[], dataDir = sharedDataDir()): Promise<EndToEndEvaluation> {
  const store = await openStore("memory://");
  try {
    const articles = [...new Map(items.map((item) => [`${item.ref.file}#${item.ref.newid ?? ""}`, item.ref])).values()]
      .map((ref) => readArticle(ref, dataDir))
      .sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.id.localeCompare(b.id));
    // Where each article's body starts in the stored text (the dateline goes first, as on the wire).
    const stored = new Map<string, { documentId: string; shift: number; text: string }>();
    const failed: string[] = [];
    for (const article of articles) {
      const prefix = article.dateline ? `${article.dateline} ` : "";
      const document = toDocument({ id: article.id, text: `${prefix}${article.text}`, date: article.date ?? "2000-01-01", title: article.title, source: "Reuters" }, article.id);
      let analysis;
      try {
        analysis = analyse(document);
      } catch (error) {
        // As `dossier ingest` does: a document the pipeline fails on is reported and left out.
        failed.push(`${article.id}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const result = await store.saveAnalysis(analysis);
      stored.set(article.id, { documentId: result.documentId, shift: prefix.length, text: article.text });
    }
    const happenings = await store.mergedEvents();
    const predicted = new Map<string, string>();
    let found = 0;
    items.forEach((item, index) => {
      const article = articles.find((a) => a.ref.file === item.ref.file && a.ref.newid === item.ref.newid)!;
      const entry = stored.get(article.id);
      if (!entry) return;
      const { documentId, shift, text } = entry;
      const sentence = sentenceAround(text, item.anchor.start, item.anchor.end);
      const from = sentence.start + shift;
      const to = from + sentence.text.length;
      const match = happenings.find(
        (h) => h.type === item.type && h.members.some((m) => m.document === documentId && m.provenance.some((p) => p.start < to && from < p.end)),
      );
      if (match) {
        predicted.set(itemId(item, index), match.id);
        found++;
      }
    });
    const gold = new Map(items.map((item, index) => [itemId(item, index), item.happening]));
    return { ...bcubed(gold, predicted), found, failed, happenings: new Set(gold.values()).size, clusters: new Set(predicted.values()).size };
  } finally {
    await store.close();
  }
}
