import type { Command } from "commander";
import { openQueue, runWorker } from "../../ingest/queue.js";
import { addDbOption, withStore } from "../store-option.js";

export function register(program: Command): void {
  addDbOption(
    program
      .command("worker")
      .description("Analyse and store documents queued by `dossier ingest --queue` (PostgreSQL store; run any number, anywhere)")
      .option("--batch <n>", "jobs fetched at a time", "10")
      .option("--exit-when-empty", "stop once no job is queued or running instead of waiting for more"),
  ).action(async (options: { db: string; batch: string; exitWhenEmpty?: boolean }) => {
    const batchSize = Number(options.batch);
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`--batch must be a positive whole number, not ${JSON.stringify(options.batch)}`);
    let stopping = false;
    const onSignal = () => {
      stopping = true;
      process.stderr.write("worker: stopping after the current batch\n");
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    const boss = await openQueue(options.db);
    try {
      let done = 0;
      const totals = await withStore(options.db, (store) =>
        runWorker(boss, store, {
          batchSize,
          exitWhenEmpty: options.exitWhenEmpty,
          shouldStop: () => stopping,
          onResult(document, result) {
            done += 1;
            if (result instanceof Error) process.stderr.write(`dossier: document ${document.id}: ${result.message}\n`);
            if (done % 500 === 0) process.stderr.write(`worker: ${done} documents\n`);
          },
        }),
      );
      process.stdout.write(`summary: ${totals.inserted} inserted, ${totals.duplicate} duplicate, ${totals.failed} failed\n`);
      if (totals.failed > 0) process.exitCode = 1;
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      await boss.stop({ graceful: false, close: true });
    }
  });
}
