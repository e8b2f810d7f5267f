/**
 * A second averaged perceptron that scores whole attributions the rules propose (cue word, where the
 * content lies, what the source looks like and which words open and close it, how long the content is) and drops the unlikely ones.
 */
import type { Attribution } from "./types.js";

function bucket(value: number, edges: number[]): number {
  const index = edges.findIndex((edge) => value < edge);
  return index < 0 ? edges.length : index;
}

function sourceShape(source: Attribution["source"]): string {
  if (!source) return "none";
  if (/^(he|she|they|we|i|it|you|who)$/i.test(source.text)) return "pronoun";
  if (/^\p{Lu}/u.test(source.text)) return "capitalised";
  return "lower";
}

/** `cueScore` is the cue model's score of the cue's head word. */
export function attributionFeatures(attribution: Attribution, cueScore: number): string[] {
  const cueWords = attribution.cue.text.toLowerCase().split(/\s+/);
  const head = cueWords[cueWords.length - 1] ?? "";
  const before = attribution.content.start < attribution.cue.start ? "before" : "after";
  const first = (attribution.content.text.match(/^\S+/)?.[0] ?? "").toLowerCase();
  const firstWord = /^[“"'`‘]/.test(first) ? "<quote>" : first;
  const length = bucket(attribution.content.text.length, [10, 20, 40, 80, 160, 320]);
  const source = sourceShape(attribution.source);
  const cue = bucket(cueScore, [-8, -4, -2, -1, 0, 1, 2, 4, 8]);
  // The source's first and last words tell a speaker ("the spokesman", "Mr. Trump") from a stray phrase ("on board with").
  const sourceWords = attribution.source?.text.toLowerCase().split(/\s+/) ?? [];
  return [
    "bias",
    `cueScore=${cue}`,
    `cueScore+pos=${cue}|${before}`,
    `cueScore+source=${cue}|${source}`,
    `head=${head}`,
    `cue=${cueWords.join("_")}`,
    `words=${cueWords.length}`,
    `pos=${before}`,
    `quote=${attribution.quote}`,
    `source=${source}`,
    `sourceLength=${bucket(attribution.source?.text.length ?? 0, [1, 4, 12, 30, 60])}`,
    `length=${length}`,
    `first=${firstWord}`,
    `parts=${Math.min(3, attribution.content.parts?.length ?? 1)}`,
    `head+pos=${head}|${before}`,
    `head+first=${head}|${firstWord}`,
    `head+source=${head}|${source}`,
    `quote+pos+source=${attribution.quote}|${before}|${source}`,
    `length+pos=${length}|${before}`,
    `sourceFirst=${sourceWords[0] ?? "-"}`,
    `sourceLast=${sourceWords[sourceWords.length - 1] ?? "-"}`,
    `sourceWords=${Math.min(6, sourceWords.length)}`,
  ];
}

