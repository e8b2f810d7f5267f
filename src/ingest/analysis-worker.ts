/**
 * A worker thread of ./analysis-pool.ts: loads the models (by analysing a short text) and says so with an empty
 * message, then analyses the documents it is sent and signs their text, one message each.
 */
import { parentPort } from "node:worker_threads";
import type { Document } from "../model/index.js";
import { analyseAndSign, WARM_UP_DOCUMENT } from "./analysis-pool.js";

analyseAndSign(WARM_UP_DOCUMENT);
parentPort!.postMessage({});
parentPort!.on("message", ({ id, document }: { id: number; document: Document }) => {
  try {
    parentPort!.postMessage({ id, ...analyseAndSign(document) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
