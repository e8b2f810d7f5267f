import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { toCsv } from "../../export/csv.js";
import { toGraphml } from "../../export/graphml.js";
import { toStixBundle } from "../../export/stix.js";
import type { GraphExport } from "../../model/index.js";
import { addDbOption, withStore } from "../store-option.js";

export const EXPORT_FORMATS = ["json", "stix", "graphml", "csv"] as const;
type Format = (typeof EXPORT_FORMATS)[number];

/** One file's text for the single-file formats. */
function serialise(format: Exclude<Format, "csv">, graph: GraphExport): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(graph, null, 2)}\n`;
    case "stix":
      return `${JSON.stringify(toStixBundle(graph), null, 2)}\n`;
    case "graphml":
      return toGraphml(graph);
  }
}

export function register(program: Command): void {
  addDbOption(
    program
      .command("export")
      .description(
        "Export the graph: json (the model: documents, actors, relations, events, claims), stix (STIX 2.1 bundle), " +
          "graphml (Gephi, networkx), csv (a directory of documents/actors/relations/events/claims/provenance .csv)",
      )
      .requiredOption("--format <format>", `one of ${EXPORT_FORMATS.join(", ")}`)
      .option("--out <file|dir>", "output file (json, stix, graphml; default stdout) or directory (csv, required)")
      .option("--timeline", "json: add `timeline`, each actor's events and relations in event-date order"),
  ).action(async (options: { db: string; format: string; out?: string; timeline?: boolean }) => {
    const format = options.format as Format;
    if (!EXPORT_FORMATS.includes(format)) {
      throw new Error(`--format must be one of ${EXPORT_FORMATS.join(", ")}, not ${JSON.stringify(options.format)}`);
    }
    if (format === "csv" && !options.out) throw new Error("--format csv writes several files: give a directory with --out DIR");
    const graph = await withStore(options.db, (store) => store.exportGraph({ timeline: options.timeline }));
    if (format === "csv") {
      const dir = options.out!;
      await mkdir(dir, { recursive: true });
      const files = toCsv(graph);
      for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
      process.stderr.write(`wrote ${Object.keys(files).join(", ")} to ${dir}\n`);
      return;
    }
    const text = serialise(format, graph);
    if (options.out) await writeFile(options.out, text);
    else process.stdout.write(text);
  });
}
