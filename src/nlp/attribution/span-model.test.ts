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
});
