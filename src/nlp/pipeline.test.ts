import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Document } from "../model/index.js";
import { analyseDoc } from "./pipeline.js";

const SEED = readFileSync(new URL("../../examples/seed-iskp.txt", import.meta.url), "utf8").replace(/^\s*date \S+\s*/, "");

function analysed(text: string, date = "2023-02-16") {
  const document: Document = { id: "doc", date, text, sha256: "" };
  const doc = analyseDoc(document);
  const byName = (name: string) => {
    const entity = doc.entities.find((e) => e.name === name || e.aliases.has(name));
    if (!entity) throw new Error(`no entity ${name}; have ${doc.entities.map((e) => e.name).join(", ")}`);
    return entity.id;
  };
  return { doc, byName };
}

describe("alias resolution (seed)", () => {
  const { doc, byName } = analysed(SEED);
  const iskp = doc.entities.find((e) => e.id === byName("ISKP"))!;

  it("resolves the acronym, 'The ISKP', the branch name and definite descriptions to one actor", () => {
    expect(iskp.name).toBe("Islamic State - Khorasan Province");
    expect([...iskp.aliases]).toEqual(expect.arrayContaining(["ISKP", "the group", "the outfit", "the terror outfit", "Khorasan province"]));
    expect(doc.entities.filter((e) => /ISKP|Khorasan Province/i.test(e.name))).toHaveLength(1);
  });

  it("keeps the parent Islamic State apart", () => {
    expect(byName("Islamic State")).not.toBe(iskp.id);
  });

  it("strips titles from persons and keeps them as aliases", () => {
    const munir = doc.entities.find((e) => e.id === byName("Asim Munir"))!;
    expect(munir.type).toBe("PER");
    expect(munir.aliases.has("General Asim Munir")).toBe(true);
    expect(byName("TTP")).toBe(byName("Tehrik-e-Taliban"));
  });

  it("types places and the periodical", () => {
    const type = (name: string) => doc.entities.find((e) => e.id === byName(name))!.type;
    expect([type("Pakistan"), type("Russia"), type("South Asia"), type("Khorasan Ghag")]).toEqual(["GPE", "GPE", "LOC", "WORK"]);
  });
});

describe("claims versus facts (seed)", () => {
  const { doc, byName } = analysed(SEED);
  const iskp = byName("ISKP");

  it("stores what ISKP says inside its claims as ISKP's, never as fact", () => {
    const visit = doc.relations.find((r) => r.predicate === "visits" && r.subject === byName("Asim Munir"));
    expect(visit?.attributed_to).toBe(iskp);
    const pair = (a: string, b: string) => (r: { subject: string; object: string | null }) =>
      (r.subject === a && r.object === b) || (r.subject === b && r.object === a);
    for (const [a, b] of [["Taliban", "Pakistan"], ["Asim Munir", "United States"], ["Pakistan", "United States"]] as const) {
      expect(doc.relations.filter((r) => r.attributed_to === null).filter(pair(byName(a), byName(b)))).toEqual([]);
    }
  });

  it("finds the claims with their speaker, cue and source span", () => {
    const claimed = doc.claims.find((c) => c.cue === "claimed")!;
    expect(claimed.speaker).toBe(iskp);
    expect(claimed.text).toBe("Pakistan is run by the establishment which follows the instructions of the United States");
    const [p] = claimed.provenance;
    expect(SEED.slice(p!.start, p!.end)).toBe(claimed.text);
    const direct = doc.claims.find((c) => c.quote === "direct")!;
    expect(direct.speaker).toBe(iskp);
    expect(direct.text).toMatch(/^This shows that Pakistani politicians/);
  });

  it("asserts the document's own relations with normalised times", () => {
    const founded = doc.relations.find((r) => r.predicate === "founded" && r.subject === iskp);
    expect(founded).toMatchObject({ attributed_to: null, time: "2014" });
    const rival = doc.relations.find((r) => r.predicate === "rival_of" && r.subject === iskp);
    expect(rival?.object).toBe(byName("Taliban"));
    const position = doc.relations.find((r) => r.predicate === "holds_position" && r.subject === byName("Imran Khan"));
    expect(position).toMatchObject({ role: "prime minister", status: "former", attributed_to: null });
  });
});

describe("general English beyond the seed", () => {
  const text = [
    "Al-Shabaab, an affiliate of al-Qaeda active in Somalia and Kenya, said in a statement on Monday that the Somali government is a puppet of Washington. The group warned that it will continue its attacks against the Somali state.",
    "",
    '"We will not stop until the foreign troops leave," the militant group said. Somali President Hassan Sheikh Mohamud visited Turkey last week.',
    "",
    "Kenya's defence minister Aden Duale condemned the attack.",
  ].join("\n");
  const { doc, byName } = analysed(text, "2024-05-14");
  const shabaab = byName("al-Shabaab");

  it("finds affiliation, area of operation, role, visit, threat and accusation", () => {
    const has = (subject: string, predicate: string, object: string | null) =>
      doc.relations.some((r) => r.subject === subject && r.predicate === predicate && r.object === object && r.attributed_to === null);
    expect(has(shabaab, "affiliate_of", byName("al-Qaeda"))).toBe(true);
    expect(has(shabaab, "operates_in", byName("Kenya"))).toBe(true);
    expect(has(byName("Hassan Sheikh Mohamud"), "holds_position", byName("Somalia"))).toBe(true);
    expect(has(byName("Hassan Sheikh Mohamud"), "visits", byName("Turkey"))).toBe(true);
    expect(has(byName("Aden Duale"), "holds_position", byName("Kenya"))).toBe(true);
    expect(doc.events.some((e) => e.type === "THREATEN" && e.source === shabaab && e.target === byName("Somalia"))).toBe(true);
  });

  it("resolves 'the group' and 'the militant group' to the armed group and attributes its words to it", () => {
    expect(doc.claims.map((c) => [c.speaker, c.quote])).toEqual(
      expect.arrayContaining([
        [shabaab, "indirect"],
        [shabaab, "direct"],
      ]),
    );
    const puppet = doc.claims.find((c) => c.text.includes("puppet"))!;
    expect(puppet.text).toBe("the Somali government is a puppet of Washington");
    expect(puppet.about).toEqual([byName("Somalia"), byName("Washington")]);
  });
});

describe("events inside claims", () => {
  it("attributes an event a speaker reports, even about itself, to the speaker", () => {
    const { doc, byName } = analysed("Iraq said its forces sank three Iranian boats in the northern Gulf today.", "1987-03-20");
    const sank = doc.events.find((e) => e.type === "ASSAULT");
    expect(sank).toMatchObject({ source: byName("Iraq"), target: byName("Iran"), attributed_to: byName("Iraq") });
  });

  it("keeps an event the document reports as fact", () => {
    const { doc, byName } = analysed("Afghan aircraft raided a number of Pakistani villages on Monday.", "1987-03-24");
    expect(doc.events).toEqual([expect.objectContaining({ type: "ASSAULT", source: byName("Afghanistan"), target: byName("Pakistan"), attributed_to: null, time: "1987-03-23" })]);
  });
});
