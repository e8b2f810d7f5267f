import { afterEach, describe, expect, it } from "vitest";
import type { Document } from "../model/index.js";
import { sha256 } from "./types.js";
import { AnalysisPool, analyseAndSign } from "./analysis-pool.js";

function doc(i: number): Document {
  const text = `The army said on Monday that the Islamic State attacked a checkpoint near Mosul, killing ${i + 2} soldiers.`;
  return { id: `pool-${i}`, date: "2024-03-0" + ((i % 9) + 1), text, sha256: sha256(text) };
}

/** Whether a promise has settled by the next turn of the event loop. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(() => (done = true), () => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe("AnalysisPool", () => {
  let pool: AnalysisPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it("analyses on its thread exactly as on the main thread, and says when its models are loaded", async () => {
    pool = new AnalysisPool(1);
    await pool.ready;
    const documents = [0, 1, 2, 3, 4].map(doc);
    const results = await Promise.all(documents.map((d) => pool!.analyse(d)));
    expect(results).toEqual(documents.map(analyseAndSign));
  }, 60_000);

  it("hands the newest waiting document of a set back to the caller, and none already sent to a thread", async () => {
    pool = new AnalysisPool(1);
    const documents = [0, 1, 2, 3, 4, 5, 6, 7].map(doc);
    const promises = documents.map((d) => pool!.analyse(d));
    // The thread is still loading its models: the first few are sent to it, the rest wait.
    expect(pool.analyseOneHere(new Set([documents[0]!]))).toBe(false);
    expect(pool.analyseOneHere(new Set(documents))).toBe(true);
    expect(await settled(promises[7]!)).toBe(true);
    expect(await settled(promises[6]!)).toBe(false);
    expect(await promises[7]).toEqual(analyseAndSign(documents[7]!));
    expect(pool.analyseOneHere(new Set([documents[7]!]))).toBe(false);
    const all = await Promise.all(promises);
    expect(all.map((r) => r.analysis.document.id)).toEqual(documents.map((d) => d.id));
  }, 60_000);

  it("fails the waiting documents when closed", async () => {
    pool = new AnalysisPool(1);
    const waiting = [0, 1, 2, 3, 4].map((i) => pool!.analyse(doc(i)));
    await pool.close();
    pool = undefined;
    for (const promise of waiting) await expect(promise).rejects.toThrow("the analysis pool was closed");
  }, 60_000);
});
