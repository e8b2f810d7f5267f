/**
 * The cue classifier alone, trained as npm run train:attribution trains it on TRAIN_DIR and scored on every candidate
 * of TEST_DIR against the gold cue heads: average precision, best F1 and F1 at its own cut. Takes about 40 s against
 * the pipeline's 2-3 minutes per training, so cue features can be screened (in several shuffle orders) before a full run.
 * Usage: tsx scripts/attribution-cue-ranking.ts TRAIN_DIR TEST_DIR [SEED...]
 */
import { readBratDir } from "../src/nlp/attribution/brat.js";
import { rankingFigures } from "../src/nlp/attribution/evaluate.js";
import { DEFAULT_SEED, score, trainPerceptron } from "../src/nlp/attribution/perceptron.js";
import { EPOCHS, analyse, cueExamples, mineLexicon } from "../src/nlp/attribution/train.js";

const [trainDir, testDir, ...seedArgs] = process.argv.slice(2);
if (!trainDir || !testDir) throw new Error("usage: tsx scripts/attribution-cue-ranking.ts TRAIN_DIR TEST_DIR [SEED...]");
const train = readBratDir(trainDir).map(analyse);
const lexicon = mineLexicon(train);
const trainExamples = cueExamples(train, lexicon);
const testExamples = cueExamples(readBratDir(testDir).map(analyse), lexicon);
for (const seed of seedArgs.length ? seedArgs.map(Number) : [DEFAULT_SEED]) {
  const weights = trainPerceptron(trainExamples, EPOCHS, seed);
  const figures = rankingFigures(testExamples.map((e) => ({ score: score(weights, e.features), positive: e.positive })));
  console.log(
    `seed ${seed}: average precision ${figures.averagePrecision.toFixed(4)}, best F1 ${figures.bestF1.toFixed(4)}, F1 at 0 ${figures.f1AtZero.toFixed(4)} (${testExamples.length} candidates, ${figures.positives} cue heads)`,
  );
}
