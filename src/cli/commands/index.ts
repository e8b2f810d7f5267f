import type { Command } from "commander";

/** Each command module adds its commands to the program; add one line per module here. */
type Register = (program: Command) => void;

const modules: Register[] = [];

export function registerCommands(program: Command): void {
  for (const register of modules) register(program);
}
