import { describe, expect, it } from "vitest";
import { Conll04Extractor, dossierPredicate, extractRelations } from "./index.js";
import { dropSharedTails } from "./model.js";

const tokens = (sentence: string) => sentence.split(" ");

describe("the committed CoNLL04 model", () => {
  const extractor = Conll04Extractor.load();

  it("finds the killer and the victim of an assassination", () => {
    const words = tokens("John Smith was assassinated by Tom Brown in Dallas .");
    const { entities, relations } = extractRelations(words, extractor);
    const text = (i: number) => entities[i]!.text;
    expect(entities).toEqual(
      expect.arrayContaining([
        { type: "Peop", start: 0, end: 2, text: "John Smith" },
        { type: "Peop", start: 5, end: 7, text: "Tom Brown" },
        { type: "Loc", start: 8, end: 9, text: "Dallas" },
      ]),
    );
    const kills = relations.filter((r) => r.type === "Kill").map((r) => [text(r.head), text(r.tail), r.predicate]);
    expect(kills).toEqual([["Tom Brown", "John Smith", "killed"]]);
    expect(relations.every((r) => r.score > 0)).toBe(true);
  });

  it("reads a position held in an organisation", () => {
    const words = tokens("Mary Jones , president of Acme Corp. , said the plan would go ahead .");
    const { entities, relations } = extractRelations(words, extractor);
    const work = relations.find((r) => r.type === "Work_For");
    expect(work).toMatchObject({ predicate: "holds_position", role: "president" });
    expect(entities[work!.head]).toMatchObject({ type: "Peop", text: "Mary Jones" });
    expect(entities[work!.tail]).toMatchObject({ type: "Org", text: "Acme Corp." });
  });

  it("annotates sentences without touching their other fields", () => {
    const input = [{ tokens: tokens("Nothing to see ."), entities: [], relations: [], orig_id: 1 }];
    expect(extractor.annotate(input)).toEqual([{ tokens: tokens("Nothing to see ."), entities: [], relations: [], orig_id: 1 }]);
  });
});

describe("CoNLL04 relations as Dossier predicates", () => {
  const person = { type: "Peop" as const, start: 0, end: 2 };
  it("maps each relation type", () => {
    const loc = { type: "Loc" as const, start: 5, end: 6 };
    expect(dossierPredicate("Live_In", tokens("Ann Lee lives in Oslo ."), person, loc)).toEqual({ predicate: "lives_in" });
    expect(dossierPredicate("Kill", [], person, person).predicate).toBe("killed");
    expect(dossierPredicate("OrgBased_In", [], person, loc).predicate).toBe("based_in");
    expect(dossierPredicate("Located_In", [], loc, loc).predicate).toBe("located_in");
  });

  it("splits Work_For by the presence of a role word", () => {
    const org = { type: "Org" as const, start: 4, end: 5 };
    expect(dossierPredicate("Work_For", tokens("Ann Lee , chairman of Acme"), person, { ...org, start: 5, end: 6 })).toEqual({
      predicate: "holds_position",
      role: "chairman",
    });
    expect(dossierPredicate("Work_For", tokens("Ann Lee joined the Acme team"), person, org)).toEqual({ predicate: "member_of" });
  });
});

describe("relations sharing a tail", () => {
  const live = (head: number, score: number) => ({ type: "Live_In" as const, head, tail: 2, score });
  const relations = [live(0, 50), live(1, 10), { type: "Located_In" as const, head: 3, tail: 2, score: 5 }];

  it("drop the weaker of one type when the stronger scores the gap more", () => {
    expect(dropSharedTails(relations, 30)).toEqual([live(0, 50), relations[2]]);
  });

  it("all stay within the gap or without the rule", () => {
    expect(dropSharedTails(relations, 60)).toEqual(relations);
    expect(dropSharedTails(relations, undefined)).toEqual(relations);
  });
});
