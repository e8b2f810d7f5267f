/** Near-duplicate copies through the real ingest path (analysis included) on both store backends. */
import { describe, expect, it } from "vitest";
import { backends, storePerTest } from "../../test/stores.js";
import { storeDocument, storeDocuments } from "./run.js";
import { toDocument } from "./types.js";

const STORY = `KABUL, March 3 - Islamic State Khorasan Province claimed responsibility on Friday for a suicide bombing
outside the foreign ministry that killed at least six people, the group's news agency said. The attacker detonated
explosives near a checkpoint as employees were leaving the building, police spokesman Khalid Zadran told reporters.
Taliban officials condemned the attack and said security forces had opened an investigation. The group, a regional
affiliate of Islamic State, has carried out a series of attacks on Taliban targets and on foreign missions since 2021.`;
const COPY = `By Staff Writers. ${STORY.replace("KABUL, March 3 - ", "")} (Reporting by a correspondent.) Copyright 2023 Wire.`;
const OTHER = `ISLAMABAD, March 3 - Pakistan's army said on Friday its troops killed four militants in a raid in North
Waziristan near the Afghan border, after an attack on a checkpoint last week that killed two soldiers.`;

const doc = (id: string, text: string, source: string) => toDocument({ id, text, date: "2023-03-03", source }, "test");

describe.each(backends)("near-duplicate copies on $name", (backend) => {
  const open = storePerTest(backend);

  it.skipIf(!backend.available)("stores a syndicated copy once as a source of the original, analysed only once", { timeout: 120_000 }, async () => {
    const s = await open();
    expect(await storeDocument(s, doc("wire-1", STORY, "Wire A"))).toEqual({ status: "inserted", documentId: "wire-1" });
    const before = await s.exportGraph();
    expect(before.relations.length + before.events.length + before.claims.length).toBeGreaterThan(0);

    expect(await storeDocument(s, doc("paper-7", COPY, "Paper B"))).toEqual({ status: "inserted", documentId: "paper-7" });
    expect(await storeDocument(s, doc("other-1", OTHER, "Wire A"))).toEqual({ status: "inserted", documentId: "other-1" });
    expect(await storeDocument(s, doc("paper-7", COPY, "Paper B"))).toEqual({ status: "duplicate", documentId: "paper-7" });

    const after = await s.exportGraph();
    expect(after.documents.map((d) => [d.id, d.source, d.duplicate_of])).toEqual([
      ["wire-1", "Wire A", undefined],
      ["paper-7", "Paper B", "wire-1"],
      ["other-1", "Wire A", undefined],
    ]);
    expect((await s.document("paper-7"))?.duplicate_of).toBe("wire-1");
    // The copy added no extractions: everything read is still grounded in the original's words.
    const provenanceDocuments = new Set([...after.relations, ...after.events, ...after.claims].flatMap((item) => item.provenance.map((p) => p.document)));
    expect(provenanceDocuments.has("paper-7")).toBe(false);
    expect((await s.search("correspondent")).map((hit) => hit.document.id)).toEqual(["paper-7"]);
  });

  it.skipIf(!backend.available)("in one batch, a copy or repeat of an earlier document of the batch is found as one at a time; a failing batch stores nothing", { timeout: 120_000 }, async () => {
    const s = await open();
    const results = await storeDocuments(s, [doc("wire-1", STORY, "Wire A"), doc("paper-7", COPY, "Paper B"), doc("other-1", OTHER, "Wire A"), doc("paper-7", COPY, "Paper B")]);
    expect(results).toEqual([
      { status: "inserted", documentId: "wire-1" },
      { status: "inserted", documentId: "paper-7" },
      { status: "inserted", documentId: "other-1" },
      { status: "duplicate", documentId: "paper-7" },
    ]);
    const after = await s.exportGraph();
    expect(after.documents.map((d) => [d.id, d.duplicate_of])).toEqual([
      ["wire-1", undefined],
      ["paper-7", "wire-1"],
      ["other-1", undefined],
    ]);

    const fresh = doc("fresh-1", "Rebels attacked a convoy near Goma on Tuesday, the army said.", "Wire C");
    await expect(storeDocuments(s, [fresh, doc("wire-1", "Another text under a stored id.", "Wire C")])).rejects.toThrow(/already used by a different text/);
    expect(await s.exportGraph()).toEqual(after);
  });
});
