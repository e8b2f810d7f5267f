import type { Command } from "commander";
import { CONTENT_OVERLAP, evaluateDir, type Evaluation } from "../../nlp/attribution/index.js";
import { commandGroup } from "../group.js";

function row(name: string, figures: Evaluation["attribution"]): string {
  const f = (x: number): string => x.toFixed(3);
  return `${name.padEnd(22)} P ${f(figures.precision)}  R ${f(figures.recall)}  F1 ${f(figures.f1)}  (tp ${figures.truePositives}, predicted ${figures.predicted}, gold ${figures.gold})`;
}

export function formatEvaluation(dir: string, evaluation: Evaluation): string {
  return [
    `attribution evaluation on ${dir} (${evaluation.documents} annotation files)`,
    `content match: |pred ∩ gold| / max(|pred|, |gold|) >= ${CONTENT_OVERLAP} in characters (discontinuous fragments counted together), one-to-one, best overlap first`,
    "source match: both absent, or overlapping by at least one character; cue match: any character overlap",
    "nested attributions (cue inside another's content) are not scored: PolNeAR is univocal and never annotates them",
    row("content+source", evaluation.attribution),
    row("content only", evaluation.content),
    row("cue", evaluation.cue),
  ].join("\n");
}

export function register(program: Command): void {
  commandGroup(program, "eval", "Evaluate extraction stages against public gold data")
    .command("attribution")
    .description("Score attribution extraction (source, cue, content) on brat standoff files (.txt + .ann), e.g. PolNeAR's dev split")
    .argument("<dir>", "directory with .txt and .ann files, or PolNeAR's text/ and attributions/ folders")
    .action((dir: string) => {
      console.log(formatEvaluation(dir, evaluateDir(dir)));
    });
}
