import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CANDIDATE_RATE, cueFeatures, cueHeadScore, sentenceCues } from "./cue-model.js";
import { cueRate, loadLexicon } from "./lexicon.js";
import { score } from "./perceptron.js";
import { layout } from "./text.js";

const DEV = fileURLToPath(new URL("../../../../shared/data/polnear/dev/text", import.meta.url));
const OWN = "“We will not back down,” the spokesman said on Monday, adding that the talks | the deal were over. He told reporters: “Never.” Critics argue it failed.";

describe("cueHeadScore", () => {
  it("scores every candidate exactly as training's feature names do", () => {
    const lexicon = loadLexicon();
    const texts = [OWN, ...readdirSync(DEV).sort().slice(0, 6).map((f) => readFileSync(join(DEV, f), "utf8"))];
    let candidates = 0;
    for (const text of texts) {
      const doc = layout(text);
      for (const sentence of doc.sentences) {
        const context = sentenceCues(doc, sentence, lexicon);
        for (let i = sentence.start; i < sentence.end; i++) {
          const rate = cueRate(lexicon, doc.tokens[i]!.lower);
          if (rate < CANDIDATE_RATE) continue;
          candidates++;
          expect(cueHeadScore(lexicon, doc, i, context)).toBe(score(lexicon.weights!, cueFeatures(doc, i, context, rate)));
        }
      }
    }
    expect(candidates).toBeGreaterThan(100);
  });
});
