/** A worker thread of ./analysis-pool.ts: analyses the documents it is sent, one message each. */
import { parentPort } from "node:worker_threads";
import type { Document } from "../model/index.js";
import { analyse } from "../nlp/pipeline.js";

parentPort!.on("message", ({ id, document }: { id: number; document: Document }) => {
  try {
    parentPort!.postMessage({ id, analysis: analyse(document) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
