import { describe, expect, it } from "vitest";
import { analyseDoc } from "../../pipeline.js";
import { PairReader } from "./features.js";
import { RelationReader } from "./index.js";
import { classOf, type Example, ReaderModel } from "./model.js";
import { pipelineBeforeReader } from "./supervision.js";

const components = pipelineBeforeReader();
const analysed = (text: string) => analyseDoc({ id: "t", date: "2024-03-01", text, sha256: "" }, components);

/**
 * A reader that has learnt "fights as part of" as membership, and fighting against, meeting or
 * speaking of two groups as nothing.
 */
function trained(labels: string[]): ReaderModel {
  const examples: Example[] = [
    ["Hill Brigade", "Northern Front", "Popular Council"],
    ["Desert Battalion", "Eastern Alliance", "Islamic Congress"],
    ["Lake Regiment", "Southern Coalition", "National Union"],
  ].flatMap(([a, b, c]) =>
    [`The ${a} fights as part of the ${b}.`, `The ${a} fights against the ${b}.`, `The ${a} met the ${b}.`, `The ${c} said the ${a} fights as part of the ${b}.`].flatMap((text) =>
      new PairReader().pairs(analysed(text), 0).map((pair) => {
        const unit = pair.left.text === a && pair.right.text === b && text.includes("part of");
        return { features: pair.features, types: pair.types, gold: unit ? [classOf({ label: "member_of", leftIsSubject: true })] : [] };
      }),
    ),
  );
  const model = ReaderModel.train(examples);
  model.decision = { threshold: 0, labels };
  return model;
}

describe("the relation reader in the pipeline", () => {
  const reader = new RelationReader(trained(["member_of"]));
  const read = (text: string) => {
    const doc = analysed(text);
    const before = doc.relations.length;
    reader.run(doc);
    const name = (id: string | null) => (id === null ? null : doc.entity(id)!.name);
    return { doc, added: doc.relations.slice(before).map((r) => [name(r.subject), r.predicate, name(r.object), name(r.attributed_to)]) };
  };

  it("adds what the writer states as the document's own", () => {
    expect(read("The Coastal Battalion fights as part of the River Alliance.").added).toEqual([["Coastal Battalion", "member_of", "River Alliance", null]]);
  });

  it("attributes what it reads inside a speaker's words to the speaker, never as fact", () => {
    const { doc, added } = read("The Movement for Unity said the Coastal Battalion fights as part of the River Alliance.");
    expect(doc.claims.map((c) => doc.entity(c.speaker)!.name)).toEqual(["Movement for Unity"]);
    expect(added).toEqual([["Coastal Battalion", "member_of", "River Alliance", "Movement for Unity"]]);
  });

  it("adds nothing where one end is a pronoun, or the rules already link the two", () => {
    expect(read("The Coastal Battalion was formed in May. It fights as part of the River Alliance.").added).toEqual([]);
    const { doc, added } = read("The Movement for Unity said the Coastal Battalion operates under the command of the River Alliance.");
    expect(added).toEqual([]);
    expect(doc.relations.map((r) => r.predicate)).toEqual(["member_of"]);
  });

  it("adds only the labels its decision allows", () => {
    const doc = analysed("The Coastal Battalion fights as part of the River Alliance.");
    new RelationReader(trained(["located_in"])).run(doc);
    expect(doc.relations).toEqual([]);
  });
});
