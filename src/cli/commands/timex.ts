import type { Command } from "commander";
import { extractTimexes } from "../../nlp/timex/index.js";
import { type DocumentResult, evaluateTimex } from "../../nlp/timex/evaluate.js";
import { align } from "../../nlp/timex/score.js";
import { commandGroup } from "../group.js";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** One line per mismatch: kind, file, text, system value, gold value. */
function printErrors({ file, gold, system }: DocumentResult): void {
  const pairs = align(gold, system);
  const matchedGold = new Set(pairs.map(([g]) => g));
  const matchedSystem = new Set(pairs.map(([, s]) => s));
  const lines: string[] = [];
  for (const [g, s] of pairs) if (g.value !== s.value) lines.push(["wrong", file, s.text, s.value, g.value].join("\t"));
  for (const s of system) if (!matchedSystem.has(s)) lines.push(["spurious", file, s.text, s.value, ""].join("\t"));
  for (const g of gold) if (!matchedGold.has(g)) lines.push(["missed", file, g.text, "", g.value].join("\t"));
  for (const line of lines) process.stdout.write(`${line.replace(/\s*\n\s*/g, " ")}\n`);
}

const percent = (x: number): string => (100 * x).toFixed(1).padStart(5);

export function register(program: Command): void {
  program
    .command("timex")
    .description("Tag and normalise time expressions (TIMEX3) in text read from stdin; one JSON object per line")
    .requiredOption("--dct <date>", "document creation time, YYYY-MM-DD")
    .action(async (options: { dct: string }) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(options.dct)) throw new Error(`--dct must be YYYY-MM-DD, got ${JSON.stringify(options.dct)}`);
      const text = await readStdin();
      for (const { start, end, text: span, type, value } of extractTimexes(text, options.dct)) {
        process.stdout.write(`${JSON.stringify({ start, end, text: span, type, value })}\n`);
      }
    });

  commandGroup(program, "eval", "Evaluate Dossier's components against gold data")
    .command("timex <dir>")
    .description("Score the time-expression tagger on TimeML (.tml) files under DIR, TempEval-3 style")
    .option("--errors", "also print each wrong value, spurious and missed expression (tab-separated) before the scores")
    .action(async (dir: string, options: { errors?: boolean }) => {
      const result = await evaluateTimex(dir, options.errors ? printErrors : undefined);
      const { counts } = result;
      const line = (name: string, p: { precision: number; recall: number; f1: number }): string =>
        `${name.padEnd(16)} P ${percent(p.precision)}  R ${percent(p.recall)}  F1 ${percent(p.f1)}`;
      process.stdout.write([
        `documents ${result.documents}, gold ${counts.gold}, system ${counts.system}, relaxed matches ${counts.relaxed}`,
        line("strict span", result.strict),
        line("relaxed span", result.relaxed),
        `${line("value", result.value)}  accuracy ${percent(result.value.accuracy)}`,
        `${line("type", result.type)}  accuracy ${percent(result.type.accuracy)}`,
        "",
      ].join("\n"));
    });
}
