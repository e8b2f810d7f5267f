import { describe, expect, it } from "vitest";
import { backends, storePerTest } from "../../test/stores.js";
import { sha256 } from "../ingest/types.js";
import type { Actor, DocumentAnalysis } from "../model/index.js";

/** A small analysis written by hand: what the NLP stage would hand the store. */
function analysis(id: string, text: string, actors: Actor[], extra: Partial<DocumentAnalysis> = {}): DocumentAnalysis {
  return {
    document: { id, date: "2023-02-16", text, sha256: sha256(text), title: `Report ${id}` },
    actors,
    mentions: [],
    relations: [],
    events: [],
    claims: [],
    timexes: [],
    ...extra,
  };
}

const ISKP_TEXT = "ISKP, an affiliate of the Islamic State, said the Taliban are pawns. The group warned Pakistan.";
const iskpDoc = () =>
  analysis(
    "d1",
    ISKP_TEXT,
    [
      { id: "e1", name: "Islamic State - Khorasan Province", type: "ORG", subtype: "armed_group", aliases: ["ISKP", "the group"] },
      { id: "e2", name: "Islamic State", type: "ORG", aliases: [] },
      { id: "e3", name: "Taliban", type: "ORG", aliases: ["they"] },
      { id: "e4", name: "Pakistan", type: "GPE", subtype: "country", aliases: [] },
    ],
    {
      mentions: [{ doc: "d1", start: 0, end: 4, text: "ISKP", type: "ORG", actor: "e1" }],
      relations: [
        {
          subject: "e1",
          predicate: "affiliate_of",
          object: "e2",
          attributed_to: null,
          confidence: 0.9,
          time: "2015",
          provenance: [{ document: "d1", start: 0, end: 39, text: "ISKP, an affiliate of the Islamic State", sentence: 0 }],
        },
        {
          subject: "e3",
          predicate: "allied_with",
          object: "e4",
          attributed_to: "e1",
          confidence: 0.6,
          provenance: [{ document: "d1", start: 46, end: 67, text: "the Taliban are pawns", sentence: 0 }],
        },
      ],
      events: [
        {
          type: "THREATEN",
          source: "e1",
          target: "e4",
          attributed_to: null,
          provenance: [{ document: "d1", start: 69, end: 94, text: "The group warned Pakistan", sentence: 1 }],
        },
      ],
      claims: [
        {
          speaker: "e1",
          about: ["e3", "e4"],
          cue: "said",
          text: "the Taliban are pawns",
          quote: "indirect",
          provenance: [{ document: "d1", start: 41, end: 67, text: "said the Taliban are pawns", sentence: 0 }],
        },
      ],
      timexes: [{ start: 0, end: 4, text: "2015", type: "DATE", value: "2015" }],
    },
  );

describe.each(backends)("SQL store on $name", (backend) => {
  const open = storePerTest(backend);

  it.skipIf(!backend.available)("saves one analysis and exports it with actor ids as endpoints and model field names", async () => {
    const s = await open();
    expect(await s.saveAnalysis(iskpDoc())).toEqual({ status: "inserted", documentId: "d1" });
    const graph = await s.exportGraph();
    expect(Object.keys(graph)).toEqual(["documents", "actors", "relations", "events", "claims"]);
    expect(graph.documents).toEqual([{ id: "d1", date: "2023-02-16", title: "Report d1", text: ISKP_TEXT, sha256: sha256(ISKP_TEXT) }]);
    const iskp = graph.actors.find((a) => a.name === "Islamic State - Khorasan Province");
    expect(iskp).toEqual({
      id: "org:islamic-state-khorasan-province",
      name: "Islamic State - Khorasan Province",
      type: "ORG",
      subtype: "armed_group",
      aliases: ["ISKP", "the group"],
    });
    expect(graph.relations[0]).toEqual({
      id: "rel:d1:0",
      subject: "org:islamic-state-khorasan-province",
      predicate: "affiliate_of",
      object: "org:islamic-state",
      time: "2015",
      attributed_to: null,
      confidence: 0.9,
      provenance: [{ document: "d1", start: 0, end: 39, text: "ISKP, an affiliate of the Islamic State", sentence: 0 }],
    });
    // What ISKP only claims stays attributed to it.
    expect(graph.relations[1]).toMatchObject({ subject: "org:taliban", object: "gpe:pakistan", attributed_to: "org:islamic-state-khorasan-province" });
    expect(graph.events).toEqual([
      {
        id: "evt:d1:0",
        type: "THREATEN",
        source: "org:islamic-state-khorasan-province",
        target: "gpe:pakistan",
        attributed_to: null,
        provenance: [{ document: "d1", start: 69, end: 94, text: "The group warned Pakistan", sentence: 1 }],
      },
    ]);
    expect(graph.claims[0]).toMatchObject({ id: "clm:d1:0", speaker: "org:islamic-state-khorasan-province", about: ["org:taliban", "gpe:pakistan"], quote: "indirect" });
  });

  it.skipIf(!backend.available)("stores the same text once: the second save is a duplicate and changes nothing", async () => {
    const s = await open();
    await s.saveAnalysis(iskpDoc());
    const before = await s.exportGraph();
    const again = iskpDoc();
    again.document.id = "another-id";
    again.actors[0]!.aliases.push("IS-K");
    expect(await s.saveAnalysis(again)).toEqual({ status: "duplicate", documentId: "d1" });
    expect(await s.hasDocument(sha256(ISKP_TEXT))).toBe(true);
    expect(await s.exportGraph()).toEqual(before);
  });

  it.skipIf(!backend.available)("rolls back a document whose analysis fails half-way, leaving the store as it was", async () => {
    const s = await open();
    await s.saveAnalysis(iskpDoc());
    const before = await s.exportGraph();
    const broken = analysis("d2", "Hamas said something about Israel.", [
      { id: "e1", name: "Hamas", type: "ORG", aliases: [] },
      { id: "e2", name: "Israel", type: "GPE", aliases: [] },
    ]);
    broken.claims.push({ speaker: "e1", about: ["e9"], cue: "said", text: "something", quote: "indirect", provenance: [] });
    await expect(s.saveAnalysis(broken)).rejects.toThrow(/unknown actor "e9"/);
    expect(await s.exportGraph()).toEqual(before);
    expect(await s.hasDocument(broken.document.sha256)).toBe(false);
    expect(await s.orphanRows()).toEqual([]);
  });

  it.skipIf(!backend.available)("refuses a known document id for a different text", async () => {
    const s = await open();
    await s.saveAnalysis(iskpDoc());
    await expect(s.saveAnalysis(analysis("d1", "Different text.", []))).rejects.toThrow('document id "d1" is already used by a different text');
  });

  it.skipIf(!backend.available)("resolves actors across documents by name or alias, never by pronoun-like aliases or across types", async () => {
    const s = await open();
    await s.saveAnalysis(iskpDoc());
    await s.saveAnalysis(
      analysis("d2", "The ISKP (IS-K) and Hamas: the group said. Jordan spoke. Khan left.", [
        { id: "a", name: "ISKP", type: "ORG", aliases: ["IS-K", "the group"] },
        { id: "b", name: "Hamas", type: "ORG", aliases: ["the group", "they"] },
        { id: "c", name: "Jordan", type: "PER", aliases: [] },
        { id: "d", name: "Pakistan", type: "LOC", aliases: [] },
      ]),
    );
    await s.saveAnalysis(
      analysis("d3", "Jordan and Imran Khan.", [
        { id: "x", name: "Jordan", type: "GPE", aliases: [] },
        { id: "y", name: "Imran Khan", type: "PER", aliases: ["Khan"] },
      ]),
    );
    await s.saveAnalysis(analysis("d4", "Khan Sahib spoke.", [{ id: "z", name: "Sahib Khan", type: "PER", aliases: ["Khan"] }]));
    const actors = await s.actors();
    const ids = actors.map((a) => a.id);
    expect(ids).toContain("org:hamas");
    expect(ids).toContain("per:jordan");
    expect(ids).toContain("gpe:jordan");
    expect(ids).not.toContain("org:iskp");
    expect(ids).not.toContain("loc:pakistan"); // GPE and LOC are compatible
    expect(ids.filter((id) => id.startsWith("per:"))).toEqual(expect.arrayContaining(["per:imran-khan", "per:sahib-khan"]));
    const iskp = await s.findActor("IS-K");
    expect(iskp?.id).toBe("org:islamic-state-khorasan-province");
    expect(iskp?.aliases).toEqual(expect.arrayContaining(["ISKP", "IS-K", "the group"]));
    // "the group" of d2 was Hamas's in-document alias, stored with it but not used to merge.
    expect((await s.actors({ q: "Hamas" }))[0]?.aliases).toEqual(["the group", "they"]);
    expect((await s.actors({ type: "per" })).map((a) => a.id)).toEqual(["per:imran-khan", "per:jordan", "per:sahib-khan"]);
  });

  it.skipIf(!backend.available)("answers dossier and claim queries by id, name or alias", async () => {
    const s = await open();
    await s.saveAnalysis(iskpDoc());
    const dossier = await s.dossier("org:islamic-state-khorasan-province");
    expect(dossier?.relations.map((r) => [r.id, r.date])).toEqual([
      ["rel:d1:0", "2023-02-16"],
      ["rel:d1:1", "2023-02-16"],
    ]);
    expect(dossier?.events).toHaveLength(1);
    expect(dossier?.claimsBy.map((c) => c.id)).toEqual(["clm:d1:0"]);
    expect(dossier?.claimsAbout).toEqual([]);
    expect(Object.keys(dossier?.related ?? {}).sort()).toEqual(["gpe:pakistan", "org:islamic-state", "org:taliban"]);
    expect((await s.claims({ speaker: "iskp" })).map((c) => c.id)).toEqual(["clm:d1:0"]);
    expect((await s.claims({ about: "Pakistan" })).map((c) => c.id)).toEqual(["clm:d1:0"]);
    expect(await s.claims({ about: "Islamic State" })).toEqual([]);
    expect(await s.claims({ speaker: "nobody at all" })).toEqual([]);
    expect(await s.dossier("org:nobody")).toBeUndefined();
  });

  it.skipIf(!backend.available)("searches document text with stemming and marks the matches in a snippet", async () => {
    const s = await open();
    await s.saveAnalysis(iskpDoc());
    await s.saveAnalysis(analysis("d2", "A quiet day in Lahore: markets opened and nobody warned anyone.", []));
    const hits = await s.search("warning pakistan");
    expect(hits.map((h) => h.document.id)).toEqual(["d1"]);
    expect(hits[0]?.snippet).toContain("«warned» «Pakistan»");
    expect(hits[0]?.document).toEqual({ id: "d1", date: "2023-02-16", title: "Report d1" });
    expect((await s.search("warned")).map((h) => h.document.id).sort()).toEqual(["d1", "d2"]);
    expect(await s.search("zanzibar")).toEqual([]);
    expect(await s.search("   ")).toEqual([]);
    expect((await s.document("d2"))?.text).toMatch(/^A quiet day/);
  });

  it.skipIf(!backend.available)("stores a text too varied for a full search vector (over 1 MB), searchable by its first 300,000 characters", async () => {
    const s = await open();
    // 120,000 distinct made-up words (~1 MB of text): their vector is over PostgreSQL's 1 MB limit.
    const word = (i: number) => `q${i.toString(36)}x`;
    const text = `Kandahar opens the report. ${Array.from({ length: 120_000 }, (_, i) => word(i)).join(" ")} Zanzibar closes it.`;
    expect((await s.saveAnalysis(analysis("long", text, []))).status).toBe("inserted");
    expect((await s.search("kandahar")).map((h) => h.document.id)).toEqual(["long"]);
    expect(await s.search("zanzibar")).toEqual([]);
    expect((await s.document("long"))?.text).toBe(text);
  });
});
