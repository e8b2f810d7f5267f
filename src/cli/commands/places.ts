import type { Command } from "commander";
import { evaluateGeo, loadGeoSet } from "../../resolve/geo/evaluate.js";
import { commandGroup } from "../group.js";
import { addDbOption, withStore } from "../store-option.js";

const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;

export function register(program: Command): void {
  addDbOption(
    program
      .command("places")
      .description("List place actors (GPE, LOC) with their coordinates, country, kind of place, and why that reading was chosen")
      .option("--alternatives", "also list the readings not chosen"),
  ).action(async (options: { db: string; alternatives?: boolean }) => {
    await withStore(options.db, async (store) => {
      const places = await store.places();
      if (places.length === 0) {
        process.stdout.write("no places\n");
        return;
      }
      for (const place of places) {
        const head = `${place.actor.name} (${place.actor.type})`;
        if (!place.geo) {
          process.stdout.write(`${head}  unresolved: not in the gazetteer\n`);
          continue;
        }
        const g = place.geo;
        const where = `${g.name}, ${g.feature_type}${g.country_code ? ` ${g.country_code}` : ""} at ${g.lat.toFixed(4)}, ${g.lon.toFixed(4)}${g.approximate ? " (approximate)" : ""}`;
        process.stdout.write(`${head}  ${where}\n    why: ${g.reason}\n`);
        if (options.alternatives) {
          for (const alt of g.alternatives) {
            process.stdout.write(`    or:  ${alt.name}, ${alt.featureType}${alt.countryCode ? ` ${alt.countryCode}` : ""} at ${alt.lat.toFixed(4)}, ${alt.lon.toFixed(4)} (score ${alt.score})\n`);
          }
        }
      }
    });
  });

  commandGroup(program, "eval", "Evaluate Dossier's components against gold data")
    .command("geo")
    .description("Geocoding accuracy on the project's annotated place mentions in ../shared/data/news (eval/geo-places.json)")
    .option("--set <file>", "another annotated set in the same format")
    .option("--verbose", "list every mention with the chosen place")
    .action(async (options: { set?: string; verbose?: boolean }) => {
      const result = await evaluateGeo(loadGeoSet(options.set));
      for (const r of result.results) {
        if (r.correct && !options.verbose) continue;
        const ref = `${r.item.ref.file}${r.item.ref.newid !== undefined ? `#${r.item.ref.newid}` : ""}`;
        process.stdout.write(`${r.correct ? "ok   " : "WRONG"} ${ref} ${JSON.stringify(r.item.mention)} → ${r.why}\n`);
      }
      for (const error of result.recogniserErrors) process.stdout.write(`note: the recogniser failed on ${error}; annotated places used as context\n`);
      process.stdout.write(`geocoding accuracy ${result.accuracy.toFixed(3)} (${result.correct}/${result.total} mentions, ${percent(result.accuracy)})\n`);
    });
}
