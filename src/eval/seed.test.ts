import { describe, expect, it } from "vitest";
import type { GraphExport } from "../model/index.js";
import { scoreSeed, type SeedGold } from "./seed.js";

const gold: SeedGold = {
  actors: [
    { name: "Harakat Example", type: "ORG", aliases: ["HX"] },
    { name: "Ruritania", type: "GPE", aliases: [] },
    { name: "Omar Sample", type: "PER", aliases: [] },
  ],
  relations: [
    { subject: "Omar Sample", predicate: "leader_of", object: "Harakat Example", attributed_to: null },
    { subject: "Harakat Example", predicate: "operates_in", object: "Ruritania", attributed_to: null, accept: ["ASSAULT"], optional: true },
  ],
  events: [{ type: "THREATEN", source: "Harakat Example", target: "Ruritania" }],
  claims: [],
};

const actor = (id: string, name: string, type: "ORG" | "GPE" | "PER") => ({ id, name, type, aliases: [] });
const relation = (subject: string, predicate: "leader_of" | "member_of" | "operates_in", object: string, attributed_to: string | null = null) => ({
  id: `${subject}-${predicate}-${object}`,
  subject,
  predicate,
  object,
  attributed_to,
  confidence: 1,
  provenance: [],
});

function graph(relations: GraphExport["relations"], events: GraphExport["events"] = []): GraphExport {
  const actors = [actor("a1", "HX", "ORG"), actor("a2", "Ruritania", "GPE"), actor("a3", "Omar Sample", "PER"), actor("a4", "Elsewhere", "GPE")];
  return { documents: [], actors, relations, events, claims: [] };
}

describe("scoreSeed relation precision", () => {
  it("judges only links between gold actors, crediting optional relations, accepted types and gold events", () => {
    const score = scoreSeed(
      gold,
      graph(
        [relation("a3", "leader_of", "a1"), relation("a1", "operates_in", "a2"), relation("a3", "member_of", "a2"), relation("a1", "operates_in", "a4")],
        [{ id: "e1", type: "THREATEN", source: "a1", target: "a2", attributed_to: null, provenance: [] }],
      ),
    );
    expect(score.relationRecall.value).toBe(1);
    expect(score.relationPrecision).toMatchObject({ hit: 3, total: 4 });
    expect(score.spurious).toEqual(["Omar Sample member_of Ruritania"]);
  });

  it("counts a relation the document asserts as wrong when it is stored as a speaker's claim", () => {
    const score = scoreSeed(gold, graph([relation("a3", "leader_of", "a1", "a2")]));
    expect(score.relationPrecision).toMatchObject({ hit: 0, total: 1 });
    expect(score.relationRecall.value).toBe(0);
  });
});
