import type { Command } from "commander";
import { addDbOption, withStore } from "../store-option.js";

export function register(program: Command): void {
  addDbOption(
    program
      .command("actors")
      .description("List actors: id, type, name and aliases")
      .option("--type <type>", "only this type: PER, ORG, GPE, LOC or WORK")
      .option("--q <text>", "only actors whose name or an alias contains this text"),
  ).action(async (options: { db: string; type?: string; q?: string }) => {
    await withStore(options.db, async (store) => {
      const actors = await store.actors({ type: options.type, q: options.q });
      if (actors.length === 0) {
        process.stdout.write("no actors\n");
        return;
      }
      const idWidth = Math.max(...actors.map((a) => a.id.length));
      for (const actor of actors) {
        const type = `${actor.type}${actor.subtype ? `/${actor.subtype}` : ""}`;
        const aliases = actor.aliases.length > 0 ? `  (${actor.aliases.join("; ")})` : "";
        process.stdout.write(`${actor.id.padEnd(idWidth)}  ${type.padEnd(22)}  ${actor.name}${aliases}\n`);
      }
    });
  });
}
