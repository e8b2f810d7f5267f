import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CANDIDATE_RATE, cueFeatures, cueHeadScore, cueVectorFeatures, sentenceCues } from "./cue-model.js";
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

describe("cueHeadScore with word vectors", () => {
  it("adds the vector features' weight times value, as training sums them", () => {
    const committed = loadLexicon();
    const weights: Record<string, number> = { ...committed.weights };
    for (const slot of ["w", "p", "n", "nn", "s", "m"]) for (let d = 0; d < 50; d++) weights[`v${slot}=${d}`] = (((d * 7 + slot.length) % 13) - 6) / 10;
    const lexicon = { ...committed, weights, vectors: { scale: 0.5, cue: ["w", "p", "n", "nn", "s", "m"], filter: [] } };
    const doc = layout(OWN);
    let candidates = 0;
    for (const sentence of doc.sentences) {
      const context = sentenceCues(doc, sentence, lexicon);
      for (let i = sentence.start; i < sentence.end; i++) {
        const rate = cueRate(lexicon, doc.tokens[i]!.lower);
        if (rate < CANDIDATE_RATE || doc.quoteOf[i] !== -1) continue;
        candidates++;
        const real = cueVectorFeatures(lexicon, doc, i, sentence) ?? [];
        expect(real.length).toBeGreaterThanOrEqual(4 * 50);
        const expected = score(weights, cueFeatures(doc, i, context, rate)) + real.reduce((total, [name, value]) => total + weights[name]! * value, 0);
        expect(cueHeadScore(lexicon, doc, i, context)).toBeCloseTo(expected, 9);
      }
    }
    expect(candidates).toBeGreaterThan(2);
  });
});
