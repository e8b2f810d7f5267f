import { describe, expect, it } from "vitest";
import { entitySpans, findEntities, loadTagger, toDossierType } from "./index.js";

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
