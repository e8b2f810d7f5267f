import { describe, expect, it } from "vitest";
import { splitSentences, tokenize } from "./tokenize.js";

describe("tokenize", () => {
  it("keeps curly and straight quotes, dashes and possessives apart from words", () => {
    const text = "ISKP’s ‘Khorasan Ghag’ said “cancer\" — Tehrik-e-Taliban's al-Qaeda";
    expect(tokenize(text).map((t) => t.text)).toEqual(["ISKP", "’s", "‘", "Khorasan", "Ghag", "’", "said", "“", "cancer", '"', "—", "Tehrik-e-Taliban", "'s", "al-Qaeda"]);
  });

  it("gives exact offsets into the text", () => {
    const text = "Gen. Asim  Munir visited the U.S. today.";
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokenize(text).map((t) => t.text)).toContain("Gen.");
    expect(tokenize(text).map((t) => t.text)).toContain("U.S.");
  });
});

describe("splitSentences", () => {
  it("splits at end punctuation before a capital or quote, and at paragraph breaks, not after abbreviations", () => {
    const text = "Gen. Munir spoke. “This shows it,\" the outfit said. Then\n\nA new line\n    Indented and\nwrapped";
    const tokens = tokenize(text);
    const sentences = splitSentences(text, tokens).map((s) => text.slice(s.start, s.end));
    expect(sentences).toEqual(["Gen. Munir spoke.", "“This shows it,\" the outfit said.", "Then", "A new line", "Indented and\nwrapped"]);
  });

  it("gives a straight quote after a space to the sentence it opens, one right after the period to the sentence it closes", () => {
    const text = 'The army withdrew last month. "We will return," the group said. "They fled." Then it rained.';
    const sentences = splitSentences(text, tokenize(text)).map((s) => text.slice(s.start, s.end));
    expect(sentences).toEqual(["The army withdrew last month.", '"We will return," the group said.', '"They fled."', "Then it rained."]);
  });

  it("keeps a decimal point inside its number, but ends a sentence at a period after a number", () => {
    const text = "The deficit was 5.472 billion riyals. 2.5 million fled in 2019. 12 more came.";
    const sentences = splitSentences(text, tokenize(text)).map((s) => text.slice(s.start, s.end));
    expect(sentences).toEqual(["The deficit was 5.472 billion riyals.", "2.5 million fled in 2019.", "12 more came."]);
  });
});
