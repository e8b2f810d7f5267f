import type { Command } from "commander";

/**
 * Returns the command group `name` (e.g. `eval`), creating it on first use, so that
 * several modules can each add their own subcommands (`eval ner`, `eval timex`, ...).
 */
export function commandGroup(program: Command, name: string, description: string): Command {
  const existing = program.commands.find((command) => command.name() === name);
  return existing ?? program.command(name).description(description);
}
