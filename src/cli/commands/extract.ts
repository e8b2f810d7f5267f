import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import {
  Conll04Extractor,
  DEFAULT_MODEL_PATH,
  formatConll04,
  formatScores,
  parseConll04,
  scoreConll04,
  type Conll04Sentence,
} from "../../nlp/relations/conll04/index.js";
import { commandGroup } from "../group.js";

/** Reads a CoNLL04 JSON file, or stdin for `-`. */
function readConll04(file: string): Conll04Sentence[] {
  const name = file === "-" ? "<stdin>" : file;
  let text: string;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (error) {
    throw new Error(`cannot read ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseConll04(text, name);
}

export function register(program: Command): void {
  program
    .command("extract")
    .description(
      "Extract entities (Peop, Org, Loc, Other) and relations (Work_For, Kill, OrgBased_In, Live_In, Located_In) " +
        "from tokenised sentences; gold entities and relations in the input are ignored",
    )
    .requiredOption("--conll04 <file>", "CoNLL04 JSON (SpERT format) to annotate, or - for stdin")
    .option("--out <file>", "write the annotated JSON here instead of stdout")
    .option("--model <file>", "model file", DEFAULT_MODEL_PATH)
    .action((options: { conll04: string; out?: string; model: string }) => {
      const sentences = readConll04(options.conll04);
      const text = formatConll04(Conll04Extractor.load(options.model).annotate(sentences));
      if (options.out) writeFileSync(options.out, text);
      else process.stdout.write(text);
    });

  commandGroup(program, "eval", "Evaluate a stage against public gold data")
    .command("re")
    .description("Strict micro P/R/F1 of entities (type + span) and relations (type + both arguments) on a CoNLL04 JSON file")
    .argument("<file>", "gold CoNLL04 JSON")
    .option("--pred <file>", "score this prediction file instead of running the extractor")
    .option("--model <file>", "model file", DEFAULT_MODEL_PATH)
    .action((file: string, options: { pred?: string; model: string }) => {
      const gold = readConll04(file);
      const predicted = options.pred
        ? readConll04(options.pred)
        : Conll04Extractor.load(options.model).annotate(gold);
      process.stdout.write(`${formatScores(scoreConll04(gold, predicted))}\n`);
    });
}
