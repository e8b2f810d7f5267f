/**
 * Shapes of the API's own answers (beyond the model's and the store's types), free of Node
 * imports so that the web UI shares them.
 */
import type { Actor, Provenance } from "../model/index.js";

export interface GraphNode {
  id: string;
  name: string;
  type: Actor["type"];
  subtype?: string;
  /** Links from the centre. */
  depth: number;
}

export interface GraphEdge {
  id: string;
  kind: "relation" | "event" | "claim";
  source: string;
  target: string;
  /** Relation predicate, PLOVER type, or "claim". */
  predicate: string;
  label: string;
  time?: string;
  /** YYYY-MM-DD: the start of `time` when it names a calendar point, else the document's date. */
  date: string;
  attributed_to: string | null;
  provenance: Provenance[];
}

export interface EgoNetwork {
  center: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** true when `limit` cut the network short. */
  truncated: boolean;
}

export interface JobFile {
  name: string;
  documents: number;
  inserted: number;
  duplicate: number;
  /** Why the file, or one of its documents, failed. */
  errors: string[];
}

export interface IngestJob {
  id: string;
  created: string;
  status: "queued" | "running" | "done";
  /** Documents read from all files so far, and how many of them are stored or skipped. */
  total: number;
  processed: number;
  inserted: number;
  duplicate: number;
  failed: number;
  files: JobFile[];
  /** Ids of the documents stored, for links from the UI. */
  documents: string[];
}
