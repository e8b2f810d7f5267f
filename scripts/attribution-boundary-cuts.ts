/**
 * What-if test for a rule-level content boundary: how many content+source true positives would change if every content
 * right of a cue that is not a speech verb (extract.ts SPEECH_CUES) and that opens with a phrase (not a quote, "that",
 * "to" or a wh-word) were cut before the first WORD outside quotes ("has not mentioned Machado | since the debate").
 * WORD is a regular expression ("(and|but) (\\w+ed|would|has)"). --speech-cues cuts after speech verbs too, --clauses
 * contents opening with "that", "to" or a wh-word too. Run it on dev and on a held-out slice of train (with a model
 * trained without it) before writing such a rule.
 * Usage: tsx scripts/attribution-boundary-cuts.ts [--model FILE] [--speech-cues] [--clauses] DIR [WORD...]
 */
import { readBratDir } from "../src/nlp/attribution/brat.js";
import { findAttributions, SPEECH_CUES } from "../src/nlp/attribution/extract.js";
import { scoreDocument } from "../src/nlp/attribution/score.js";
import type { Attribution } from "../src/nlp/attribution/types.js";
import { takeModel } from "./attribution-model-option.js";

const args = process.argv.slice(2);
const lexicon = takeModel(args);
const option = (name: string): boolean => {
  const at = args.indexOf(name);
  if (at >= 0) args.splice(at, 1);
  return at >= 0;
};
const speechCuesToo = option("--speech-cues");
const clausesToo = option("--clauses");
const [dir, ...given] = args;
if (!dir) throw new Error("usage: tsx scripts/attribution-boundary-cuts.ts [--model FILE] [--speech-cues] [--clauses] DIR [WORD...]");
const words = given.length > 0 ? given : "since during after before while because when in at on for from with by as to".split(" ");
const CLAUSE_OPENERS = new Set(["that", "to", "whether", "if", "how", "what", "why"]);

/** The attribution with its content cut before the first `word`, or the attribution itself when the rule does not apply. */
function cut(attribution: Attribution, word: string): Attribution {
  const { content, cue } = attribution;
  if (content.parts || content.start < cue.end) return attribution;
  if (!speechCuesToo && SPEECH_CUES.has(cue.text.toLowerCase().split(/\s+/).pop() ?? "")) return attribution;
  const first = content.text.split(/\s+/)[0]!.toLowerCase();
  if (/^["“'‘]/.test(first) || (!clausesToo && CLAUSE_OPENERS.has(first))) return attribution;
  const match = new RegExp(`[ ,]+${word} `).exec(content.text);
  if (!match || /["“”]/.test(content.text.slice(0, match.index))) return attribution;
  return { ...attribution, content: { start: content.start, end: content.start + match.index, text: content.text.slice(0, match.index) } };
}

const documents = readBratDir(dir).map((document) => ({ gold: document.attributions, predicted: findAttributions(document.text, { lexicon }) }));
const truePositives = (change: (a: Attribution) => Attribution): number =>
  documents.reduce((sum, { gold, predicted }) => sum + scoreDocument(predicted.map(change), gold).attribution.truePositives, 0);
const base = truePositives((a) => a);
console.log(`${dir}: ${base} content+source true positives; cutting before WORD changes them by:`);
for (const word of words) {
  let cuts = 0;
  const tp = truePositives((a) => {
    const changed = cut(a, word);
    if (changed !== a) cuts++;
    return changed;
  });
  console.log(`${word}\t${cuts} contents cut\t${tp - base >= 0 ? "+" : ""}${tp - base}`);
}
