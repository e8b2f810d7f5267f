import { createReadStream, existsSync } from "node:fs";
import type { Command } from "commander";
import { commandGroup } from "../group.js";
import { blockGoldTags } from "../../nlp/ner/conll.js";
import { tagConllBlocks, tagConllStream } from "../../nlp/ner/conll-stream.js";
import { ConllEvaluator, formatReport } from "../../nlp/ner/conlleval.js";
import { DEFAULT_MODEL_PATH, loadTagger } from "../../nlp/ner/index.js";

interface ModelOptions {
  model: string;
  /** Undefined: as the model file says (training keeps the pass only if it helped on valid). */
  consistency?: boolean;
}

/** `dossier tag --conll` and `dossier eval ner FILE`. */
export function register(program: Command): void {
  program
    .command("tag")
    .description("Tag named entities (PER, ORG, LOC, MISC) in CoNLL column lines read on stdin")
    .option("--conll", "input and output are CoNLL column lines; the IOB2 tag is appended as a last column")
    .option("--model <path>", "NER model file", DEFAULT_MODEL_PATH)
    .option("--consistency", "force the document-level consistency pass on (default: as the model says)")
    .option("--no-consistency", "force the document-level consistency pass off")
    .action(async (options: ModelOptions & { conll?: boolean }) => {
      if (!options.conll) throw new Error("tag: only CoNLL input is supported for now; pass --conll");
      const tagger = loadTagger(options.model, { harmonise: options.consistency });
      await tagConllStream(process.stdin, process.stdout, tagger);
    });

  commandGroup(program, "eval", "Evaluate Dossier's components on annotated data")
    .command("ner <file>")
    .description("Entity-level precision/recall/F1 (conlleval counting) of the NER tagger on a CoNLL file whose last column is the gold tag")
    .option("--model <path>", "NER model file", DEFAULT_MODEL_PATH)
    .option("--consistency", "force the document-level consistency pass on (default: as the model says)")
    .option("--no-consistency", "force the document-level consistency pass off")
    .action(async (file: string, options: ModelOptions) => {
      if (!existsSync(file)) throw new Error(`eval ner: no such file: ${file}`);
      const tagger = loadTagger(options.model, { harmonise: options.consistency });
      const evaluator = new ConllEvaluator();
      await tagConllBlocks(createReadStream(file, "utf8"), tagger, (block, tags) => {
        blockGoldTags(block, file).forEach((gold, s) => evaluator.addSentence(gold, tags[s] ?? []));
      });
      process.stdout.write(formatReport(evaluator.result()));
    });
}
