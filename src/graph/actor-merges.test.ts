import { describe, expect, it } from "vitest";
import { backends, storePerTest } from "../../test/stores.js";
import { sha256 } from "../ingest/types.js";
import type { Actor, DocumentAnalysis, GraphExport } from "../model/index.js";

/** What the NLP stage hands the store for one small, hand-written report. */
function analysis(id: string, date: string, text: string, actors: Actor[], extra: Partial<DocumentAnalysis> = {}): DocumentAnalysis {
  return { document: { id, date, text, sha256: sha256(text) }, actors, mentions: [], relations: [], events: [], claims: [], timexes: [], ...extra };
}

const span = (doc: string, text: string, start = 0) => [{ document: doc, start, end: start + text.length, text, sentence: 0 }];

/** "General Munir" heads the army of Pakistan and warns the TTP. */
const generalMunir = () =>
  analysis("d1", "2023-02-16", "Army chief General Munir warned the TTP.", [
    { id: "e1", name: "Munir", type: "PER", aliases: ["General Munir", "he"] },
    { id: "e2", name: "Tehrik-i-Taliban Pakistan", type: "ORG", aliases: ["TTP"] },
  ], {
    mentions: [
      { doc: "d1", start: 11, end: 24, text: "General Munir", type: "PER", actor: "e1" },
      { doc: "d1", start: 36, end: 39, text: "TTP", type: "ORG", actor: "e2" },
    ],
    events: [{ type: "THREATEN", source: "e1", target: "e2", attributed_to: null, provenance: span("d1", "General Munir warned the TTP", 11) }],
  });

/** "Asim Munir" speaks about Afghanistan. */
const asimMunir = () =>
  analysis("d2", "2023-03-01", "Asim Munir said Afghanistan shelters militants. Munir met Sharif.", [
    { id: "e1", name: "Asim Munir", type: "PER", aliases: ["Munir"] },
    { id: "e2", name: "Afghanistan", type: "GPE", aliases: [] },
    { id: "e3", name: "Shehbaz Sharif", type: "PER", aliases: ["Sharif"] },
  ], {
    mentions: [
      { doc: "d2", start: 0, end: 10, text: "Asim Munir", type: "PER", actor: "e1" },
      { doc: "d2", start: 16, end: 27, text: "Afghanistan", type: "GPE", actor: "e2" },
      { doc: "d2", start: 48, end: 53, text: "Munir", type: "PER", actor: "e1" },
    ],
    relations: [{ subject: "e1", predicate: "allied_with", object: "e3", attributed_to: null, confidence: 0.5, provenance: span("d2", "Munir met Sharif", 48) }],
    claims: [{ speaker: "e1", about: ["e2"], cue: "said", text: "Afghanistan shelters militants", quote: "indirect", provenance: span("d2", "said Afghanistan shelters militants", 11) }],
  });

/** An unrelated report, to check that nothing else moves. */
const hamas = () =>
  analysis("d0", "2023-01-05", "Hamas accused Israel.", [
    { id: "e1", name: "Hamas", type: "ORG", aliases: [] },
    { id: "e2", name: "Israel", type: "GPE", aliases: [] },
  ], { events: [{ type: "ACCUSE", source: "e1", target: "e2", attributed_to: null, provenance: span("d0", "Hamas accused Israel") }] });

const person = (doc: string, date: string, name: string, aliases: string[] = []) =>
  analysis(doc, date, `${name} spoke in ${doc}.`, [{ id: "e1", name, type: "PER", aliases }]);

/** The export without the given documents' items and the given actors: what must not change. */
function without(graph: GraphExport, documents: string[], actors: string[]): unknown {
  const kept = (p: { provenance: { document: string }[] }) => !p.provenance.some((s) => documents.includes(s.document));
  return {
    documents: graph.documents.filter((d) => !documents.includes(d.id)),
    actors: graph.actors.filter((a) => !actors.includes(a.id)),
    relations: graph.relations.filter(kept),
    events: graph.events.filter(kept),
    claims: graph.claims.filter(kept),
  };
}

describe.each(backends)("cross-document actor merges on $name", (backend) => {
  const open = storePerTest(backend);

  it.skipIf(!backend.available)("joins 'General Munir' and 'Asim Munir' into one person and records why", async () => {
    const s = await open();
    await s.saveAnalysis(generalMunir());
    await s.saveAnalysis(asimMunir());
    const munir = await s.findActor("Asim Munir");
    expect(munir?.id).toBe("per:munir");
    expect(munir?.name).toBe("Asim Munir");
    expect(munir?.aliases).toEqual(expect.arrayContaining(["General Munir", "Munir"]));
    expect((await s.actors({ type: "PER" })).map((a) => a.id)).toEqual(["per:munir", "per:shehbaz-sharif"]);
    const [merge, ...rest] = await s.actorMerges("per:munir");
    expect(rest).toEqual([]);
    expect(merge).toMatchObject({ actor: "per:munir", document: "d2", date: "2023-03-01", name: "Asim Munir", rule: "person-name-parts", score: 0.9, evidence: "asim munir", renamed_from: "Munir" });
    expect(merge?.undone_at).toBeUndefined();
    const exported = (await s.exportGraph()).actors.find((a) => a.id === "per:munir");
    expect(exported?.merged_from).toEqual([{ document: "d2", name: "Asim Munir", rule: "person-name-parts", score: 0.9, evidence: "asim munir" }]);
    const dossier = await s.dossier("per:munir");
    expect(dossier?.events.map((e) => e.id)).toEqual(["evt:d1:0"]);
    expect(dossier?.claimsBy.map((c) => c.id)).toEqual(["clm:d2:0"]);
  });

  it.skipIf(!backend.available)("joins 'ISIS-K' and 'ISKP' by their gazetteer key, and known persons by the Phoenix dictionary", async () => {
    const s = await open();
    await s.saveAnalysis(analysis("d1", "2023-01-01", "ISIS-K struck.", [{ id: "e1", name: "ISIS-K", type: "ORG", key: "org:iskp", aliases: [] }]));
    await s.saveAnalysis(analysis("d2", "2023-01-02", "ISKP struck.", [{ id: "e1", name: "ISKP", type: "ORG", key: "org:iskp", aliases: [] }]));
    await s.saveAnalysis(person("d3", "2010-05-01", "Asif Ali Zardari"));
    await s.saveAnalysis(person("d4", "2011-05-01", "President Zardari"));
    expect((await s.actors()).map((a) => a.id)).toEqual(["per:asif-ali-zardari", "org:isis-k"]);
    expect(await s.actorMerges("org:isis-k")).toMatchObject([{ document: "d2", name: "ISKP", rule: "gazetteer-key", score: 1, evidence: "org:iskp" }]);
    expect(await s.actorMerges("per:asif-ali-zardari")).toMatchObject([{ document: "d4", rule: "phoenix-dictionary", evidence: "phoenix:asif-ali-zardari" }]);
    expect(await s.actorKeys("per:asif-ali-zardari")).toEqual(["phoenix:asif-ali-zardari"]);
  });

  it.skipIf(!backend.available)("keeps apart persons who only share a surname", async () => {
    const s = await open();
    await s.saveAnalysis(person("d1", "2023-01-01", "Imran Khan", ["Khan"]));
    await s.saveAnalysis(person("d2", "2023-01-02", "Sahib Khan", ["Khan"]));
    await s.saveAnalysis(person("d3", "2023-01-03", "Khan", ["General Khan"]));
    await s.saveAnalysis(person("d4", "2023-01-04", "Farooq Munir"));
    await s.saveAnalysis(person("d5", "2023-01-05", "Asim Munir"));
    await s.saveAnalysis(person("d6", "2023-01-06", "President Munir"));
    expect((await s.actors({ type: "PER" })).map((a) => a.id)).toEqual(["per:asim-munir", "per:farooq-munir", "per:imran-khan", "per:khan", "per:president-munir", "per:sahib-khan"]);
    for (const id of ["per:imran-khan", "per:sahib-khan", "per:khan", "per:asim-munir", "per:president-munir"]) expect(await s.actorMerges(id), id).toEqual([]);
  });

  it.skipIf(!backend.available)("unmerges into two actors with their own rows, changing nothing else, and never re-merges that evidence", async () => {
    const s = await open();
    await s.saveAnalysis(hamas());
    await s.saveAnalysis(generalMunir());
    const beforeMerge = await s.exportGraph();
    const d1View = await s.documentView("d1");
    await s.saveAnalysis(asimMunir());

    await expect(s.unmergeActor("per:munir", "nowhere")).rejects.toThrow(/no merge into per:munir comes from "nowhere"/);
    const result = await s.unmergeActor("per:munir", "d2");
    expect(result).toMatchObject({ actor: "per:munir", split_into: "per:asim-munir" });
    expect(result.undone).toMatchObject([{ document: "d2", rule: "person-name-parts", split_into: "per:asim-munir" }]);
    expect(result.undone[0]?.undone_at).toBeDefined();

    const general = await s.dossier("per:munir");
    expect(general?.actor).toMatchObject({ name: "Munir", aliases: ["General Munir", "he"] });
    expect(general?.events.map((e) => e.id)).toEqual(["evt:d1:0"]);
    expect(general?.claimsBy).toEqual([]);
    expect(general?.relations).toEqual([]);
    const asim = await s.dossier("per:asim-munir");
    expect(asim?.actor).toMatchObject({ name: "Asim Munir", aliases: ["Munir"] });
    expect(asim?.claimsBy.map((c) => c.id)).toEqual(["clm:d2:0"]);
    expect(asim?.relations.map((r) => [r.id, r.subject])).toEqual([["rel:d2:0", "per:asim-munir"]]);
    expect(asim?.events).toEqual([]);
    expect((await s.documentView("d2"))?.mentions.filter((m) => m.type === "PER").map((m) => m.actor)).toEqual(["per:asim-munir", "per:asim-munir"]);

    // Everything read before the merge is as it was; only d2's rows and its actors were added.
    const after = await s.exportGraph();
    expect(without(after, ["d2"], ["per:asim-munir", "per:shehbaz-sharif", "gpe:afghanistan"])).toEqual(without(beforeMerge, [], []));
    expect(await s.documentView("d1")).toEqual(d1View);
    expect(await s.actorMerges("per:asim-munir")).toMatchObject([{ actor: "per:munir", split_into: "per:asim-munir" }]);
    await expect(s.unmergeActor("per:munir")).rejects.toThrow(/has no merges to undo/);

    // A later report naming Asim Munir joins the split actor, never the one it was taken from.
    await s.saveAnalysis(person("d7", "2023-04-01", "Asim Munir"));
    expect((await s.actors({ type: "PER" })).map((a) => a.id)).toEqual(["per:asim-munir", "per:munir", "per:shehbaz-sharif"]);
    expect((await s.actorMerges("per:asim-munir")).at(-1)).toMatchObject({ actor: "per:asim-munir", document: "d7", rule: "exact-alias" });
    expect(await s.orphanRows()).toEqual([]);
  });

  it.skipIf(!backend.available)("merges two actors by hand and unmerges them back to the store as it was", async () => {
    const s = await open();
    await s.saveAnalysis(hamas());
    await s.saveAnalysis(generalMunir());
    await s.saveAnalysis(person("d3", "2025-05-20", "Field Marshal Munir"));
    const before = await s.exportGraph();
    await expect(s.mergeActors("per:munir", "org:hamas")).rejects.toThrow(/cannot merge ORG org:hamas into PER per:munir/);
    const merge = await s.mergeActors("per:munir", "per:field-marshal-munir");
    expect(merge).toMatchObject({ actor: "per:munir", merged_actor: "per:field-marshal-munir", rule: "manual", score: 1 });
    expect((await s.actors({ type: "PER" })).map((a) => a.id)).toEqual(["per:munir"]);
    expect((await s.findActor("Field Marshal Munir"))?.id).toBe("per:munir");
    const undone = await s.unmergeActor("per:munir", "per:field-marshal-munir");
    expect(undone.split_into).toBe("per:field-marshal-munir");
    expect(await s.exportGraph()).toEqual(before);
    expect(await s.orphanRows()).toEqual([]);
  });
});
