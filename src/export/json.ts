import type { GraphExport } from "../model/index.js";

/** The JSON export (`dossier export --format json`): the store's GraphExport, pretty-printed, key order as the model's. */
export function toJson(graph: GraphExport): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}
