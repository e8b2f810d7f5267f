import type { Command } from "commander";
import { register as attribution } from "./attribution.js";

/** Each command module adds its commands to the program; add one line per module here. */
type Register = (program: Command) => void;

const modules: Register[] = [attribution];

export function registerCommands(program: Command): void {
  for (const register of modules) register(program);
}
