import type { Command } from "commander";
import type { ActorMerge } from "../../graph/actor-merges.js";
import type { Store } from "../../graph/store.js";
import type { Actor } from "../../model/index.js";
import { addDbOption, withStore } from "../store-option.js";

export function register(program: Command): void {
  const actors = addDbOption(
    program
      .command("actors")
      .description("List actors: id, type, name and aliases")
      .option("--type <type>", "only this type: PER, ORG, GPE, LOC or WORK")
      .option("--q <text>", "only actors whose name or an alias contains this text"),
  );
  actors.action(async (options: { db: string; type?: string; q?: string }) => {
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
  registerMergeCommands(actors);
}

/** `actors unmerge` and `actors merge`; `--db` is the `actors` command's own, given before or after. */
function registerMergeCommands(actors: Command): void {
  actors
    .command("unmerge")
    .description("Undo a cross-document merge: the rows it brought become a separate actor again, and its evidence never rejoins them")
    .argument("<actor>", "the merged actor: id, name or alias")
    .option("--from <document-or-alias>", "which merge: the document it came from, the id of an actor merged by hand, or a name it brought")
    .action(async (name: string, options: { from?: string }, command: Command) => {
      await withStore(dbOf(command), async (store) => {
        const actor = await actorNamed(store, name);
        const result = await store.unmergeActor(actor.id, options.from);
        for (const merge of result.undone) process.stdout.write(`undone: ${mergeLine(merge)}\n`);
        process.stdout.write(`${actor.id} split: ${result.undone.length === 1 ? "its rows" : "their rows"} now belong to ${result.split_into}\n`);
      });
    });
  actors
    .command("merge")
    .description("Merge actor B into actor A by hand (rule manual); undo with: dossier actors unmerge A --from B")
    .argument("<a>", "the actor to keep: id, name or alias")
    .argument("<b>", "the actor merged into it: id, name or alias")
    .action(async (a: string, b: string, _options: unknown, command: Command) => {
      await withStore(dbOf(command), async (store) => {
        const [into, from] = [await actorNamed(store, a), await actorNamed(store, b)];
        const merge = await store.mergeActors(into.id, from.id);
        process.stdout.write(`merged: ${mergeLine(merge)}\n`);
      });
    });
}

function dbOf(command: Command): string {
  return (command.optsWithGlobals() as { db: string }).db;
}

async function actorNamed(store: Store, name: string): Promise<Actor> {
  const actor = await store.findActor(name);
  if (!actor) throw new Error(`no actor named ${JSON.stringify(name)} (try: dossier actors --q ${JSON.stringify(name)})`);
  return actor;
}

/** `General Munir (d2, 2023-03-01) into per:munir: person-name-parts 0.90 on "asim munir" — why`. */
export function mergeLine(merge: ActorMerge): string {
  const source = merge.document ? `${merge.document}, ${merge.date ?? "?"}` : `actor ${merge.merged_actor ?? "?"}`;
  const state = merge.undone_at ? ` [undone ${merge.undone_at.slice(0, 10)}, now ${merge.split_into ?? "?"}]` : "";
  return `${merge.name} (${source}) into ${merge.actor}: ${merge.rule} ${merge.score.toFixed(2)} on ${JSON.stringify(merge.evidence)} \u2014 ${merge.explanation}${state}`;
}
