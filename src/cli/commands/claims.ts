import type { Command } from "commander";
import { ActorNames, itemLines, oneLine, suffixes } from "../format.js";
import { addDbOption, withStore } from "../store-option.js";

export function register(program: Command): void {
  addDbOption(
    program
      .command("claims")
      .description("List claims (who said what about whom), with dates and source words")
      .option("--speaker <actor>", "only claims by this actor (id, name or alias)")
      .option("--about <actor>", "only claims about this actor (id, name or alias)"),
  ).action(async (options: { db: string; speaker?: string; about?: string }) => {
    await withStore(options.db, async (store) => {
      for (const [flag, value] of [
        ["--speaker", options.speaker],
        ["--about", options.about],
      ] as const) {
        if (value !== undefined && !(await store.findActor(value))) throw new Error(`${flag}: no actor named ${JSON.stringify(value)}`);
      }
      const claims = await store.claims({ speaker: options.speaker, about: options.about });
      if (claims.length === 0) {
        process.stdout.write("no claims\n");
        return;
      }
      const names = new ActorNames(store);
      const out: string[] = [];
      for (const c of claims) {
        const about = c.about.length > 0 ? ` about ${(await Promise.all(c.about.map((id) => names.name(id)))).join(", ")}` : "";
        const header = `${await names.name(c.speaker)} ${c.cue} (${c.quote})${about}: \u201c${oneLine(c.text)}\u201d${suffixes({ time: c.time })}`;
        out.push(...itemLines(c.date, header, c.provenance, ""));
      }
      process.stdout.write(`${out.join("\n")}\n`);
    });
  });
}
