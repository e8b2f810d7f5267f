import type { Command } from "commander";
import { evaluatePlover, type RecordScore, type Split } from "../../eval/plover.js";
import { commandGroup } from "../group.js";

const SPLITS: Split[] = ["odd", "even", "all"];

function missLine(s: RecordScore): string {
  const { record } = s;
  const found = s.predicted.map((e) => `${e.type}(${e.source[0] ?? "?"} -> ${e.target[0] ?? "-"})`).join("; ") || "none";
  const stage = s.type ? (s.source ? "target" : "source") : "type";
  return `${record.id}\t${record.type}\tmissed ${stage}\tS=${record.sources.join("+")}\tT=${record.targets.join("+")}\n    ${record.text}\n    found: ${found}\n`;
}

export function register(program: Command): void {
  commandGroup(program, "eval", "Evaluate Dossier's components against gold data")
    .command("plover <file>")
    .description("Score the event stage on PLOVER's gold-standard records (PLOVER_GSR_CAMEO.txt): recall of the gold type, with its source, with its target")
    .option("--split <half>", "odd | even | all: the halves by index among the records with text (tune on odd, hold even out)", "all")
    .option("--errors", "list every record whose gold event was not found in full, with what was found")
    .action((file: string, options: { split: string; errors?: boolean }) => {
      if (!SPLITS.includes(options.split as Split)) throw new Error(`--split must be odd, even or all, got ${JSON.stringify(options.split)}`);
      const result = evaluatePlover(file, options.split as Split);
      if (options.errors) for (const s of result.scores) if (!s.target) process.stdout.write(missLine(s));
      const f = (x: number) => x.toFixed(3);
      const lines = [
        `sentences ${result.sentences}  type R ${f(result.typeRecall)}  +source R ${f(result.sourceRecall)}  +target R ${f(result.targetRecall)}  events per sentence ${f(result.eventsPerSentence)}`,
        `${"type".padEnd(10)} ${"gold".padStart(5)} ${"type".padStart(5)} ${"full".padStart(5)} ${"predicted".padStart(9)}`,
      ];
      for (const [type, r] of [...result.perType].sort(([a], [b]) => a.localeCompare(b))) {
        lines.push(`${type.padEnd(10)} ${String(r.gold).padStart(5)} ${String(r.type).padStart(5)} ${String(r.target).padStart(5)} ${String(r.predicted).padStart(9)}`);
      }
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}
