import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { formatSeedScore, scoreSeed, type SeedGold } from "../../eval/seed.js";
import type { Store } from "../../graph/store.js";
import { ingestFiles } from "../../ingest/run.js";
import type { GraphExport } from "../../model/index.js";
import { commandGroup } from "../group.js";
import { withStore } from "../store-option.js";
import { renderDossier } from "./actor.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const BUNDLED_SEED = join(ROOT, "examples", "seed-iskp.txt");
const DEFAULT_GOLD = join(ROOT, "..", "shared", "seeds", "000_c9f1e4863a1e1bca.gold.json");

/** A store in a new temporary directory, deleted when `use` is done: a scoring run keeps nothing (each left ~40 MB behind). */
async function withScratchStore<T>(use: (store: Store) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "dossier-eval-"));
  try {
    return await withStore(dir, use);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function ingestOrFail(store: Store, file: string): Promise<void> {
  const [outcome] = await ingestFiles(store, [file], {});
  if (outcome?.error) throw new Error(outcome.error);
}

export function register(program: Command): void {
  program
    .command("demo")
    .description("Ingest the bundled seed report into a fresh embedded store and print the ISKP dossier")
    .option("--db <dir>", "store directory (default: a new temporary directory)")
    .action(async (options: { db?: string }) => {
      const db = options.db ?? mkdtempSync(join(tmpdir(), "dossier-demo-"));
      await withStore(db, async (store) => {
        await ingestOrFail(store, BUNDLED_SEED);
        process.stdout.write(`Ingested ${BUNDLED_SEED} into ${db}\n\n${await renderDossier(store, "ISKP")}`);
      });
    });

  commandGroup(program, "eval", "Evaluate Dossier against reference data")
    .command("seed")
    .description("Score the seed's export against its hand-made reference reading (gold JSON)")
    .option("--gold <file>", "reference reading", DEFAULT_GOLD)
    .option("--export <file>", "score this JSON export instead of ingesting the seed into a fresh store")
    .option("--json", "print the scores as JSON")
    .action(async (options: { gold: string; export?: string; json?: boolean }) => {
      const gold = JSON.parse(readFileSync(options.gold, "utf8")) as SeedGold & { document: { file: string } };
      const graph: GraphExport = options.export
        ? JSON.parse(readFileSync(options.export, "utf8"))
        : await withScratchStore(async (store) => {
            await ingestOrFail(store, join(dirname(options.gold), gold.document.file));
            return store.exportGraph();
          });
      const score = scoreSeed(gold, graph);
      process.stdout.write(options.json ? `${JSON.stringify(score, null, 2)}\n` : `${formatSeedScore(score)}\n`);
    });
}
