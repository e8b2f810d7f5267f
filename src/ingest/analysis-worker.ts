/** A worker thread of ./analysis-pool.ts: analyses the documents it is sent and signs their text, one message each. */
import { parentPort } from "node:worker_threads";
import type { Document } from "../model/index.js";
import { analyse } from "../nlp/pipeline.js";
import { textSignature } from "./dedupe.js";

parentPort!.on("message", ({ id, document }: { id: number; document: Document }) => {
  try {
    parentPort!.postMessage({ id, analysis: analyse(document), signature: textSignature(document.text) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
