import { describe, expect, it } from "vitest";
import type { Actor } from "../model/index.js";
import { actorKeys, blockKey, decideMerge, parsePersonName, personConflict, type MergeEvidence, type StoredActor } from "./cross-document.js";
import { phoenixDictionary, rolesOn } from "./phoenix.js";

const per = (name: string, aliases: string[] = []): Actor => ({ id: "e1", name, type: "PER", aliases });
const stored = (actorId: string, name: string, aliases: string[] = []): StoredActor => ({ actorId, name, type: "PER", aliases });
const evidence = (bySurname: Record<string, StoredActor[]> = {}, blocked: string[] = []): MergeEvidence => ({
  byKey: new Map(),
  bySurname: new Map(Object.entries(bySurname)),
  blocked: new Set(blocked),
});

describe("person names", () => {
  it("splits titles, given names and surname", () => {
    expect(parsePersonName("General Asim Munir")).toEqual({ titles: ["general"], given: ["asim"], surname: "munir" });
    expect(parsePersonName("Field Marshal Munir")).toEqual({ titles: ["field", "marshal"], given: [], surname: "munir" });
    expect(parsePersonName("President")).toBeUndefined();
  });

  it("finds contradicting given names and title kinds, accepts initials", () => {
    const forms = (...names: string[]) => names.map((n) => parsePersonName(n)!);
    expect(personConflict(forms("Imran Khan"), forms("Sahib Khan"))).toMatch(/given names imran and sahib differ/);
    expect(personConflict(forms("General Munir"), forms("President Munir"))).toMatch(/military and a civil title/);
    expect(personConflict(forms("A. Munir"), forms("Asim Munir"))).toBeUndefined();
    expect(personConflict(forms("General Munir"), forms("Asim Munir", "Army Chief Asim Munir"))).toBeUndefined();
  });
});

describe("deciding a merge", () => {
  it("joins a titled surname to the one stored person with that full name, explaining why", () => {
    const decision = decideMerge(per("Munir", ["General Munir"]), [], evidence({ munir: [stored("per:asim-munir", "Asim Munir", ["Munir"])] }));
    expect(decision).toMatchObject({ storeId: "per:asim-munir", rule: "person-name-parts", score: 0.9, evidence: "munir" });
    expect(decision?.rename).toBeUndefined();
    const full = decideMerge(per("Asim Munir"), [], evidence({ munir: [stored("per:munir", "Munir", ["General Munir"])] }));
    expect(full).toMatchObject({ storeId: "per:munir", rename: "Asim Munir", evidence: "asim munir" });
  });

  it("refuses ambiguous, common, contradicted or blocked surnames", () => {
    const two = { munir: [stored("per:asim-munir", "Asim Munir"), stored("per:farooq-munir", "Farooq Munir")] };
    expect(decideMerge(per("Munir", ["General Munir"]), [], evidence(two))).toBeUndefined();
    expect(decideMerge(per("Khan", ["General Khan"]), [], evidence({ khan: [stored("per:imran-khan", "Imran Khan")] }))).toBeUndefined();
    expect(decideMerge(per("Sahib Munir"), [], evidence({ munir: [stored("per:asim-munir", "Asim Munir")] }))).toBeUndefined();
    expect(decideMerge(per("Asim Munir"), [], evidence({ munir: [stored("per:munir", "Munir")] }, [blockKey("per:munir", "asim munir")]))).toBeUndefined();
  });

  it("prefers a shared gazetteer key, and knows Phoenix persons by any of their names", () => {
    const iskp: MergeEvidence = { ...evidence(), byKey: new Map([["org:iskp", [{ actorId: "org:isis-k", name: "ISIS-K", type: "ORG", aliases: [] }]]]) };
    expect(decideMerge({ id: "e1", name: "ISKP", type: "ORG", key: "org:iskp", aliases: [] }, [], iskp)).toMatchObject({ storeId: "org:isis-k", rule: "gazetteer-key", score: 1 });
    expect(actorKeys(per("President Zardari"))).toEqual(["phoenix:asif-ali-zardari"]);
    expect(actorKeys(per("Asif Ali Zardari", ["Zardari"]))).toEqual(["phoenix:asif-ali-zardari"]);
    const zardari = phoenixDictionary().person("asif-ali-zardari")!;
    expect(rolesOn(zardari, "2010-05-01").map((r) => [r.code, r.role, r.from, r.to])).toEqual([["PAKGOV", "government", "2008-09-09", "2013-09-08"]]);
    expect(rolesOn(zardari, "2015-01-01").map((r) => r.code)).toEqual(["PAKELI"]);
  });
});
