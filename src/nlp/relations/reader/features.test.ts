import { describe, expect, it } from "vitest";
import { analyseDoc } from "../../pipeline.js";
import { PairReader, stem } from "./features.js";
import { pipelineBeforeReader } from "./supervision.js";

const components = pipelineBeforeReader();
const pairsOf = (text: string) => {
  const doc = analyseDoc({ id: "t", date: "2024-03-01", text, sha256: "" }, components);
  return doc.sentences.flatMap((_, s) => new PairReader().pairs(doc, s));
};

describe("relation reader features", () => {
  it("stems the commonest inflections and leaves short words alone", () => {
    expect(["backed", "backing", "backs"].map(stem)).toEqual(["back", "back", "back"]);
    expect(stem("is")).toBe("is");
  });

  it("reads each two actors of a sentence once, with the words between and their clusters", () => {
    const pairs = pairsOf("The Hill Brigade fights beside the Northern Front and the River Alliance.");
    expect(pairs.map((p) => `${p.left.text}~${p.right.text}`)).toEqual(["Hill Brigade~Northern Front", "Hill Brigade~River Alliance", "Northern Front~River Alliance"]);
    const [first, second] = pairs;
    expect(first!.types).toBe("ORG|ORG");
    expect(first!.features).toEqual(expect.arrayContaining(["w=fights", "s=fight", "w=beside", "mb=0", "p1=the", "n1=and"]));
    expect(first!.features.some((f) => f.startsWith("c1="))).toBe(true);
    // The Northern Front stands between the Hill Brigade and the River Alliance.
    expect(second!.features).toEqual(expect.arrayContaining(["w=<ORG>", "mb=1"]));
  });

  it("takes the nearest two mentions of a pair of actors", () => {
    const [pair] = pairsOf("The Hill Brigade said on Monday that its men had joined the Northern Front.");
    expect(pair!.left.text).toBe("its");
    expect(pair!.features).toEqual(expect.arrayContaining(["anaL=its", "w=joined"]));
  });
});
