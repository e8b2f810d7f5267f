/**
 * How well the content-end ranker alone does: for every gold content fragment right of its cue, starting at the gold
 * start, the share of ends that are exact and the share the scorer would credit (overlap >= 0.5 of the longer span).
 * Usage: tsx scripts/attribution-end-accuracy.ts [--model FILE] DIR...
 */
import { readBratDir } from "../src/nlp/attribution/brat.js";
import { markCues } from "../src/nlp/attribution/extract.js";
import { bestEnd, sentenceIndex } from "../src/nlp/attribution/span-model.js";
import { layout, tokenAt } from "../src/nlp/attribution/text.js";
import { takeModel } from "./attribution-model-option.js";

const args = process.argv.slice(2);
const lexicon = takeModel(args);
for (const dir of args) {
  let total = 0;
  let exact = 0;
  let credited = 0;
  for (const document of readBratDir(dir)) {
    const doc = layout(document.text);
    const ctx = { doc, isCue: markCues(doc, lexicon, lexicon.threshold), sentenceOf: sentenceIndex(doc) };
    for (const gold of document.attributions) {
      const cue = gold.cue?.[gold.cue.length - 1];
      const fragment = gold.content?.find((f) => cue && f.start >= cue.end);
      if (!cue || !fragment || !lexicon.contentEnd) continue;
      const start = tokenAt(doc, fragment.start);
      const end = tokenAt(doc, fragment.end);
      if (start >= doc.tokens.length || end <= start) continue;
      const cueWord = doc.tokens[Math.max(tokenAt(doc, cue.start), tokenAt(doc, cue.end) - 1)]?.lower ?? "";
      const e = bestEnd(lexicon.contentEnd, ctx, cueWord, start, lexicon.contentEndScale);
      total++;
      if (e === end) exact++;
      const predEnd = doc.tokens[e - 1]!.end;
      const shared = Math.min(predEnd, fragment.end) - fragment.start;
      if (shared / (Math.max(predEnd, fragment.end) - fragment.start) >= 0.5) credited++;
    }
  }
  console.log(`${dir}: ${total} contents, exact end ${(exact / total).toFixed(4)}, credited ${(credited / total).toFixed(4)}`);
}
