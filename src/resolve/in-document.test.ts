import { describe, expect, it } from "vitest";
import { AnalysedDoc } from "../nlp/doc.js";
import { MentionFinder } from "../nlp/mentions.js";
import { tokenizer } from "../nlp/tokenize.js";
import { InDocumentResolver } from "./in-document.js";

function resolve(text: string): AnalysedDoc {
  const doc = new AnalysedDoc({ id: "doc", date: "2020-01-01", text, sha256: "" });
  tokenizer.run(doc);
  new MentionFinder().run(doc);
  new InDocumentResolver().run(doc);
  return doc;
}

const entityOf = (doc: AnalysedDoc, text: string) => doc.entity(doc.mentions.find((m) => m.text === text)?.entity);

describe("InDocumentResolver", () => {
  it("keeps an article its acronym spells and makes an organisation described as militant an armed group", () => {
    const doc = resolve("The Northern Front (TNF), a militant outfit based in the hills, attacked a post. TNF said it would go on.");
    const front = entityOf(doc, "TNF")!;
    expect(front.name).toBe("The Northern Front");
    expect(front.subtype).toBe("armed_group");
    expect(entityOf(doc, "Northern Front")).toBe(front);
  });

  it("joins a name given as also known as another", () => {
    const doc = resolve("The spokesman Omar Hassan Abdi, also known as Abu Yahya, spoke on the radio.");
    expect(entityOf(doc, "Abu Yahya")).toBe(entityOf(doc, "Omar Hassan Abdi"));
  });

  it("does not read a description as an actor its own sentence names after it", () => {
    const doc = resolve("Lashkar-e-Taiba was named. The Northern Front (TNF) struck. Hamas praised it. The outfit denied any link with Lashkar-e-Taiba.");
    expect(entityOf(doc, "The outfit")?.name).not.toBe("Lashkar-e-Taiba");
  });

  it("reads 'Indian' as India and the country of a sentence as the one it names first", () => {
    const doc = resolve("The Indian government protested. Mali's president ended the country's pact with France.");
    expect(entityOf(doc, "Indian government")?.name).toBe("India");
    expect(entityOf(doc, "the country")?.name).toBe("Mali");
  });

  it("reads a capital as its country when it speaks or acts for it, and the city elsewhere", () => {
    const doc = resolve("Fighters in Tehran rested. The militias take orders from Tehran, a charge Tehran denies.");
    const cities = doc.mentions.filter((m) => m.text === "Tehran").map((m) => doc.entity(m.entity)?.name);
    expect(cities).toEqual(["Tehran", "Iran", "Iran"]);
  });

  it("joins an organisation's name in translation and reads a person filed with a group as a person", () => {
    const doc = resolve("The rebels of Hezbollah (Party of God) met. Al Qaeda's leader Ayman al-Zawahiri spoke.");
    expect(entityOf(doc, "Party of God")?.name).toBe("Hezbollah");
    expect(entityOf(doc, "Ayman al-Zawahiri")).toMatchObject({ name: "Ayman al-Zawahiri", type: "PER" });
  });

  it("reads a country's army as an actor 'the army' refers back to, and a place after 'in' as a place", () => {
    const doc = resolve("The TTP threatened Pakistan’s army after an assault in Dera Ismail Khan. Later the army struck back.");
    expect(entityOf(doc, "Pakistan’s army")).toMatchObject({ name: "Pakistan Army", type: "ORG", subtype: "military" });
    expect(entityOf(doc, "the army")?.name).toBe("Pakistan Army");
    expect(entityOf(doc, "Dera Ismail Khan")?.type).toBe("GPE");
  });

  it("resolves a description to the organisation named most (an armed group counts two more), named first among equals", () => {
    const quiet = " The weather was hot. Rain fell.";
    // Al-Shabaab once long before (1 + 2) against the Red Cross twice in the sentences before (2 + 1 for being recent): a tie.
    const tie = resolve(`Al-Shabaab attacked a base.${quiet} The Red Cross sent aid. The Red Cross spoke. The group said it was ready.`);
    expect(entityOf(tie, "The group")?.name).toBe("al-Shabaab");
    const often = resolve(`Al-Shabaab attacked a base.${quiet} The Red Cross sent aid. The Red Cross spoke. The Red Cross left. The group said it was ready.`);
    expect(entityOf(often, "The group")?.name).toBe("Red Cross");
    const lately = resolve(`The Red Cross sent aid. The Red Cross spoke.${quiet} Al-Shabaab attacked a base. The group said it was ready.`);
    expect(entityOf(lately, "The group")?.name).toBe("al-Shabaab");
  });
});
