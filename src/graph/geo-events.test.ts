import { describe, expect, it } from "vitest";
import { backends, storePerTest } from "../../test/stores.js";
import { storeDocument } from "../ingest/run.js";
import { toDocument } from "../ingest/types.js";
import { analyse } from "../nlp/pipeline.js";
import type { DocumentAnalysis } from "../model/index.js";

/** What the NLP stage hands the store for a report it reads fully (written by hand, like store.test.ts). */
function checkpostAttack(): DocumentAnalysis {
  const text =
    "PESHAWAR, Nov 3 - Militants attacked a police checkpost in Pakistan's Khyber Pakhtunkhwa province on Tuesday, killing three policemen. " +
    "The group, active in South Asia, accused Pakistan of lying.";
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words });
  const mention = (words: string, type: "GPE" | "LOC" | "ORG", actor: string) => ({ doc: "kp", ...at(words), type, actor });
  const attack = at("Militants attacked a police checkpost in Pakistan's Khyber Pakhtunkhwa province on Tuesday");
  const accuse = at("The group, active in South Asia, accused Pakistan");
  return {
    document: toDocument({ id: "kp", text, date: "2026-11-03", source: "Dawn" }, "kp.jsonl"),
    actors: [
      { id: "e1", name: "Militants", type: "ORG", aliases: ["The group"] },
      { id: "e2", name: "Pakistan", type: "GPE", aliases: [] },
      { id: "e3", name: "Khyber Pakhtunkhwa", type: "GPE", aliases: [] },
      { id: "e4", name: "Peshawar", type: "GPE", aliases: ["PESHAWAR"] },
      { id: "e5", name: "South Asia", type: "LOC", aliases: [] },
    ],
    mentions: [
      mention("PESHAWAR", "GPE", "e4"),
      mention("Militants", "ORG", "e1"),
      mention("Pakistan", "GPE", "e2"),
      mention("Khyber Pakhtunkhwa", "GPE", "e3"),
      mention("South Asia", "LOC", "e5"),
    ],
    relations: [],
    events: [
      { type: "ASSAULT", source: "e1", target: null, time: "2026-11-03", attributed_to: null, provenance: [{ document: "kp", ...attack }] },
      { type: "ACCUSE", source: "e1", target: "e2", attributed_to: null, provenance: [{ document: "kp", ...accuse }] },
    ],
    claims: [],
    timexes: [],
  };
}

// One wire report as two outlets ran it (each with its own credit line), and a later, different raid.
const REPORT =
  "ISLAMABAD, March 25 - Almost 150 people were killed when Afghan aircraft raided a number of Pakistani villages in North Waziristan on Monday, Pakistani officials said.";
const report = (text: string, date: string, source: string) => analyse(toDocument({ text, date, source }, `${source}.jsonl`));
const reuters = () => report(`${REPORT}\n\nReporting by Reuters.`, "1987-03-25", "Reuters");
const dawn = () => report(`${REPORT}\n\nDawn staff report.`, "1987-03-26", "Dawn");
const later = () =>
  report("ISLAMABAD, April 29 - Afghan aircraft raided Pakistani villages in Kurram Agency on Monday, killing 12 people, officials said.", "1987-04-29", "Reuters");

describe.each(backends)("places and happenings in the $name store", (backend) => {
  const open = storePerTest(backend);

  it.skipIf(!backend.available)("ingesting the same report under two outlets' names yields one event with two sources", async () => {
    const s = await open();
    const first = reuters();
    expect(first.events.length).toBeGreaterThan(0);
    await s.saveAnalysis(first);
    await s.saveAnalysis(dawn());
    await s.saveAnalysis(later());

    const happenings = (await s.mergedEvents()).filter((e) => e.type === "ASSAULT");
    expect(happenings).toHaveLength(2);
    const [raid, laterRaid] = happenings;
    expect(raid.members.map((m) => m.outlet)).toEqual(["Reuters", "Dawn"]);
    expect(new Set(raid.members.map((m) => m.document)).size).toBe(2);
    expect(raid.members[1].merge?.rule).toMatch(/^same-type\+same-actors\+/);
    expect(raid.members[0].figures).toContainEqual({ kind: "killed", value: 150, qualifier: "almost", text: "Almost 150 people were killed" });
    expect(raid.geo).toMatchObject({ name: "North Waziristan", country_code: "PK" });
    expect(laterRaid.members).toHaveLength(1);

    const graph = await s.exportGraph({ timeline: true });
    const merged = graph.events.filter((e) => e.cluster === raid.id);
    expect(merged).toHaveLength(2);
    expect(merged[0].geo?.name).toBe("North Waziristan");
    const pakistan = graph.actors.find((a) => a.geo?.country_code === "PK" && a.geo.feature_type === "country");
    expect(pakistan).toBeDefined();
    expect(graph.timeline?.[raid.source]?.filter((t) => t.kind === "event")).toHaveLength(2);

    const timeline = await s.timeline(raid.source);
    expect(timeline[0]).toMatchObject({ kind: "event", id: raid.id, sources: [{ outlet: "Reuters" }, { outlet: "Dawn" }] });
    expect(await s.timeline(raid.source, { from: "1987-04" })).toHaveLength(1);

    const places = await s.places();
    expect(places.find((p) => p.actor.name === "North Waziristan")?.geo).toMatchObject({ feature_type: "admin2", country_code: "PK" });
  });

  it.skipIf(!backend.available)("the very same text under two outlets' names is one event with two sources; each outlet again is a duplicate", async () => {
    const s = await open();
    const run = (source: string) => storeDocument(s, toDocument({ text: REPORT, date: "1987-03-25", source }, `${source}.jsonl`));
    expect((await run("Reuters")).status).toBe("inserted");
    expect((await run("Dawn")).status).toBe("inserted");
    expect((await run("Reuters")).status).toBe("duplicate");
    expect((await run("Dawn")).status).toBe("duplicate");
    const [raid, ...others] = (await s.mergedEvents()).filter((e) => e.type === "ASSAULT");
    expect(others).toEqual([]);
    expect(raid!.members.map((m) => m.outlet)).toEqual(["Reuters", "Dawn"]);
    const documents = (await s.exportGraph()).documents;
    expect(documents.map((d) => [d.source, d.duplicate_of === undefined])).toEqual([
      ["Reuters", true],
      ["Dawn", false],
    ]);
  });

  it.skipIf(!backend.available)("through the ingest path, a second outlet's copy of a report is a second source of its event", async () => {
    const s = await open();
    await storeDocument(s, toDocument({ text: `${REPORT}\n\nReporting by Reuters.`, date: "1987-03-25", source: "Reuters" }, "reuters.jsonl"));
    await storeDocument(s, toDocument({ text: `${REPORT}\n\nDawn staff report.`, date: "1987-03-26", source: "Dawn" }, "dawn.jsonl"));
    const happenings = (await s.mergedEvents()).filter((e) => e.type === "ASSAULT");
    expect(happenings).toHaveLength(1);
    const [raid] = happenings;
    expect(raid.members.map((m) => m.outlet)).toEqual(["Reuters", "Dawn"]);
    const copy = raid.members[1];
    // The copy's span points into its own text.
    const copyText = (await s.document(copy.document))!.text;
    for (const p of copy.provenance) expect(copyText.slice(p.start, p.end)).toBe(p.text);
    expect(copy.provenance.length).toBeGreaterThan(0);
    const timeline = await s.timeline(raid.source);
    expect(timeline.find((t) => t.id === raid.id)?.sources.map((source) => source.outlet)).toEqual(["Reuters", "Dawn"]);
  });

  it.skipIf(!backend.available)("places an event where its words put it, not where its actor is active", async () => {
    const s = await open();
    await s.saveAnalysis(checkpostAttack());
    const graph = await s.exportGraph();
    const [attack, accusation] = graph.events;
    expect(attack.geo).toMatchObject({ name: "Khyber Pakhtunkhwa", country_code: "PK", feature_type: "admin1" });
    expect(accusation.geo).toBeUndefined();
    expect(graph.actors.find((a) => a.name === "Peshawar")?.geo).toMatchObject({ country_code: "PK", feature_type: "city" });
    const [happening] = (await s.mergedEvents()).filter((e) => e.type === "ASSAULT");
    expect(happening.members[0].figures).toEqual([{ kind: "killed", value: 3, text: "killing three" }]);
  });

  it.skipIf(!backend.available)("undoes a merge and never merges that pair again", async () => {
    const s = await open();
    await s.saveAnalysis(reuters());
    await s.saveAnalysis(dawn());
    const [raid] = (await s.mergedEvents()).filter((e) => e.type === "ASSAULT");
    const second = raid.members[1].event;
    expect(await s.splitEvent(second)).toEqual({ from: raid.id, now: second });
    const after = (await s.mergedEvents()).filter((e) => e.type === "ASSAULT");
    expect(after.map((e) => e.members.length)).toEqual([1, 1]);
    await expect(s.splitEvent(second)).rejects.toThrow(/only report/);
    await expect(s.splitEvent("evt:nope")).rejects.toThrow(/no event/);
  });
});
