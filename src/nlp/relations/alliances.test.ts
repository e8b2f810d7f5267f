import { describe, expect, it } from "vitest";
import { analyseDoc } from "../pipeline.js";

/** The member_of relations of `text` (through the whole pipeline) as "member alliance" lines by name. */
function membershipsOf(text: string): string[] {
  const doc = analyseDoc({ id: "doc", date: "2024-05-01", text, sha256: "" });
  const name = (id: string | null) => doc.entities.find((e) => e.id === id)?.name;
  return doc.relations.filter((r) => r.predicate === "member_of").map((r) => `${name(r.subject)} ${name(r.object)}`);
}

describe("alliances named by counting their members", () => {
  it("makes the last groups named before, as many as counted, members of the alliance", () => {
    const text =
      "The Karen National Union (KNU) fought beside the Kachin Independence Army and the Chin National Front against the army in Sagaing. " +
      "The three groups, known as the Northern Frontier Coalition, took twelve towns.";
    expect(membershipsOf(text).sort()).toEqual(
      ["Chin National Front Northern Frontier Coalition", "Kachin Independence Army Northern Frontier Coalition", "Karen National Union Northern Frontier Coalition"].sort(),
    );
  });

  it("reads 'both factions, which formed' and skips armies and governments between", () => {
    const text = "The Popular Resistance Front and the Liberation Brigades clashed with the Malian army near Gao. Both factions, which formed the Azawad Alliance, deny it.";
    expect(membershipsOf(text).sort()).toEqual(["Liberation Brigades Azawad Alliance", "Popular Resistance Front Azawad Alliance"].sort());
  });

  it("reads nothing when fewer groups are named than counted", () => {
    const text = "The Chin National Front attacked a post. The three groups, known as the Northern Frontier Coalition, took twelve towns.";
    expect(membershipsOf(text)).toEqual([]);
  });
});
