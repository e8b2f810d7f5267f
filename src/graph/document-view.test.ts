import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedLikeAnalysis, SEED_LIKE_TEXT } from "../../test/fixtures/analysis.js";
import { openStore } from "./open.js";
import type { Store } from "./store.js";

describe("document view and alias sources", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore("memory://");
    await store.saveAnalysis(seedLikeAnalysis());
  }, 300_000);
  afterAll(async () => store?.close());

  it("gives a document with its mentions and the items read from it, with store actor ids", async () => {
    const view = (await store.documentView("seedlike"))!;
    expect(view.document.text).toBe(SEED_LIKE_TEXT);
    expect(view.mentions.length).toBeGreaterThan(5);
    for (const m of view.mentions) expect(SEED_LIKE_TEXT.slice(m.start, m.end)).toBe(m.text);
    const iskp = (await store.findActor("ISKP"))!;
    expect(view.mentions.filter((m) => m.actor === iskp.id).map((m) => m.text)).toContain("The ISKP");
    expect(view.relations.map((r) => r.predicate).sort()).toEqual(["affiliate_of", "founded", "holds_position", "operates_in", "publishes", "rival_of"]);
    expect(view.events).toHaveLength(1);
    expect(view.claims).toHaveLength(2);
    expect(view.actors[iskp.id]!.name).toBe("Islamic State - Khorasan Province");
    expect(await store.documentView("nope")).toBeUndefined();
  });

  it("names the document and date that gave each alias", async () => {
    const iskp = (await store.findActor("ISKP"))!;
    const sources = await store.aliasSources(iskp.id);
    expect(sources.find((s) => s.alias === "ISKP")).toMatchObject({ document: "seedlike", date: "2023-02-16" });
    expect(await store.aliasSources("nobody")).toEqual([]);
  });

  it("finds claims by the words of their text", async () => {
    expect((await store.claims({ q: "CANCER" })).map((c) => c.cue)).toEqual(["said"]);
    expect(await store.claims({ q: "100%_" })).toEqual([]);
  });
});
