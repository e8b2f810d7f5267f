import { describe, expect, it } from "vitest";
import { tokenize } from "./tokenize.js";

describe("tokenize", () => {
  it("splits like CoNLL-2003 and keeps character offsets", () => {
    const text = "Mr. Clinton's U.S. visit cost $4.5 million, officials said. They didn't agree.";
    const sentences = tokenize(text);
    expect(sentences.map((sentence) => sentence.map((token) => token.text))).toEqual([
      ["Mr.", "Clinton", "'s", "U.S.", "visit", "cost", "$", "4.5", "million", ",", "officials", "said", "."],
      ["They", "did", "n't", "agree", "."],
    ]);
    for (const token of sentences.flat()) expect(text.slice(token.start, token.end)).toBe(token.text);
  });
});
