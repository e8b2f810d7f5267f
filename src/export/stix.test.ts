import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDocuments } from "../ingest/registry.js";
import { analyse } from "../nlp/pipeline.js";
import { sampleGraph } from "../../test/fixtures/graph.js";
import { SDOS_MISSING_FROM_BUNDLE, stixValidators } from "../../test/stix-schemas.js";
import { stixId, toStixBundle, uuidV5, type StixObject } from "./stix.js";
import { timexToTimestamp } from "./timestamp.js";

const validators = stixValidators();
const SEED = fileURLToPath(new URL("../../../shared/seeds/000_c9f1e4863a1e1bca.txt", import.meta.url));

function byName(objects: StixObject[], name: string): StixObject[] {
  return objects.filter((o) => o.name === name);
}

describe("STIX 2.1 export", () => {
  const bundle = toStixBundle(sampleGraph());

  it("validates against the OASIS STIX 2.1 schemas, object by object and as a bundle", () => {
    for (const object of bundle.objects) {
      const validate = validators.byType(object.type);
      expect(validate, `schema for ${object.type}`).toBeDefined();
      const ok = validate!(object);
      expect(ok, `${object.id}: ${JSON.stringify(validate!.errors)}`).toBe(true);
    }
    const ok = validators.bundleComplete(bundle);
    expect(ok, JSON.stringify(validators.bundleComplete.errors?.slice(0, 3))).toBe(true);
    // The shipped bundle.json accepts everything else as it is.
    const listed = bundle.objects.filter((o) => !SDOS_MISSING_FROM_BUNDLE.includes(o.type));
    expect(validators.bundle({ ...bundle, objects: listed }), JSON.stringify(validators.bundle.errors?.slice(0, 3))).toBe(true);
  });

  it("needs the completed bundle schema: the shipped one rejects any valid location", () => {
    const location = bundle.objects.find((o) => o.type === "location")!;
    expect(validators.byType("location")!(location)).toBe(true);
    expect(validators.bundle({ ...bundle, objects: [location] })).toBe(false);
  });

  it("a broken object fails the same validation (the check can fail)", () => {
    const relationship = bundle.objects.find((o) => o.type === "relationship")!;
    const broken = { ...relationship, start_time: "2015", id: "relationship--not-a-uuid" };
    expect(validators.byType("relationship")!(broken)).toBe(false);
    expect(validators.bundleComplete({ ...bundle, objects: [broken] })).toBe(false);
  });

  it("is deterministic and keys ids on stable content", () => {
    expect(JSON.stringify(toStixBundle(sampleGraph()))).toBe(JSON.stringify(bundle));
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    const ids = bundle.objects.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
  });

  it("maps actors by type and subtype", () => {
    const iskp = byName(bundle.objects, "Islamic State - Khorasan Province");
    expect(iskp.map((o) => o.type)).toEqual(["threat-actor"]);
    expect(iskp[0]!.aliases).toEqual(["ISKP", "the group"]);
    const pakistan = byName(bundle.objects, "Pakistan");
    expect(pakistan.map((o) => o.type).sort()).toEqual(["identity", "location"]);
    expect(pakistan.find((o) => o.type === "identity")!.identity_class).toBe("organization");
    expect(pakistan.find((o) => o.type === "location")!.country).toBe("PK");
    const peshawar = byName(bundle.objects, "Peshawar");
    expect(peshawar).toMatchObject([{ type: "location", country: "PK", city: "Peshawar" }]);
    expect(byName(bundle.objects, "Khorasan")).toMatchObject([{ type: "location", region: "Khorasan" }]);
    expect(byName(bundle.objects, "Asim Munir")).toMatchObject([{ type: "identity", identity_class: "individual" }]);
  });

  it("turns asserted relations into relationships with start_time, and claimed ones into notes", () => {
    const relationships = bundle.objects.filter((o) => o.type === "relationship");
    const affiliate = relationships.find((o) => o.relationship_type === "affiliate-of")!;
    const is = byName(bundle.objects, "Islamic State")[0]!;
    expect(affiliate.target_ref).toBe(is.id);
    expect(affiliate.x_dossier_provenance).toEqual([expect.objectContaining({ document: "d1", text: "ISKP, an affiliate of the Islamic State" })]);
    expect(relationships.find((o) => o.relationship_type === "visits")!.start_time).toBe("2023-02-13T00:00:00.000Z");
    // located_in points at the location object of a state, not its identity.
    const located = relationships.find((o) => o.relationship_type === "located-in")!;
    expect(located.target_ref).toBe(byName(bundle.objects, "Pakistan").find((o) => o.type === "location")!.id);
    expect(relationships.find((o) => o.relationship_type === "accuse")!.start_time).toBe("2023-02-01T00:00:00.000Z");
    // ISKP only claims Munir's position: a note authored by ISKP, never a relationship.
    expect(relationships.some((o) => o.relationship_type === "holds-position")).toBe(false);
    const claimed = bundle.objects.find((o) => o.type === "note" && o.x_dossier_predicate === "holds_position")!;
    expect(claimed.authors).toEqual(["Islamic State - Khorasan Province"]);
    expect(String(claimed.abstract)).toMatch(/^Islamic State - Khorasan Province claims: Asim Munir holds position \(army chief\)/);
    // One-sided items (no object) become notes on their subject.
    expect(bundle.objects.some((o) => o.type === "note" && o.x_dossier_predicate === "founded")).toBe(true);
  });

  it("turns claims into notes by their speaker and documents into reports", () => {
    const claim = bundle.objects.find((o) => o.type === "note" && o.x_dossier_claim === true && o.x_dossier_cue === "said" && o.x_dossier_stance)!;
    expect(claim).toMatchObject({ authors: ["Islamic State - Khorasan Province"], content: 'Pakistan is a "cancer"', x_dossier_quote: "direct" });
    const iskpId = byName(bundle.objects, "Islamic State - Khorasan Province")[0]!.id;
    expect(claim.object_refs).toContain(iskpId);
    const reports = bundle.objects.filter((o) => o.type === "report");
    expect(reports).toHaveLength(2);
    const first = reports.find((r) => r.x_dossier_document_id === "d1")!;
    expect(first.published).toBe("2023-02-16T00:00:00.000Z");
    expect(first.object_refs).toContain(claim.id);
    expect(first.object_refs).toContain(iskpId);
    expect(reports.find((r) => r.x_dossier_document_id === "d2")!.object_refs).toHaveLength(1);
  });

  it("is valid for what the pipeline reads from the seed", async () => {
    const [document] = await readDocuments(SEED, await readFile(SEED));
    const analysis = await analyse(document!);
    const withIds = <T>(items: T[], prefix: string) => items.map((item, i) => ({ ...item, id: `${prefix}${i}` }));
    const bundle = toStixBundle({
      documents: [analysis.document],
      actors: analysis.actors,
      relations: withIds(analysis.relations, "r"),
      events: withIds(analysis.events, "e"),
      claims: withIds(analysis.claims, "c"),
    });
    expect(bundle.objects.filter((o) => o.type === "relationship").length).toBeGreaterThan(0);
    for (const object of bundle.objects) expect(validators.byType(object.type)!(object), object.id).toBe(true);
    expect(validators.bundleComplete(bundle)).toBe(true);
  }, 120_000);

  it("gives documents' URLs as RFC 3986 URIs, and leaves out one that is no absolute URL", () => {
    const urls = ["https://例え.jp/パス?q=a b", "http://x.test/a b|c{d}%zz", "www.dawn.com/news/1", "https://x.test/ok?a=1#f"];
    const graph = sampleGraph();
    graph.documents = urls.map((url, i) => ({ ...graph.documents[0]!, id: `u${i}`, sha256: `${i}`.repeat(64), url }));
    const reports = toStixBundle(graph).objects.filter((o) => o.type === "report");
    for (const report of reports) expect(validators.byType("report")!(report), JSON.stringify(validators.byType("report")!.errors)).toBe(true);
    const url = (id: string) => (reports.find((r) => r.x_dossier_document_id === id)!.external_references as { url?: string }[])[0]!.url;
    expect(url("u0")).toBe("https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9?q=a%20b");
    expect(url("u1")).toBe("http://x.test/a%20b%7Cc%7Bd%7D%25zz");
    expect(url("u2")).toBeUndefined();
    expect(url("u3")).toBe("https://x.test/ok?a=1#f");
  });

  it("is valid for an empty graph too", () => {
    const empty = toStixBundle({ documents: [], actors: [], relations: [], events: [], claims: [] });
    expect(validators.bundle(empty)).toBe(true);
    expect(validators.bundleComplete(empty)).toBe(true);
    expect(empty.objects).toHaveLength(1);
  });
});

describe("timexToTimestamp", () => {
  it.each([
    ["2015", "2015-01-01T00:00:00.000Z"],
    ["2015-01", "2015-01-01T00:00:00.000Z"],
    ["2023-02-16", "2023-02-16T00:00:00.000Z"],
    ["2023-02-16T10:20", "2023-02-16T10:20:00.000Z"],
    ["2023-W07", "2023-02-13T00:00:00.000Z"],
    ["2021-W01", "2021-01-04T00:00:00.000Z"],
    ["2015-Q3", "2015-07-01T00:00:00.000Z"],
    ["2015-SU", "2015-06-01T00:00:00.000Z"],
    ["201X", "2010-01-01T00:00:00.000Z"],
    ["PRESENT_REF", undefined],
    ["P75Y", undefined],
    ["2023-02-30", undefined],
    ["2023-13", undefined],
  ])("%s → %s", (value, expected) => {
    expect(timexToTimestamp(value)).toBe(expected);
  });

  it("builds typed ids", () => {
    expect(stixId("report", "x")).toMatch(/^report--/);
  });
});
