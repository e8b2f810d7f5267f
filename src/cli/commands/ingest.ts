import { SingleBar, Presets } from "cli-progress";
import type { Command } from "commander";
import { enqueueDocuments, openQueue } from "../../ingest/queue.js";
import { ingestFiles, loadDocuments, type FileOutcome, type IngestProgress } from "../../ingest/run.js";
import { InputError, isCalendarDate } from "../../ingest/types.js";
import { expandInputs } from "../../ingest/walk.js";
import { terminalSafe } from "../format.js";
import { addDbOption, withStore } from "../store-option.js";

interface IngestOptions {
  db: string;
  date?: string;
  source?: string;
  queue?: boolean;
}

export function register(program: Command): void {
  addDbOption(
    program
      .command("ingest")
      .description("Read, analyse and store documents (seed records .txt, plain text .txt with --date, .jsonl, .csv, .html, RSS/Atom/JSON feeds, .pdf, Reuters .sgm)")
      .argument("<files...>", "input files, or directories to search recursively by extension")
      .option("--date <YYYY-MM-DD>", "date for inputs that carry none (plain text)")
      .option("--source <name>", "source recorded for documents that name none")
      .option("--queue", "only validate and enqueue the documents (PostgreSQL store); `dossier worker` processes them"),
  ).action(async (paths: string[], options: IngestOptions) => {
    const files = await expandInputs(paths);
    if (options.date !== undefined && !isCalendarDate(options.date)) {
      throw new Error(`--date must be a day as YYYY-MM-DD, not ${JSON.stringify(options.date)}`);
    }
    if (options.queue) {
      await enqueueFiles(files, options);
      return;
    }
    let stopping = false;
    const onSignal = () => {
      stopping = true;
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    const progress = process.stderr.isTTY ? barProgress() : lineProgress();
    try {
      const outcomes = await withStore(options.db, (store) =>
        ingestFiles(store, files, { date: options.date, source: options.source }, progress, () => stopping),
      );
      progress.finish();
      const sum = (key: "inserted" | "duplicate") => outcomes.reduce((n, o) => n + o[key], 0);
      const failed = outcomes.filter((o) => o.error !== undefined).length;
      const stopped = stopping ? " (interrupted: run the same command again to continue)" : "";
      process.stdout.write(`summary: ${sum("inserted")} inserted, ${sum("duplicate")} duplicate, ${failed} failed (${files.length} files)${stopped}\n`);
      if (failed > 0 || stopping) process.exitCode = 1;
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
  });
}

/** `--queue`: validate each file as usual, then hand its new documents to the workers. */
async function enqueueFiles(files: string[], options: IngestOptions): Promise<void> {
  const boss = await openQueue(options.db);
  try {
    const totals = { queued: 0, duplicate: 0, failed: 0 };
    await withStore(options.db, async (store) => {
      for (const file of files) {
        try {
          const { queued, duplicate } = await enqueueDocuments(boss, store, await loadDocuments(store, file, options));
          totals.queued += queued;
          totals.duplicate += duplicate;
          process.stderr.write(`${file}: ${queued} queued, ${duplicate} duplicate\n`);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          totals.failed += 1;
          process.stderr.write(`dossier: ${terminalSafe(error.message)}\n`);
        }
      }
    });
    process.stdout.write(`summary: ${totals.queued} queued, ${totals.duplicate} duplicate, ${totals.failed} failed (${files.length} files)\n`);
    if (totals.failed > 0) process.exitCode = 1;
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}

type Display = IngestProgress & { finish(): void };

function reportError(outcome: FileOutcome): void {
  if (outcome.error) process.stderr.write(`dossier: ${terminalSafe(outcome.error)}\n`);
}

/** On a terminal: one bar over all documents; errors printed above it. */
function barProgress(): Display {
  const bar = new SingleBar(
    { format: "ingest [{bar}] {value}/{total} documents | {inserted} new | {file}", hideCursor: true, stream: process.stderr },
    Presets.shades_classic,
  );
  let started = false;
  let inserted = 0;
  return {
    start(total) {
      bar.start(total, 0, { inserted, file: "" });
      started = true;
    },
    document(file, result) {
      if (result.status === "inserted") inserted += 1;
      bar.increment({ inserted, file });
    },
    file(outcome) {
      if (!outcome.error) return;
      if (started) bar.stop();
      reportError(outcome);
      if (started) bar.start(bar.getTotal(), bar.getProgress() * bar.getTotal(), { inserted, file: outcome.file });
    },
    finish() {
      if (started) bar.stop();
    },
  };
}

/** Elsewhere (logs, pipes): a line per file and one every 500 documents. */
function lineProgress(): Display {
  let total = 0;
  let done = 0;
  return {
    start(count) {
      total = count;
      process.stderr.write(`ingest: ${total} documents to store\n`);
    },
    document() {
      done += 1;
      if (done % 500 === 0 && done < total) process.stderr.write(`ingest: ${done}/${total} documents\n`);
    },
    file(outcome) {
      reportError(outcome);
      process.stderr.write(`${terminalSafe(outcome.file)}: ${outcome.inserted} inserted, ${outcome.duplicate} duplicate${outcome.error ? ", failed" : ""}\n`);
    },
    finish() {},
  };
}
