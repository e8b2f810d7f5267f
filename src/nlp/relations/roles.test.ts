import { describe, expect, it } from "vitest";
import { analyseDoc } from "../pipeline.js";
import { postOf } from "./roles.js";

const written = (words: string[], head: string, extra: { of?: string; indefinite?: boolean; local?: boolean } = {}) => ({
  words,
  head,
  of: extra.of ?? "",
  indefinite: extra.indefinite ?? false,
  local: extra.local ?? false,
});

describe("the predicate of a post", () => {
  it("leads a group with a whole lead post, holds a narrowed or deputy one, and is a member as one of several", () => {
    expect(postOf(written(["supreme"], "leader"), true)).toEqual({ predicate: "leader_of", role: "supreme leader", status: undefined });
    expect(postOf(written(["military"], "commander"), true)?.predicate).toBe("leader_of");
    expect(postOf(written(["military"], "chief"), true)?.predicate).toBe("holds_position");
    expect(postOf(written(["deputy"], "commander"), true)).toEqual({ predicate: "holds_position", role: "deputy commander", status: undefined });
    expect(postOf(written([], "commander", { local: true }), true)?.predicate).toBe("holds_position");
    expect(postOf(written(["senior"], "commander", { indefinite: true }), true)?.predicate).toBe("member_of");
    expect(postOf(written([], "spokesman"), true)?.predicate).toBe("holds_position");
  });

  it("keeps the status apart from the role, and gives a state positions but no members", () => {
    expect(postOf(written(["former"], "leader"), true)).toEqual({ predicate: "leader_of", role: "leader", status: "former" });
    expect(postOf(written(["de", "facto"], "head", { of: " of state" }), false)).toEqual({ predicate: "holds_position", role: "de facto head of state", status: undefined });
    expect(postOf(written([], "fighter", { indefinite: true }), false)).toBeUndefined();
    expect(postOf(written(["government"], "spokesperson"), true)).toBeUndefined();
  });
});

describe("posts written around a name", () => {
  it("reads 'the governor of X, Y' as a position, but not a title in an appositive to another name", () => {
    const text = "The governor of Kano State, Abba Yusuf, said the attack was grave. Police arrested Musa Bala, the leader of the Kano Brigade, and Ali Umar.";
    const doc = analyseDoc({ id: "doc", date: "2024-05-01", text, sha256: "" });
    const name = (id: string | null) => doc.entities.find((e) => e.id === id)?.name;
    const posts = doc.relations.filter((r) => r.predicate === "holds_position" || r.predicate === "leader_of").map((r) => `${name(r.subject)} ${r.predicate} ${name(r.object)}`);
    expect(posts).toContain("Abba Yusuf holds_position Kano State");
    expect(posts).toContain("Musa Bala leader_of Kano Brigade");
    expect(posts.filter((p) => p.startsWith("Ali Umar"))).toEqual([]);
  });

  it("reads the last of two posts joined by 'and', dated by the first: 'X, then prime minister and leader of Y'", () => {
    const text = "In 2019 the government of Nawaz Sharif, then prime minister and leader of the Pakistan Muslim League, fell. Omar Dahir, a cleric and member of the Islamic Party, spoke.";
    const doc = analyseDoc({ id: "doc", date: "2024-05-01", text, sha256: "" });
    const name = (id: string | null) => doc.entities.find((e) => e.id === id)?.name;
    const posts = doc.relations.map((r) => `${name(r.subject)} ${r.predicate} ${name(r.object)} ${r.status ?? "-"}`);
    expect(posts).toContain("Nawaz Sharif leader_of Pakistan Muslim League former");
    expect(posts).toContain("Omar Dahir member_of Islamic Party -");
  });

  it("reads a country's military leader or ruler as the state's post, and its military chief as the armed forces' lead", () => {
    const text = "Chad's military leader, General Omar Abakar, spoke. Chad's military ruler, Idriss Mahamat, spoke too. Chad's military chief, General Ali Brahim, did not.";
    const doc = analyseDoc({ id: "doc", date: "2024-05-01", text, sha256: "" });
    const name = (id: string | null) => doc.entities.find((e) => e.id === id)?.name;
    const posts = doc.relations.map((r) => `${name(r.subject)} ${r.predicate} ${name(r.object)}`);
    expect(posts).toContain("Omar Abakar holds_position Chad");
    expect(posts).toContain("Idriss Mahamat holds_position Chad");
    expect(posts).toContain("Ali Brahim leader_of Chad Armed Forces");
  });

  it("reads a membership of 'the militant group X' as X's, not the group a description was resolved to", () => {
    const text = "The Lorland Front was founded in 1997 by Omar Dahir, a former member of the militant group Vesk Brigade, and grew.";
    const doc = analyseDoc({ id: "doc", date: "2024-05-01", text, sha256: "" });
    const name = (id: string | null) => doc.entities.find((e) => e.id === id)?.name;
    const members = doc.relations.filter((r) => r.predicate === "member_of").map((r) => `${name(r.subject)} ${name(r.object)}`);
    expect(members).toEqual(["Omar Dahir Vesk Brigade"]);
  });

  it("reads 'took over as leader of X in 2019' as a leadership from then", () => {
    const doc = analyseDoc({ id: "doc", date: "2024-05-01", text: "Hassan Farah took over as leader of the Ansar Front in 2019.", sha256: "" });
    const led = doc.relations.find((r) => r.predicate === "leader_of");
    expect(doc.entity(led?.object ?? "")?.name).toBe("Ansar Front");
    expect(led?.time).toBe("2019");
  });
});
