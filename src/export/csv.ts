import type { GraphExport, Provenance } from "../model/index.js";

/**
 * CSV export of a GraphExport: one RFC 4180 file per table, written into a directory.
 *
 * - documents.csv   id, date, title, source, url, sha256 (no text: it is in the JSON export)
 * - actors.csv      id, name, type, subtype, aliases (joined by "; ")
 * - relations.csv   id, subject, subject_name, predicate, object, object_name, role, status, time,
 *                   attributed_to, attributed_to_name, confidence, documents, evidence
 * - events.csv      id, type, source, source_name, target, target_name, time, attributed_to,
 *                   attributed_to_name, confidence, documents, evidence
 * - claims.csv      id, speaker, speaker_name, about, about_names, cue, quote, stance, time, text, documents
 * - provenance.csv  item_id, item_kind, document, start, end, text (every source span of every item)
 *
 * `documents` lists document ids joined by "; "; `evidence` is the first source span. Lists inside a
 * cell are joined by "; ". A text cell that a spreadsheet would run as a formula (starting with
 * = + - @ or a tab/CR) is prefixed with an apostrophe.
 */

export type CsvFiles = Record<string, string>;

type Cell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "number" ? String(value) : value;
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function table(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export function toCsv(graph: GraphExport): CsvFiles {
  const names = new Map(graph.actors.map((a) => [a.id, a.name]));
  const name = (id: string | null) => (id === null ? null : (names.get(id) ?? null));
  const documents = (provenance: Provenance[]) => [...new Set(provenance.map((p) => p.document))].join("; ");
  const provenanceRows: Cell[][] = [];
  const addProvenance = (id: string, kind: string, provenance: Provenance[]) => {
    for (const p of provenance) provenanceRows.push([id, kind, p.document, p.start, p.end, p.text]);
  };

  const relations = graph.relations.map((r) => {
    addProvenance(r.id, "relation", r.provenance);
    return [
      r.id, r.subject, name(r.subject), r.predicate, r.object, name(r.object), r.role, r.status, r.time,
      r.attributed_to, name(r.attributed_to), r.confidence, documents(r.provenance), r.provenance[0]?.text,
    ];
  });
  const events = graph.events.map((e) => {
    addProvenance(e.id, "event", e.provenance);
    return [
      e.id, e.type, e.source, name(e.source), e.target, name(e.target), e.time,
      e.attributed_to, name(e.attributed_to), e.confidence, documents(e.provenance), e.provenance[0]?.text,
    ];
  });
  const claims = graph.claims.map((c) => {
    addProvenance(c.id, "claim", c.provenance);
    return [
      c.id, c.speaker, name(c.speaker), c.about.join("; "), c.about.map((id) => name(id) ?? id).join("; "),
      c.cue, c.quote, c.stance, c.time, c.text, documents(c.provenance),
    ];
  });

  return {
    "documents.csv": table(
      ["id", "date", "title", "source", "url", "sha256"],
      graph.documents.map((d) => [d.id, d.date, d.title, d.source, d.url, d.sha256]),
    ),
    "actors.csv": table(
      ["id", "name", "type", "subtype", "aliases"],
      graph.actors.map((a) => [a.id, a.name, a.type, a.subtype, a.aliases.join("; ")]),
    ),
    "relations.csv": table(
      ["id", "subject", "subject_name", "predicate", "object", "object_name", "role", "status", "time",
        "attributed_to", "attributed_to_name", "confidence", "documents", "evidence"],
      relations,
    ),
    "events.csv": table(
      ["id", "type", "source", "source_name", "target", "target_name", "time",
        "attributed_to", "attributed_to_name", "confidence", "documents", "evidence"],
      events,
    ),
    "claims.csv": table(
      ["id", "speaker", "speaker_name", "about", "about_names", "cue", "quote", "stance", "time", "text", "documents"],
      claims,
    ),
    "provenance.csv": table(["item_id", "item_kind", "document", "start", "end", "text"], provenanceRows),
  };
}
