/**
 * Trains the relation reader (src/nlp/relations/reader) on every gold reading of eval/records and the
 * seed, and writes models/relation-reader/model.json: `npm run train:reader [-- --threshold T]
 * [--labels a,b] [--epochs N] [--out FILE] [GOLD...]`. Deterministic: one corpus gives one model.
 * The threshold and labels the pipeline may add were chosen by leave-one-record-out cross-validation
 * (scripts/reader-cv.ts); see models/relation-reader/README.md.
 */
import { statSync } from "node:fs";
import { parseArgs } from "node:util";
import { PairReader } from "../src/nlp/relations/reader/features.js";
import { READER_MODEL_PATH, ReaderModel } from "../src/nlp/relations/reader/model.js";
import { pipelineBeforeReader, prepare, trainingGoldFiles } from "../src/nlp/relations/reader/supervision.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    threshold: { type: "string", default: "10" },
    labels: { type: "string", default: "ASSAULT,based_in,leader_of,member_of,operates_in" },
    epochs: { type: "string", default: "10" },
    out: { type: "string", default: READER_MODEL_PATH },
  },
});

const started = Date.now();
const reader = new PairReader();
const components = pipelineBeforeReader();
const files = positionals.length ? positionals : trainingGoldFiles();
const examples = [];
let [placed, items] = [0, 0];
for (const file of files) {
  const { supervision } = await prepare(file, components, reader);
  examples.push(...supervision.examples.filter((e) => e !== undefined));
  placed += supervision.placed;
  items += supervision.items;
}
const model = ReaderModel.train(examples, { epochs: Number(values.epochs) });
model.decision = { threshold: Number(values.threshold), labels: values.labels.split(",").filter(Boolean).sort() };
model.save(values.out);
console.log(
  `${files.length} records: ${examples.length} labelled pairs, ${examples.filter((e) => e.gold.length).length} with a gold reading (gold items placed ${placed}/${items}); ` +
    `${model.classes.length} classes; wrote ${values.out} (${(statSync(values.out).size / 1024).toFixed(0)} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
