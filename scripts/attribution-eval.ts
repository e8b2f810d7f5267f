/**
 * Content+source and content-only F1 of the attribution extractor on several brat directories, with the committed
 * model or another one (to compare a retrained model before it replaces the committed one).
 * Usage: tsx scripts/attribution-eval.ts [--model FILE] DIR...
 */
import { evaluateDir } from "../src/nlp/attribution/evaluate.js";
import { takeModel } from "./attribution-model-option.js";

const args = process.argv.slice(2);
const lexicon = takeModel(args);
for (const dir of args.length ? args : ["../shared/data/polnear/dev"]) {
  const { attribution: a, content: c } = evaluateDir(dir, { lexicon });
  console.log(`${dir}: content+source P ${a.precision.toFixed(3)} R ${a.recall.toFixed(3)} F1 ${a.f1.toFixed(4)} (tp ${a.truePositives}, predicted ${a.predicted}); content F1 ${c.f1.toFixed(4)} (tp ${c.truePositives})`);
}
