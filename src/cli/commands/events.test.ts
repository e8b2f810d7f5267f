import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../graph/open.js";
import { toDocument } from "../../ingest/types.js";
import type { GraphExport } from "../../model/index.js";
import { analyse } from "../../nlp/pipeline.js";
import { register as registerEvents } from "./events.js";
import { register as registerExport } from "./export.js";
import { register as registerPlaces } from "./places.js";
import { runInProcess } from "../../../test/cli.js";

const REPORT =
  "ISLAMABAD, March 25 - Almost 150 people were killed when Afghan aircraft raided a number of Pakistani villages in North Waziristan on Monday, Pakistani officials said.";

/** Runs one CLI command and returns what it printed. */
const run = (...args: string[]): Promise<string> => runInProcess([registerPlaces, registerEvents, registerExport], args);

describe("dossier places, events, timeline, split-event", () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "dossier-events-"));
    db = join(dir, "db");
    const store = await openStore(db);
    await store.saveAnalysis(analyse(toDocument({ text: `${REPORT}\n\nReporting by Reuters.`, date: "1987-03-25", source: "Reuters" }, "a")));
    await store.saveAnalysis(analyse(toDocument({ text: `${REPORT}\n\nDawn staff report.`, date: "1987-03-26", source: "Dawn" }, "b")));
    await store.close();
  }, 300_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("lists places with their reading and reason", async () => {
    const out = await run("places", "--db", db, "--alternatives");
    expect(out).toMatch(/North Waziristan \(GPE\) {2}North Waziristan, admin2 PK at 32\.9500, 70\.1000/);
    expect(out).toMatch(/Islamabad \(GPE\) {2}Islamabad, city PK/);
    expect(out).toMatch(/why: .*dateline/);
  });

  it("prints one happening with both reports, in the actor's timeline too", async () => {
    const events = await run("events", "--db", db);
    expect(events.match(/^\S+  \S+  ASSAULT /gm)).toHaveLength(1);
    expect(events).toMatch(/Reuters\) \{killed almost 150\}/);
    expect(events).toMatch(/merged by same-type\+same-actors\+same-day\+within-100km/);
    const timeline = await run("timeline", "Afghanistan", "--db", db, "--from", "1987-03", "--to", "1987-03");
    expect(timeline).toMatch(/^1987-03-23 {2}ASSAULT {2}Afghanistan → Pakistan {2}at North Waziristan \(PK\) {2}\[2 reports\]/m);
    expect(await run("timeline", "Afghanistan", "--db", db, "--from", "1987-04")).toMatch(/no events or relations in that period/);
    await expect(run("timeline", "Atlantis", "--db", db)).rejects.toThrow(/no actor named "Atlantis"/);
    await expect(run("timeline", "Afghanistan", "--db", db, "--from", "03/1987")).rejects.toThrow(/YYYY/);
  });

  it("exports timelines on request and undoes a merge", async () => {
    const out = join(dir, "graph.json");
    await run("export", "--format", "json", "--timeline", "--db", db, "--out", out);
    const graph = JSON.parse(await readFile(out, "utf8")) as GraphExport;
    const afghanistan = graph.actors.find((a) => a.name === "Afghanistan")!;
    expect(afghanistan.geo).toMatchObject({ country_code: "AF", feature_type: "country" });
    expect(graph.timeline?.[afghanistan.id]?.[0]).toMatchObject({ kind: "event", type: "ASSAULT", date: "1987-03-23", date_basis: "event" });
    const second = graph.events.filter((e) => e.type === "ASSAULT")[1];
    expect(await run("split-event", second.id, "--db", db)).toMatch(/left happening .*; it is now a happening of its own/);
    expect((await run("events", "--db", db)).match(/^\S+  \S+  ASSAULT /gm)).toHaveLength(2);
  });
});
