import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { labelledDocuments } from "./conll.js";
import { viterbi } from "./decoder.js";
import { FeatureExtractor, vectorFeatureHashes } from "./features.js";
import { ScaledVectors } from "./glove-vectors.js";
import { entitySpans, findEntities, loadTagger, NerModel, NerTagger, toDossierType } from "./index.js";
import { iobFromSpans, spansFromBilou, TAG_COUNT } from "./tags.js";
import { trainStages } from "./train.js";

describe("the committed NER model", () => {
  const tagger = loadTagger();

  it("loads and tags a hand-made sentence sensibly", () => {
    const tokens = ["Prime", "Minister", "Tony", "Blair", "met", "officials", "of", "Microsoft", "Corp", "in", "Paris", "on", "Monday", "."];
    const tags = tagger.tag(tokens);
    expect(tags).toHaveLength(tokens.length);
    expect(tags.slice(2, 4)).toEqual(["B-PER", "I-PER"]);
    expect(tags[7]).toBe("B-ORG");
    expect(tags[10]).toBe("B-LOC");
    expect(tags[12]).toBe("O");
    expect(tags[4]).toBe("O");
  });

  it("returns well-formed spans (token indices, end exclusive)", () => {
    const spans = entitySpans(["German", "Chancellor", "Helmut", "Kohl", "visited", "Moscow", "."]);
    expect(spans).toContainEqual({ start: 2, end: 4, label: "PER" });
    expect(spans).toContainEqual({ start: 5, end: 6, label: "LOC" });
    expect(spans.find((span) => span.start === 0)?.label).toBe("MISC");
    for (const span of spans) expect(span.end).toBeGreaterThan(span.start);
  });

  it("handles empty input", () => {
    expect(tagger.tag([])).toEqual([]);
    expect(tagger.tagDocument([])).toEqual([]);
  });

  it("maps to Dossier types: countries and cities are GPE, seas and continents LOC, periodicals WORK", () => {
    const tokens = ["The", "magazine", "Dabiq", "said", "Iraq", "and", "Europe", "border", "the", "Mediterranean", "Sea", "."];
    expect(toDossierType(tokens, { start: 4, end: 5, label: "LOC" })).toBe("GPE");
    expect(toDossierType(tokens, { start: 6, end: 7, label: "LOC" })).toBe("LOC");
    expect(toDossierType(tokens, { start: 9, end: 11, label: "LOC" })).toBe("LOC");
    expect(toDossierType(tokens, { start: 2, end: 3, label: "MISC" })).toBe("WORK");
    expect(toDossierType(["German", "officials"], { start: 0, end: 1, label: "MISC" })).toBeNull();
  });

  it("finds entities in raw text with character offsets", () => {
    const text = "President Bill Clinton flew to Germany.\nHe met Chancellor Helmut Kohl in Bonn on Tuesday.";
    const mentions = findEntities(text);
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    expect(mentions.map((mention) => [mention.text, mention.type])).toEqual(
      expect.arrayContaining([
        ["Bill Clinton", "PER"],
        ["Germany", "GPE"],
        ["Helmut Kohl", "PER"],
        ["Bonn", "GPE"],
      ]),
    );
  });
});

const VALID = fileURLToPath(new URL("../../../../shared/data/conll2003/valid.txt", import.meta.url));

/** Tags computed the slow way: every feature of every token looked up, no per-word sums. */
function reference(model: NerModel, sentences: readonly (readonly string[])[]): string[][] {
  const T = TAG_COUNT;
  const width = model.width;
  const extractor = new FeatureExtractor(model.resources);
  const scoreAll = (features: Uint32Array, offsets: Uint32Array, emissions: Float64Array, from: number, to: number): void => {
    for (let j = 0; j + 1 < offsets.length; j++) {
      for (let f = offsets[j]!; f < offsets[j + 1]!; f++) model.add(features[f]!, emissions, j * width, from, to);
    }
  };
  /** The real-valued features of the word vectors around each token, every stage's columns. */
  const scoreVectors = (emissions: Float64Array): void => {
    let j = 0;
    for (const sentence of sentences) {
      for (let i = 0; i < sentence.length; i++, j++) {
        for (let offset = -2; offset <= 2; offset++) {
          if (i + offset < 0 || i + offset >= sentence.length) continue;
          const sink = { pushValue: (hash: number, value: number) => model.add(hash, emissions, j * width, 0, width, value) };
          extractor.infoVector(extractor.words[j + offset]!, offset, sink);
        }
      }
    }
  };
  const decode = (emissions: Float64Array, stage: number): Uint8Array[] => {
    const { transitions, start, end } = model.stages[stage]!;
    let at = 0;
    return sentences.map((sentence) => {
      const path = viterbi(emissions, sentence.length, T, transitions, start, end, new Uint8Array(sentence.length), at * width + stage * T, width);
      at += sentence.length;
      return path;
    });
  };
  const base = extractor.extract(sentences);
  const emissions = new Float64Array((base.offsets.length - 1) * width);
  scoreAll(base.features, base.offsets, emissions, 0, width);
  scoreVectors(emissions);
  let paths = decode(emissions, 0);
  if (model.stages.length > 1) {
    const prior = extractor.priorFeatures(sentences, paths);
    scoreAll(prior.features, prior.offsets, emissions, T, 2 * T);
    paths = decode(emissions, 1);
  }
  return paths.map((path, s) => iobFromSpans(spansFromBilou(path), sentences[s]!.length));
}

describe("the tagger's cached scoring", () => {
  const model = loadTagger().model;
  const DOC = [
    ["EU", "rejects", "German", "call", "to", "boycott", "British", "lamb", "."],
    ["Peter", "Blackburn"],
    ["BRUSSELS", "1996-08-22"],
    ["The", "European", "Commission", "said", "on", "Thursday", "it", "disagreed", "with", "German", "advice", "."],
    ["Blackburn", "said", "Germany", "'s", "representative", "Werner", "Zwingmann", "spoke", "in", "Brussels", "."],
  ];

  it("tags as scoring every feature one by one would", () => {
    const tagger = new NerTagger(model, { harmonise: false });
    expect(tagger.tagDocument(DOC)).toEqual(reference(model, DOC));
    // Real news, enough text for a scoring slip to change some tag (the CoNLL-2003 dev split beside the repository).
    const documents = labelledDocuments(readFileSync(VALID, "utf8"), VALID).slice(0, 40);
    expect(documents.length).toBe(40);
    for (const document of documents) expect(tagger.tagDocument(document.tokens)).toEqual(reference(model, document.tokens));
  });

  it("tags the same with word sums precomputed for a vocabulary as with sums computed on demand", () => {
    const vocabulary = ["Peter", "Blackburn", "EU", "German", "said", ".", "Brussels", "germany"];
    const withVocabulary = new NerTagger(model.withVocabulary(vocabulary), { harmonise: false });
    const without = new NerTagger(model.withVocabulary([]), { harmonise: false });
    const documents = [...DOC, ["germany", "GERMAN", "German", "Zwingmann", "Peter"]];
    expect(withVocabulary.tagDocument(documents)).toEqual(without.tagDocument(documents));
    expect(withVocabulary.tagDocument(documents)).toEqual(reference(model, documents));
  });

  it("tags a document the same whatever it tagged before (per-word caches)", () => {
    const fresh = new NerTagger(model);
    const expected = fresh.tagDocument(DOC);
    const used = new NerTagger(model);
    used.tagDocument([["Werner", "Zwingmann", "of", "the", "EU", "in", "Brussels"], ["germany", "GERMAN", "German"]]);
    used.tagDocument(DOC.slice(1));
    expect(used.tagDocument(DOC)).toEqual(expected);
    expect(used.tagDocument(DOC)).toEqual(expected);
    // Enough new words to make the word cache start again (ids are reused after that).
    const many = Array.from({ length: 520 }, (_, s) => Array.from({ length: 100 }, (_, i) => `Zq${s * 100 + i}`));
    used.tagDocument(many);
    expect(used.tagDocument(DOC)).toEqual(expected);
  });
});

describe("a model reading word vectors", () => {
  const committed = loadTagger().model.resources;
  const documents = labelledDocuments(readFileSync(VALID, "utf8"), VALID);
  const resources = { ...committed, vectors: { table: new ScaledVectors(2), window: 1 } };
  // A small two-stage model trained on a few documents of the split beside the repository: enough for vectors to carry weight.
  const options = { epochs: 2, minCount: 1, prune: 0.01, seed: 1, stack: true, folds: 2, stackEpochs: 2, lastEpoch: true };
  const { stages } = trainStages(documents.slice(0, 30), documents.slice(30, 40), resources, options);
  const path = join(mkdtempSync(join(tmpdir(), "ner-vectors-")), "model.bin.gz");
  NerModel.fromStages(stages, resources).save(path);
  const model = NerModel.load(path);
  const held = documents.slice(40, 70);

  it("keeps its vectors' scale and window and weighs their components", () => {
    expect(model.resources.vectors?.window).toBe(1);
    expect(model.resources.vectors?.table.scale).toBe(2);
    const known = [...vectorFeatureHashes(1, 50)].filter((hash) => model.known(hash) >= 0);
    expect(known.length).toBeGreaterThan(100);
  });

  it("tags as scoring every feature one by one would, vectors folded into the word sums", () => {
    const tagger = new NerTagger(model, { harmonise: false });
    let entities = 0;
    for (const document of held) {
      const tags = tagger.tagDocument(document.tokens);
      expect(tags).toEqual(reference(model, document.tokens));
      entities += tags.flat().filter((tag) => tag.startsWith("B-")).length;
    }
    expect(entities).toBeGreaterThan(100);
  });

  it("refuses vectors other than those it was trained with", () => {
    const raw = gunzipSync(readFileSync(path));
    const digest = model.resources.vectors!.table.vectors.digest;
    const altered = join(mkdtempSync(join(tmpdir(), "ner-vectors-")), "other.bin.gz");
    writeFileSync(altered, gzipSync(Buffer.from(raw.toString("latin1").replace(digest, "0".repeat(digest.length)), "latin1")));
    expect(() => NerModel.load(altered)).toThrow(/trained with GloVe vectors 0{16}, but .*glove-vectors\.bin\.gz holds/);
  });
});
