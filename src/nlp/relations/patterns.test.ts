import { describe, expect, it } from "vitest";
import type { Predicate } from "../../model/index.js";
import { analyseDoc } from "../pipeline.js";

/**
 * The relations of `text` (through the whole pipeline) as "subject predicate object" lines by
 * entity id, with "(claimed by X)" for a speaker's; `line` makes the same from names, found among
 * the entities' names and aliases, so the tests do not hang on which spelling becomes the name.
 */
function relationsOf(text: string) {
  const doc = analyseDoc({ id: "doc", date: "2024-05-01", text, sha256: "" });
  const id = (name: string) => {
    const entity = doc.entities.find((e) => e.name === name || e.aliases.has(name));
    if (!entity) throw new Error(`no entity ${name}; have ${doc.entities.map((e) => e.name).join(", ")}`);
    return entity.id;
  };
  const show = (subject: string, predicate: string, object: string | null, claimedBy: string | null) =>
    `${subject} ${predicate} ${object ?? "-"}${claimedBy ? ` (claimed by ${claimedBy})` : ""}`;
  const found = doc.relations.map((r) => show(r.subject, r.predicate, r.object, r.attributed_to));
  const line = (subject: string, predicate: Predicate, object: string | null, claimedBy?: string) =>
    show(id(subject), predicate, object === null ? null : id(object), claimedBy ? id(claimedBy) : null);
  const timeOf = (subject: string, predicate: Predicate) => doc.relations.find((r) => r.subject === id(subject) && r.predicate === predicate)?.time;
  return { found, line, timeOf, doc };
}

describe("relation patterns", () => {
  it("reads leadership from possessives, appositives, 'has been X's emir' and 'is led by'", () => {
    const { found, line, timeOf } = relationsOf(
      "The Islamic State's supreme leader, Abu Bakr al-Baghdadi, was rarely seen. Hafiz Gul Bahadur has been the Taliban's emir since 2019. Al Qaeda is led by Saif al-Adel.",
    );
    expect(found).toEqual(
      expect.arrayContaining([
        line("Abu Bakr al-Baghdadi", "leader_of", "Islamic State"),
        line("Gul Bahadur", "leader_of", "Taliban"),
        line("Saif al-Adel", "leader_of", "al Qaeda"),
      ]),
    );
    expect(timeOf("Gul Bahadur", "leader_of")).toBe("2019");
  });

  it("hands a leadership to the successor, and reads a killing by a country's strike", () => {
    const { found, line } = relationsOf("Hakimullah Mehsud, the TTP's leader, was killed in a US drone strike in 2013 and was succeeded by Mullah Fazlullah.");
    expect(found).toEqual(
      expect.arrayContaining([
        line("Hakimullah Mehsud", "leader_of", "TTP"),
        line("United States", "killed", "Hakimullah Mehsud"),
        line("Fazlullah", "leader_of", "TTP"),
      ]),
    );
  });

  it("gives an attack's city no part in a killing, only the country whose strike it was", () => {
    const { found, line } = relationsOf("An Israeli drone strike in Beirut killed Saleh al-Arouri in January.");
    expect(found.filter((f) => f.includes(" killed "))).toEqual([line("Israel", "killed", "Saleh al-Arouri")]);
  });

  it("reads a deputy as a position, not the leadership, and a bare spokesman as the nearby group's", () => {
    const { found, line } = relationsOf(
      "Hamas's deputy leader Saleh al-Arouri was in Beirut. The TTP said on Monday that fighters attacked a checkpoint. In a video, spokesman Muhammad Khurasani warned of more attacks.",
    );
    expect(found).toEqual(expect.arrayContaining([line("Saleh al-Arouri", "holds_position", "Hamas"), line("Muhammad Khurasani", "holds_position", "TTP")]));
    expect(found).not.toContain(line("Saleh al-Arouri", "leader_of", "Hamas"));
  });

  it("reads founders: 'founded in the 1970s under X', 'which X set up', and each group of a merger", () => {
    const { found, line } = relationsOf(
      "The Haqqani network was founded in the 1970s under Jalaluddin Haqqani. Jabhat al-Nusra, which Abu Mohammad al-Jolani set up in 2011, later cut its ties with al Qaeda. Hayat Tahrir al-Sham was formed in 2017 through the merger of Jabhat Fateh al-Sham and the Haqqani network.",
    );
    expect(found).toEqual(
      expect.arrayContaining([
        line("Haqqani Network", "founded_by", "Jalaluddin Haqqani"),
        line("Jabhat al-Nusra", "founded_by", "Abu Mohammad al-Jolani"),
        line("Jabhat al-Nusra", "splinter_of", "al Qaeda"),
        line("Hayat Tahrir al-Sham", "founded_by", "Jabhat Fateh al-Sham"),
        line("Hayat Tahrir al-Sham", "founded_by", "Haqqani Network"),
      ]),
    );
  });

  it("reads splits: 'emerged from a split in' and 'commanders defected to help form'", () => {
    const { found, line } = relationsOf("ISWAP emerged in 2016 from a split in Boko Haram. Several Taliban commanders defected in 2015 to help form ISKP.");
    expect(found).toEqual(expect.arrayContaining([line("ISWAP", "splinter_of", "Boko Haram"), line("ISKP", "splinter_of", "Taliban")]));
  });

  it("reads rivals listed together, and the rival and the place in an appositive of its head", () => {
    const { found, line } = relationsOf(
      "Boko Haram and ISWAP, a regional branch of the Islamic State, are bitter rivals. The Taliban, the dominant armed group in Afghanistan and a sworn enemy of ISKP, denied the report.",
    );
    expect(found).toEqual(
      expect.arrayContaining([
        line("Boko Haram", "rival_of", "ISWAP"),
        line("Taliban", "rival_of", "ISKP"),
        line("Taliban", "operates_in", "Afghanistan"),
      ]),
    );
  });

  it("reads outlets, units and the organs and outfits that a country's possessive names", () => {
    const { found, line } = relationsOf(
      "The Islamic State released the statement through its Amaq news agency. The Radwan Force, Hezbollah's elite commando unit, lost commanders. Russia's Wagner Group and Iran's Islamic Revolutionary Guard Corps sent advisers.",
    );
    expect(found).toEqual(
      expect.arrayContaining([
        line("Islamic State", "publishes", "Amaq"),
        line("Radwan Force", "member_of", "Hezbollah"),
        line("Wagner Group", "based_in", "Russia"),
        line("Islamic Revolutionary Guard Corps", "member_of", "Iran"),
      ]),
    );
  });

  it("takes no demonym for an owner: 'French television station X' is not France's", () => {
    const { found } = relationsOf("French television station BFMTV reported that France had closed its embassy.");
    expect(found.filter((f) => f.includes(" publishes "))).toEqual([]);
  });

  it("reads where a group operates: deployed fighters, kept troops, seized cities, claimed attacks, 'remain active around'", () => {
    const { found, line } = relationsOf(
      "The Wagner Group, whose fighters deployed to Libya in 2019, declined to comment. Turkey, which backs rebel factions, has kept troops in northern Syria since 2016. The Houthis seized the port city of Hodeidah in 2015. ISKP has claimed a series of attacks on Taliban patrols in Kunar province. Remnants of Boko Haram remain active around Lake Chad.",
    );
    expect(found).toEqual(
      expect.arrayContaining([
        line("Wagner Group", "operates_in", "Libya"),
        line("Turkey", "operates_in", "Syria"),
        line("Houthis", "operates_in", "Hodeidah"),
        line("ISKP", "operates_in", "Kunar"),
        line("Boko Haram", "operates_in", "Lake Chad"),
      ]),
    );
  });

  it("reads an affiliate's region, a group's attack site, 'X, led by Y' and 'Y, a former TTP commander'", () => {
    const { found, line } = relationsOf(
      "Al-Shabaab, al Qaeda's affiliate in Somalia, denied it. ISWAP is the Islamic State's branch in Nigeria. ISKP fighters attacked a Taliban checkpoint in Kunar on Monday. Jaish-e-Mohammed, led by Masood Azhar, was blamed. Omar Khalid Khorasani, a former TTP commander, was killed.",
    );
    expect(found).toEqual(
      expect.arrayContaining([
        line("al-Shabaab", "affiliate_of", "al Qaeda"),
        line("al-Shabaab", "operates_in", "Somalia"),
        line("ISWAP", "affiliate_of", "Islamic State"),
        line("ISWAP", "operates_in", "Nigeria"),
        line("ISKP", "operates_in", "Kunar"),
        line("Masood Azhar", "leader_of", "Jaish-e-Mohammed"),
        line("Omar Khalid Khorasani", "member_of", "TTP"),
      ]),
    );
  });

  it("reads a place spelt inside a compound ('the Pakistan-based X') when the document names it", () => {
    const { found, line } = relationsOf("The Pakistan-based Jaish-e-Mohammed denied any role. Pakistan banned the group in 2002.");
    expect(found).toContain(line("Jaish-e-Mohammed", "based_in", "Pakistan"));
  });

  it("keeps a relation read inside a speaker's claim as the speaker's, but a possessive naming an organ as the writer's", () => {
    const { found, line } = relationsOf("The Taliban said that ISKP is led by Shahab al-Muhajir. The TTP accused Pakistan's Inter-Services Intelligence of sponsoring attacks.");
    expect(found).toContain(line("Shahab al-Muhajir", "leader_of", "ISKP", "Taliban"));
    expect(found).not.toContain(line("Shahab al-Muhajir", "leader_of", "ISKP"));
    expect(found).toContain(line("Inter-Services Intelligence", "member_of", "Pakistan"));
  });
});
