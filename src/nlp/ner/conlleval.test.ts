import { describe, expect, it } from "vitest";
import { ConllEvaluator, formatReport, prf } from "./conlleval.js";

describe("conlleval counting", () => {
  it("counts an entity as correct only with exact boundaries and type", () => {
    const evaluator = new ConllEvaluator();
    // gold: [Peter Blackburn]PER visited [Paris]LOC ; guess: [Peter]PER [Blackburn]PER visited [Paris]LOC
    evaluator.addSentence(["B-PER", "I-PER", "O", "B-LOC"], ["B-PER", "B-PER", "O", "B-LOC"]);
    // gold: [EU]ORG rejects [German]MISC ; guess: [EU]LOC rejects [German]MISC
    evaluator.addSentence(["B-ORG", "O", "B-MISC"], ["B-LOC", "O", "B-MISC"]);
    const score = evaluator.result();
    expect(score.overall).toEqual({ correct: 2, guessed: 5, gold: 4 });
    expect(score.byType.get("PER")).toEqual({ correct: 0, guessed: 2, gold: 1 });
    expect(score.byType.get("LOC")).toEqual({ correct: 1, guessed: 2, gold: 1 });
    expect(score.byType.get("MISC")).toEqual({ correct: 1, guessed: 1, gold: 1 });
    expect(score.tokens).toBe(7);
    expect(score.correctTags).toBe(5);
    const total = prf(score.overall);
    expect(total.precision).toBeCloseTo(40);
    expect(total.recall).toBeCloseTo(50);
    expect(total.f1).toBeCloseTo(44.44, 2);
  });

  it("treats an I- tag after O as the start of a chunk, like conlleval", () => {
    const evaluator = new ConllEvaluator();
    evaluator.addSentence(["B-ORG", "I-ORG"], ["I-ORG", "I-ORG"]);
    expect(evaluator.result().overall).toEqual({ correct: 1, guessed: 1, gold: 1 });
  });

  it("closes chunks at sentence ends", () => {
    const evaluator = new ConllEvaluator();
    evaluator.addSentence(["B-PER"], ["B-PER"]);
    evaluator.addSentence(["I-PER"], ["I-PER"]);
    expect(evaluator.result().overall).toEqual({ correct: 2, guessed: 2, gold: 2 });
  });

  it("prints conlleval's report layout", () => {
    const evaluator = new ConllEvaluator();
    evaluator.addSentence(["B-PER", "O"], ["B-PER", "O"]);
    const report = formatReport(evaluator.result());
    expect(report).toContain("processed 2 tokens with 1 phrases; found: 1 phrases; correct: 1.");
    expect(report).toContain("precision: 100.00%; recall: 100.00%; FB1: 100.00");
    expect(report).toMatch(/^ {14}PER: precision: 100\.00%/m);
  });
});
