import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { openStore } from "../open.js";

it("lets one process at a time open an embedded store, and takes over a dead process's lock", { timeout: 300_000 }, async () => {
  const dir = join(mkdtempSync(join(tmpdir(), "dossier-lock-")), "store");
  mkdirSync(dir);
  const dead = spawnSync(process.execPath, ["-e", ""]).pid as number;
  writeFileSync(join(dir, "dossier.lock"), `${dead}\n`);

  const first = await openStore(dir);
  await expect(openStore(dir)).rejects.toThrow(`the store in ${dir} is in use by process ${process.pid}`);
  await first.close();
  expect(existsSync(join(dir, "dossier.lock"))).toBe(false);

  const again = await openStore(dir);
  expect(await again.hasDocument("0".repeat(64))).toBe(false);
  await again.close();
});
