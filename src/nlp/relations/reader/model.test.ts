import { describe, expect, it } from "vitest";
import type { Predicate } from "../../../model/index.js";
import { WordClusters } from "../../ner/clusters.js";
import { analyseDoc } from "../../pipeline.js";
import { PairReader } from "./features.js";
import { classOf, type Example, NONE, ReaderModel, readingOf } from "./model.js";
import { pipelineBeforeReader } from "./supervision.js";

const components = pipelineBeforeReader();
/** The one pair of a one-sentence text. */
const pairOf = (text: string, reader = new PairReader()) => {
  const doc = analyseDoc({ id: "t", date: "2024-03-01", text, sha256: "" }, components);
  const pairs = reader.pairs(doc, 0);
  if (pairs.length !== 1) throw new Error(`${text}: ${pairs.length} pairs`);
  return pairs[0]!;
};
const example = (text: string, label?: Predicate, reader?: PairReader): Example => {
  const pair = pairOf(text, reader);
  return { features: pair.features, types: pair.types, gold: label ? [classOf({ label, leftIsSubject: true })] : [] };
};

const NAMES = [
  ["Hill Brigade", "Northern Front"],
  ["Desert Battalion", "Eastern Alliance"],
  ["Lake Regiment", "Southern Coalition"],
  ["Valley Battalion", "Western Front"],
];
/** Units of a bigger group, and pairs that only meet or quarrel, in the same frame. */
const corpus = (reader?: PairReader) =>
  NAMES.flatMap(([a, b]) => [
    example(`The ${a} is a unit of the ${b}.`, "member_of", reader),
    example(`The ${a} is a wing of the ${b}.`, "member_of", reader),
    example(`The ${a} met the ${b}.`, undefined, reader),
    example(`The ${a} condemned the ${b}.`, undefined, reader),
    example(`The ${a} is a rival of the ${b}.`, undefined, reader),
    example(`The ${a} is a critic of the ${b}.`, undefined, reader),
    example(`The ${a} is an opponent of the ${b}.`, undefined, reader),
    example(`The ${a} is a neighbour of the ${b}.`, undefined, reader),
  ]);
const CORPUS = corpus();

describe("relation reader model", () => {
  const model = ReaderModel.train(CORPUS);

  it("reads a paraphrase whose noun it never saw through the noun's word cluster", () => {
    // "division" is in no training sentence; GloVe files it with "unit" and "wing".
    const pair = pairOf("The Coastal Battalion is a division of the River Alliance.");
    const { cls, margin } = model.predict(pair.features, pair.types);
    expect(readingOf(cls)).toEqual({ label: "member_of", leftIsSubject: true });
    expect(margin).toBeGreaterThan(0);
    // Without word clusters the same corpus teaches nothing about "division".
    const blind = new PairReader(new WordClusters([], new Uint16Array(0)));
    const unseen = pairOf("The Coastal Battalion is a division of the River Alliance.", blind);
    expect(ReaderModel.train(corpus(blind)).predict(unseen.features, unseen.types).margin).toBeLessThan(0);
  });

  it("is far less sure of a pair that only meets", () => {
    const met = pairOf("The Coastal Battalion met the River Alliance.");
    const unit = pairOf("The Coastal Battalion is a division of the River Alliance.");
    expect(model.predict(unit.features, unit.types).margin - model.predict(met.features, met.types).margin).toBeGreaterThan(5);
  });

  it("reads a class only for the types it was seen with", () => {
    const pair = pairOf("The Coastal Battalion is a division of the River Alliance.");
    expect(model.predict(pair.features, "PER|GPE").cls).toBe(NONE);
  });

  it("names the direction a reading goes, and symmetric relations one way only", () => {
    expect(classOf({ label: "leader_of", leftIsSubject: false })).toBe("leader_of<");
    expect(classOf({ label: "rival_of", leftIsSubject: false })).toBe("rival_of>");
    expect(readingOf("ACCUSE<")).toEqual({ label: "ACCUSE", leftIsSubject: false });
    expect(readingOf("NONE")).toBeUndefined();
  });

  it("trains the same model from the same corpus and reads the same after a round trip", () => {
    const json = JSON.stringify(model.toJSON());
    expect(JSON.stringify(ReaderModel.train(CORPUS).toJSON())).toBe(json);
    const copy = ReaderModel.fromJSON(JSON.parse(json));
    const pair = pairOf("The Coastal Battalion is a division of the River Alliance.");
    expect(copy.predict(pair.features, pair.types).margin).toBeCloseTo(model.predict(pair.features, pair.types).margin, 2);
  });
});
