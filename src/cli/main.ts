import { Command } from "commander";
import { registerCommands } from "./commands/index.js";
import { guardTerminal, terminalSafe } from "./format.js";

// Output quotes untrusted documents: their control characters must not drive the reader's terminal
// (stderr carries the progress bar's own sequences, so its messages are made safe one by one).
guardTerminal(process.stdout);

const program = new Command()
  .name("dossier")
  .description("Turn dated reports into a temporal, source-grounded knowledge graph")
  .showHelpAfterError();

registerCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`dossier: ${terminalSafe(error instanceof Error ? error.message : String(error))}\n`);
  process.exitCode = 1;
});
