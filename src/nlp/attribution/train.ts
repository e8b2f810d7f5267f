/**
 * Mines the cue lexicon from PolNeAR's train split and picks the cue-rate threshold that maximises
 * attribution F1 on the dev split. Writes models/attribution/cues.json.
 * Usage: npm run train:attribution [-- TRAIN_DIR DEV_DIR]
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readBratDir, type BratDocument } from "./brat.js";
import { evaluateDocuments } from "./evaluate.js";
import { CUE_MODIFIERS } from "./extract.js";
import { LEXICON_PATH, type CueLexicon } from "./lexicon.js";
import { layout } from "./text.js";

const MIN_COUNT = 3;
const THRESHOLDS = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];

export function mineLexicon(documents: BratDocument[], threshold: number): CueLexicon {
  const counts = new Map<string, [number, number]>();
  for (const document of documents) {
    const cueChars = new Uint8Array(document.text.length);
    for (const gold of document.attributions) for (const f of gold.cue ?? []) cueChars.fill(1, f.start, f.end);
    const doc = layout(document.text);
    // A cue's head is its first word after auxiliaries and adverbs ("has also said" → said).
    const heads = new Set<number>();
    doc.tokens.forEach((token, i) => {
      const previous = doc.tokens[i - 1];
      const startsCue = cueChars[token.start] && (!previous || !cueChars[previous.start] || CUE_MODIFIERS.has(previous.lower));
      if (startsCue && !CUE_MODIFIERS.has(token.lower)) heads.add(i);
    });
    doc.tokens.forEach((token, i) => {
      if (doc.quoteOf[i] !== -1 || !/\p{L}/u.test(token.text)) return;
      const entry = counts.get(token.lower) ?? [0, 0];
      entry[1]++;
      if (heads.has(i)) entry[0]++;
      counts.set(token.lower, entry);
    });
  }
  const words: Record<string, [number, number]> = {};
  for (const [form, [cue, total]] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    // Keep only what can pass the lowest threshold tried: the file stays small.
    if (total >= MIN_COUNT && cue / total >= THRESHOLDS[0]!) words[form] = [cue, total];
  }
  return { threshold, minCount: MIN_COUNT, words };
}

function main(): void {
  const root = fileURLToPath(new URL("../../../../shared/data/polnear/", import.meta.url));
  const trainDir = process.argv[2] ?? `${root}train`;
  const devDir = process.argv[3] ?? `${root}dev`;
  const train = readBratDir(trainDir);
  const dev = readBratDir(devDir);
  console.log(`mining cues from ${train.length} annotated train files`);
  let best = mineLexicon(train, THRESHOLDS[0]!);
  let bestF1 = -1;
  for (const threshold of THRESHOLDS) {
    const lexicon = { ...best, threshold };
    const { attribution } = evaluateDocuments(dev, { lexicon });
    console.log(`threshold ${threshold.toFixed(2)}: dev attribution P ${attribution.precision.toFixed(3)} R ${attribution.recall.toFixed(3)} F1 ${attribution.f1.toFixed(3)}`);
    if (attribution.f1 > bestF1) {
      bestF1 = attribution.f1;
      best = lexicon;
    }
  }
  writeFileSync(LEXICON_PATH, `${JSON.stringify(best)}\n`);
  console.log(`wrote ${LEXICON_PATH}: ${Object.keys(best.words).length} forms, threshold ${best.threshold}, dev F1 ${bestF1.toFixed(3)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
