/**
 * CPU time of findAttributions over a brat directory (model loaded first; best of --runs N passes).
 * Usage: tsx scripts/attribution-bench.ts [DIR] [--runs N]
 */
import { readBratDir } from "../src/nlp/attribution/brat.js";
import { findAttributions } from "../src/nlp/attribution/extract.js";
import { loadLexicon } from "../src/nlp/attribution/lexicon.js";

const dir = process.argv[2] && !process.argv[2].startsWith("--") ? process.argv[2] : "../shared/data/polnear/dev";
const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 5;
const texts = [...new Set(readBratDir(dir).map((d) => d.text))];
const lexicon = loadLexicon();
for (const text of texts) findAttributions(text, { lexicon });
let best = Infinity;
let bestWall = Infinity;
for (let r = 0; r < runs; r++) {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  for (const text of texts) findAttributions(text, { lexicon });
  const used = process.cpuUsage(cpu);
  best = Math.min(best, (used.user + used.system) / 1000);
  bestWall = Math.min(bestWall, performance.now() - wall);
}
console.log(`${texts.length} texts: best CPU ${best.toFixed(0)} ms, best wall ${bestWall.toFixed(0)} ms (${runs} runs)`);
