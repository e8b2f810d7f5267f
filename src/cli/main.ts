import { Command } from "commander";
import { registerCommands } from "./commands/index.js";

const program = new Command()
  .name("dossier")
  .description("Turn dated reports into a temporal, source-grounded knowledge graph")
  .showHelpAfterError();

registerCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`dossier: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
