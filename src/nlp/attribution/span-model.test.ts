import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { markCues } from "./extract.js";
import { loadLexicon } from "./lexicon.js";
import { argmax, score } from "./perceptron.js";
import { bestEnd, candidateFeatures, sentenceIndex } from "./span-model.js";
import { layout } from "./text.js";

const DEV = fileURLToPath(new URL("../../../../shared/data/polnear/dev/text", import.meta.url));
const OWN = [
  "“We will not back down,” the spokesman said on Monday, adding that the talks | the deal were over. He told reporters: “Never.”",
  "Officials said the attack, which killed five, was revenge; the group denied it.\n\nPENCE: Well, look, I think so.",
];

describe("bestEnd", () => {
  it("picks the end that training's feature names score highest, for every start", () => {
    const lexicon = loadLexicon();
    const weights = lexicon.contentEnd!;
    const texts = [...OWN, ...readdirSync(DEV).sort().slice(0, 4).map((f) => readFileSync(join(DEV, f), "utf8"))];
    for (const text of texts) {
      const doc = layout(text);
      const ctx = { doc, isCue: markCues(doc, lexicon, lexicon.threshold), sentenceOf: sentenceIndex(doc) };
      for (let start = 0; start < doc.tokens.length; start += 3) {
        const cue = doc.tokens[Math.max(0, start - 1)]!.lower;
        const { ends, features } = candidateFeatures(ctx, cue, start);
        expect(bestEnd(weights, ctx, cue, start)).toBe(ends[argmax(features.map((f) => score(weights, f)))]);
      }
    }
  });

  it("with a scale, picks the end with the most expected credit among the best one and phrase boundaries", () => {
    const text = "The mayor said the recent spate of shootings and protests demands that every resident take part in the talks.";
    const doc = layout(text);
    const ctx = { doc, isCue: doc.tokens.map(() => false), sentenceOf: sentenceIndex(doc) };
    const start = doc.tokens.findIndex((t) => t.text === "the");
    const before = (word: string): number => doc.tokens.findIndex((t) => t.text === word);
    // Ending before "and" (29 characters) scores best, at the sentence end (92) a little less: the two never match each other.
    const weights = { "next=and": 3, "next=.": 2.5 };
    expect(bestEnd(weights, ctx, "said", start)).toBe(before("and"));
    // A sharp softmax keeps the best end; a soft one takes the phrase boundary within twice of both ("... demands", 51),
    // not a mid-clause end that matches both as well ("... demands that every resident").
    expect(bestEnd(weights, ctx, "said", start, 100)).toBe(before("and"));
    expect(bestEnd(weights, ctx, "said", start, 1)).toBe(before("that"));
  });
});
