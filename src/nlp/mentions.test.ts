import { describe, expect, it } from "vitest";
import { AnalysedDoc } from "./doc.js";
import { MentionFinder } from "./mentions.js";
import { tokenizer } from "./tokenize.js";

function mentions(text: string) {
  const doc = new AnalysedDoc({ id: "doc", date: "2020-01-01", text, sha256: "" });
  tokenizer.run(doc);
  new MentionFinder().run(doc);
  return doc.mentions.map((m) => [m.text, m.type, m.source]);
}

describe("MentionFinder", () => {
  it("takes no word for a pronoun because an object's prototype has a key of that name", () => {
    expect(mentions("The constructor, a firm from Turkey, said it would finish in May.")).toEqual([
      ["Turkey", "GPE", "gazetteer"],
      ["it", "ORG", "pronoun"],
    ]);
  });

  it("finds gazetteer names whose folded form spans dashes, dots and several words", () => {
    const found = mentions("Fighters of al-Qaeda in the Islamic Maghreb crossed into the U.S. last year.");
    expect(found).toEqual(expect.arrayContaining([["U.S.", "GPE", "gazetteer"]]));
    expect(found.filter(([, , source]) => source === "gazetteer").map(([text]) => text)).toContain("al-Qaeda in the Islamic Maghreb");
  });

  it("reads capitals beyond ASCII and Arabic articles before a capital as name words, and demonyms by their capital", () => {
    expect(mentions("Pakistani officials met President Ünal Çelik in Mogadishu.")).toEqual(
      expect.arrayContaining([
        ["Pakistani", "GPE", "rule:demonym"],
        ["President Ünal Çelik", "PER", "rule:title"],
      ]),
    );
    const found = mentions("The Afghan government said al-Shabaab attacked; the pakistani press did not.");
    expect(found).toEqual(expect.arrayContaining([["Afghan government", "GPE", "rule:demonym-state"], ["al-Shabaab", "ORG", "gazetteer"]]));
    expect(found.map(([text]) => text)).not.toContain("pakistani");
  });

  it("splits a capitalised office from the name after it, and keeps a demonym inside an organisation's name", () => {
    const found = mentions("Yesterday Director General of Police Ravi Kumar Sethi met the Malian Armed Forces in Gao.");
    expect(found).toEqual(expect.arrayContaining([["Ravi Kumar Sethi", "PER", "rule:title"]]));
    expect(found.map(([text]) => text)).toContain("Malian Armed Forces");
  });

  it("splits a place's or an organisation's name, an office and a person's name, and no one person's name", () => {
    const names = (text: string) => mentions(text).map(([t, type]) => `${t}/${type}`);
    expect(names("On Monday Balochistan Chief Minister Sarfraz Bugti visited Quetta.")).toEqual(["Balochistan/GPE", "Sarfraz Bugti/PER", "Quetta/GPE"]);
    expect(names("Later Pakistan Army Chief General Asim Munir met troops.")).toEqual(["Pakistan Army/ORG", "Asim Munir/PER"]);
    expect(names("Later JUI-F Chief Maulana Fazlur Rehman spoke.")).toEqual(["JUI-F/ORG", "Fazlur Rehman/PER"]);
    expect(names("Later National Security Adviser Ajit Doval met Supreme Leader Ayatollah Ali Khamenei.")).toEqual(["Ajit Doval/PER", "Ali Khamenei/PER"]);
    expect(names("He said Khalid Sheikh Mohammed planned it.")).toContain("Khalid Sheikh Mohammed/PER");
    expect(mentions("The unit grew out of the Estado Mayor Central in 2016.").map(([t]) => t)).toEqual(["Estado Mayor Central"]);
    expect(names("Yesterday Punjab Police arrested three men.")).toEqual(["Punjab Police/ORG"]);
  });

  it("reads a name that runs on past a listed one, a lake, a publication by its issue and lone places after a preposition", () => {
    const found = mentions("The Islamic State West Africa Province wrote in the latest issue of al-Furqan that fighters near Tarkwala crossed Lake Chad.");
    expect(found).toEqual(
      expect.arrayContaining([
        ["Islamic State West Africa Province", "ORG", "gazetteer"],
        ["al-Furqan", "WORK", "rule:work-cue"],
        ["Lake Chad", "LOC", "rule:place-head"],
      ]),
    );
    expect(found.map(([text]) => text)).not.toContain("Chad");
    expect(mentions("Later the Hiiraan region fell.")).toEqual([["Hiiraan", "GPE", "rule:place-head"]]);
  });
  it("reads a place ending an organisation's name after 'of' as part of the name, but not after a state's own head", () => {
    const names = (text: string) => mentions(text).map(([name]) => name);
    expect(names("The Armed Forces of the Philippines struck.")).not.toContain("Philippines");
    const doc = new AnalysedDoc({ id: "doc", date: "2020-01-01", text: "The Armed Forces of the Philippines struck.", sha256: "" });
    tokenizer.run(doc);
    new MentionFinder().run(doc);
    expect(doc.mentions[0]).toMatchObject({ text: "Armed Forces of the Philippines", type: "ORG", subtype: "military" });
    expect(names("The Government of Kenya spoke.")).toContain("Kenya");
  });
  it("takes an ordinal and a possessive before an organisation's head into its name, but not a possessive before a plain noun", () => {
    const names = (text: string) => mentions(text).map(([name, type]) => `${name}/${type}`);
    expect(names("Fighting pits the rebels against the 33rd Front near the town.")).toContain("33rd Front/ORG");
    expect(names("The Ombudsman's Office said so.")).toContain("Ombudsman's Office/ORG");
    expect(names("Farid's house was searched.").some((n) => n.startsWith("Farid's"))).toBe(false);
  });
  it("reads two names coordinated before a plural place noun as areas", () => {
    const places = mentions("The rebels now control much of the Kitobe and Masembe territories.").filter(([, type]) => type === "LOC").map(([name]) => name);
    expect(places).toEqual(["Kitobe", "Masembe"]);
    expect(mentions("The rebels met Kitobe and Masembe leaders.").filter(([, type]) => type === "LOC")).toEqual([]);
  });
});
