import type { GraphExport, Provenance } from "../model/index.js";

/**
 * GraphML export of a GraphExport, as Gephi and networkx read it: actors are nodes; relations
 * (with an object), events (with a target) and claims (speaker → each actor it is about) are
 * directed edges, told apart by `kind`. Items an actor only claims keep `attributed_to`.
 */

type AttrType = "string" | "double" | "int" | "boolean";
interface Key {
  id: string;
  for: "node" | "edge";
  name: string;
  type: AttrType;
}

const NODE_KEYS: Key[] = [
  { id: "label", for: "node", name: "label", type: "string" },
  { id: "type", for: "node", name: "type", type: "string" },
  { id: "subtype", for: "node", name: "subtype", type: "string" },
  { id: "aliases", for: "node", name: "aliases", type: "string" },
];
const EDGE_KEYS: Key[] = [
  { id: "e_label", for: "edge", name: "label", type: "string" },
  { id: "kind", for: "edge", name: "kind", type: "string" },
  { id: "predicate", for: "edge", name: "predicate", type: "string" },
  { id: "role", for: "edge", name: "role", type: "string" },
  { id: "status", for: "edge", name: "status", type: "string" },
  { id: "time", for: "edge", name: "time", type: "string" },
  { id: "attributed_to", for: "edge", name: "attributed_to", type: "string" },
  { id: "claimed", for: "edge", name: "claimed", type: "boolean" },
  { id: "confidence", for: "edge", name: "confidence", type: "double" },
  { id: "date", for: "edge", name: "date", type: "string" },
  { id: "documents", for: "edge", name: "documents", type: "string" },
  { id: "evidence", for: "edge", name: "evidence", type: "string" },
];

/** Characters XML 1.0 forbids even escaped (control characters, lone surrogates, U+FFFE/U+FFFF). */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlEscape(text: string): string {
  return text
    .replace(XML_INVALID, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    // Attribute and text values keep their line breaks and tabs literally only if escaped.
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;");
}

type Values = Record<string, string | number | boolean | undefined | null>;

function dataElements(keys: Key[], values: Values, indent: string): string {
  const lines: string[] = [];
  for (const key of keys) {
    const value = values[key.id];
    if (value === undefined || value === null || value === "") continue;
    if (key.type === "double" && (typeof value !== "number" || !Number.isFinite(value))) continue;
    lines.push(`${indent}<data key="${key.id}">${xmlEscape(String(value))}</data>`);
  }
  return lines.join("\n");
}

function element(tag: string, attributes: Record<string, string>, keys: Key[], values: Values): string {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${xmlEscape(value)}"`)
    .join("");
  const data = dataElements(keys, values, "      ");
  return data ? `    <${tag}${attrs}>\n${data}\n    </${tag}>` : `    <${tag}${attrs}/>`;
}

export function toGraphml(graph: GraphExport): string {
  const dateOf = new Map(graph.documents.map((d) => [d.id, d.date]));
  const actorIds = new Set(graph.actors.map((a) => a.id));
  const provenanceValues = (provenance: Provenance[]) => {
    const documents = [...new Set(provenance.map((p) => p.document))];
    const dates = documents.map((d) => dateOf.get(d)).filter((d): d is string => !!d).sort();
    return { documents: documents.join(";"), date: dates[0], evidence: provenance[0]?.text };
  };

  const nodes = graph.actors.map((actor) =>
    element("node", { id: actor.id }, NODE_KEYS, {
      label: actor.name,
      type: actor.type,
      subtype: actor.subtype,
      aliases: actor.aliases.join("; "),
    }),
  );

  const edges: string[] = [];
  const edge = (id: string, source: string, target: string, values: Values) => {
    // An edge to an actor the export does not hold would make readers invent a bare node.
    if (!actorIds.has(source) || !actorIds.has(target)) return;
    edges.push(element("edge", { id, source, target }, EDGE_KEYS, values));
  };
  for (const relation of graph.relations) {
    if (relation.object === null) continue;
    edge(relation.id, relation.subject, relation.object, {
      e_label: relation.predicate,
      kind: "relation",
      predicate: relation.predicate,
      role: relation.role,
      status: relation.status,
      time: relation.time,
      attributed_to: relation.attributed_to,
      claimed: relation.attributed_to !== null,
      confidence: relation.confidence,
      ...provenanceValues(relation.provenance),
    });
  }
  for (const event of graph.events) {
    if (event.target === null) continue;
    edge(event.id, event.source, event.target, {
      e_label: event.type,
      kind: "event",
      predicate: event.type,
      time: event.time,
      attributed_to: event.attributed_to,
      claimed: event.attributed_to !== null,
      confidence: event.confidence,
      ...provenanceValues(event.provenance),
    });
  }
  for (const claim of graph.claims) {
    for (const [index, about] of claim.about.entries()) {
      edge(`${claim.id}#${index}`, claim.speaker, about, {
        e_label: `claims (${claim.cue})`,
        kind: "claim",
        predicate: claim.cue,
        time: claim.time,
        attributed_to: claim.speaker,
        claimed: true,
        ...provenanceValues(claim.provenance),
        evidence: claim.text,
      });
    }
  }

  const keys = [...NODE_KEYS, ...EDGE_KEYS].map(
    (key) => `  <key id="${key.id}" for="${key.for}" attr.name="${key.name}" attr.type="${key.type}"/>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys,
    '  <graph id="dossier" edgedefault="directed">',
    ...nodes,
    ...edges,
    "  </graph>",
    "</graphml>",
    "",
  ].join("\n");
}
