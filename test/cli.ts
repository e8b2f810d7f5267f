/** Runs `dossier` for CLI tests: the built command (bin/dossier.js over dist/, which `npm test` builds first), or commands in process. */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Command } from "commander";
import { vi } from "vitest";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "bin/dossier.js");

/** Whether the CLI has been built; CLI tests are skipped until it is. */
export const CLI_BUILT = existsSync(join(ROOT, "dist/cli/main.js"));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `dossier ...args`, returning its exit code and output instead of throwing on failure. */
export async function runDossier(args: string[], options: { cwd?: string; timeout?: number } = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: options.cwd, timeout: options.timeout ?? 170_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/**
 * Runs `dossier ...args` in this process with only the given command modules registered, returning what
 * it printed; errors are thrown as the command throws them.
 */
export async function runInProcess(modules: ((program: Command) => void)[], args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  for (const register of modules) register(program);
  let out = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(["node", "dossier", ...args]);
  } finally {
    write.mockRestore();
  }
  return out;
}
