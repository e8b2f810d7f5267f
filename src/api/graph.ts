/** Ego networks: the actors within `depth` links of one actor, and the links between them. */
import type { ActorDossier, Store } from "../graph/store.js";
import type { Actor } from "../model/index.js";
import type { EgoNetwork, GraphEdge, GraphNode } from "./types.js";

export type { EgoNetwork, GraphEdge, GraphNode };
import { itemDate } from "../export/timestamp.js";

export interface EgoQuery {
  actor: string;
  depth: number;
  /** Relation predicates, PLOVER event types or "claim"; all when absent. */
  predicates?: ReadonlySet<string>;
  /** ISO dates (inclusive); an edge's date is its normalised time, else its document's date. */
  from?: string;
  to?: string;
  /** At most this many actors. */
  limit: number;
}

/** The edges one actor's dossier gives, where that actor is an endpoint. */
export function dossierEdges(dossier: ActorDossier): GraphEdge[] {
  const edges: GraphEdge[] = [];
  for (const r of dossier.relations) {
    if (r.object === null) continue;
    edges.push({
      id: r.id, kind: "relation", source: r.subject, target: r.object, predicate: r.predicate,
      label: r.role ? `${r.predicate} (${r.role})` : r.predicate,
      ...(r.time ? { time: r.time } : {}), date: itemDate(r.time, r.date), attributed_to: r.attributed_to, provenance: r.provenance,
    });
  }
  for (const e of dossier.events) {
    if (e.target === null) continue;
    edges.push({
      id: e.id, kind: "event", source: e.source, target: e.target, predicate: e.type, label: e.type,
      ...(e.time ? { time: e.time } : {}), date: itemDate(e.time, e.date), attributed_to: e.attributed_to, provenance: e.provenance,
    });
  }
  for (const c of [...dossier.claimsBy, ...dossier.claimsAbout]) {
    for (const about of c.about) {
      edges.push({
        id: `${c.id}#${about}`, kind: "claim", source: c.speaker, target: about, predicate: "claim", label: `claims (${c.cue})`,
        ...(c.time ? { time: c.time } : {}), date: itemDate(c.time, c.date), attributed_to: c.speaker, provenance: c.provenance,
      });
    }
  }
  const actorId = dossier.actor.id;
  return edges.filter((edge) => edge.source === actorId || edge.target === actorId);
}

function node(actor: Actor, depth: number): GraphNode {
  return { id: actor.id, name: actor.name, type: actor.type, ...(actor.subtype ? { subtype: actor.subtype } : {}), depth };
}

/**
 * Breadth-first from the centre over the actors' dossiers, following only edges that pass the
 * filters; then the outermost actors' dossiers too, for the edges among them.
 */
export async function egoNetwork(store: Store, query: EgoQuery): Promise<EgoNetwork | undefined> {
  const center = await store.findActor(query.actor);
  if (!center) return undefined;
  const passes = (edge: GraphEdge) =>
    (!query.predicates || query.predicates.has(edge.predicate)) &&
    (!query.from || edge.date >= query.from) &&
    (!query.to || edge.date <= query.to);

  const nodes = new Map<string, GraphNode>([[center.id, node(center, 0)]]);
  const edges = new Map<string, GraphEdge>();
  let truncated = false;
  let frontier = [center.id];
  for (let depth = 0; depth <= query.depth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const id of frontier) {
      const dossier = await store.dossier(id);
      if (!dossier) continue;
      for (const edge of dossierEdges(dossier)) {
        if (!passes(edge)) continue;
        const other = edge.source === id ? edge.target : edge.source;
        if (!nodes.has(other)) {
          // The last round only adds edges among actors already in.
          if (depth === query.depth) continue;
          const actor = dossier.related[other];
          if (!actor) continue;
          if (nodes.size >= query.limit) {
            truncated = true;
            continue;
          }
          nodes.set(other, node(actor, depth + 1));
          next.push(other);
        }
        edges.set(edge.id, edge);
      }
    }
    frontier = next;
  }
  return { center: center.id, nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}
