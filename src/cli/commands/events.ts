import type { Command } from "commander";
import type { Store } from "../../graph/store.js";
import type { Geo, TimelineEntry } from "../../model/index.js";
import { evaluateEventsEndToEnd } from "../../eval/events-end-to-end.js";
import { evaluateEvents, loadEventSet } from "../../resolve/events/evaluate.js";
import { ActorNames, formatProvenance } from "../format.js";
import { commandGroup } from "../group.js";
import { addDbOption, withStore } from "../store-option.js";

const ISO_PREFIX = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function place(geo: Geo | undefined): string {
  return geo ? `  at ${geo.name}${geo.country_code ? ` (${geo.country_code})` : ""}` : "";
}

async function findActorOrFail(store: Store, name: string) {
  const actor = await store.findActor(name);
  if (!actor) throw new Error(`no actor named ${JSON.stringify(name)} (see dossier actors)`);
  return actor;
}

async function timelineLines(store: Store, entries: TimelineEntry[]): Promise<string[]> {
  const names = new ActorNames(store);
  const lines: string[] = [];
  for (const entry of entries) {
    const date = `${entry.date}${entry.date_basis === "publication" ? "~" : " "}`.padEnd(12);
    const what =
      entry.kind === "event"
        ? `${entry.type}  ${await names.name(entry.source)} → ${await names.name(entry.target)}${place(entry.geo)}  [${entry.sources.length} report${entry.sources.length > 1 ? "s" : ""}]`
        : `${entry.type}${entry.role ? ` (${entry.role})` : ""}${entry.status ? ` [${entry.status}]` : ""}  ${await names.name(entry.source)} → ${await names.name(entry.target)}`;
    const claimed = entry.attributed_to ? `  (claimed by ${await names.name(entry.attributed_to)})` : "";
    lines.push(`${date}${what}${claimed}`);
    for (const source of entry.sources) {
      const figures = (source.figures ?? []).map((f) => `${f.kind} ${f.qualifier ? `${f.qualifier} ` : ""}${f.value}`).join(", ");
      for (const p of source.provenance) {
        lines.push(`${" ".repeat(12)}${source.date} ${source.outlet ? `${source.outlet}: ` : ""}${formatProvenance(p)}${figures ? `  {${figures}}` : ""}`);
      }
    }
  }
  return lines;
}

export function register(program: Command): void {
  addDbOption(
    program
      .command("timeline <actor>")
      .description("An actor's events (one per happening, with every report) and relations in event-date order; ~ marks a publication date standing in for a missing event date")
      .option("--from <date>", "only from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
      .option("--to <date>", "only up to this date, inclusive")
      .option("--json", "print the entries as JSON"),
  ).action(async (name: string, options: { db: string; from?: string; to?: string; json?: boolean }) => {
    for (const bound of [options.from, options.to]) {
      if (bound !== undefined && !ISO_PREFIX.test(bound)) throw new Error(`dates must be YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(bound)}`);
    }
    await withStore(options.db, async (store) => {
      const actor = await findActorOrFail(store, name);
      const entries = await store.timeline(actor.id, { from: options.from, to: options.to });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
        return;
      }
      process.stdout.write(`Timeline of ${actor.name} (${actor.id})\n`);
      const lines = await timelineLines(store, entries);
      process.stdout.write(lines.length > 0 ? `${lines.join("\n")}\n` : "no events or relations in that period\n");
    });
  });

  addDbOption(
    program
      .command("events")
      .description("Happenings: events merged across reports, with every report, its figures, and why it was merged")
      .option("--actor <name>", "only those this actor takes part in"),
  ).action(async (options: { db: string; actor?: string }) => {
    await withStore(options.db, async (store) => {
      const actorId = options.actor ? (await findActorOrFail(store, options.actor)).id : undefined;
      const events = await store.mergedEvents(actorId);
      if (events.length === 0) {
        process.stdout.write("no events\n");
        return;
      }
      const names = new ActorNames(store);
      for (const event of events) {
        process.stdout.write(`${event.id}  ${event.date}${event.date_basis === "publication" ? "~" : ""}  ${event.type}  ${await names.name(event.source)} → ${await names.name(event.target)}${place(event.geo)}\n`);
        for (const member of event.members) {
          const figures = member.figures.map((f) => `${f.kind} ${f.qualifier ? `${f.qualifier} ` : ""}${f.value}`).join(", ");
          const copy = member.copy_of ? `, copy of ${member.copy_of}` : "";
          process.stdout.write(`    ${member.event} (${member.date}${member.outlet ? `, ${member.outlet}` : ""}${copy})${figures ? ` {${figures}}` : ""}\n`);
          for (const p of member.provenance) process.stdout.write(`        ${formatProvenance(p)}\n`);
          if (member.merge) process.stdout.write(`        merged by ${member.merge.rule} (score ${member.merge.score}): ${member.merge.explanation}\n`);
        }
      }
    });
  });

  addDbOption(
    program
      .command("split-event <event>")
      .description("Undo a merge: take one report's event out of its happening; it is never merged with those reports again"),
  ).action(async (eventId: string, options: { db: string }) => {
    await withStore(options.db, async (store) => {
      const { from, now } = await store.splitEvent(eventId);
      process.stdout.write(`${eventId} left happening ${from}; it is now ${now === eventId ? "a happening of its own" : `part of ${now}`}\n`);
    });
  });

  commandGroup(program, "eval", "Evaluate Dossier's components against gold data")
    .command("events")
    .description("Cross-document event resolution on the project's clusters of news reports (eval/event-clusters.json): B-cubed P/R/F1")
    .option("--set <file>", "another annotated set in the same format")
    .option("--verbose", "list every merge with its rule and score")
    .option("--end-to-end", "also run the reports through the pipeline and the store, and score the events it extracts")
    .action(async (options: { set?: string; verbose?: boolean; endToEnd?: boolean }) => {
      const items = loadEventSet(options.set);
      const result = await evaluateEvents(items);
      if (options.verbose) {
        for (const link of result.links) process.stdout.write(`${link.event} → ${link.cluster}  ${link.rule} (${link.score}): ${link.explanation}\n`);
      }
      for (const mention of result.mentions) {
        const cluster = result.clusterOf.get(mention.id)!;
        const sameGold = result.mentions.filter((m) => result.gold.get(m.id) === result.gold.get(mention.id)).map((m) => m.id);
        const sameSystem = result.mentions.filter((m) => result.clusterOf.get(m.id) === cluster).map((m) => m.id);
        if (sameGold.join() !== sameSystem.join()) {
          process.stdout.write(`mismatch ${mention.id}: annotated with ${sameGold.join(", ")}; resolved with ${sameSystem.join(", ")}\n`);
        }
      }
      const f = (x: number) => x.toFixed(3);
      process.stdout.write(
        `${result.items} reports of ${result.happenings} happenings → ${result.clusters} clusters\n` +
          `B-cubed precision ${f(result.precision)}  recall ${f(result.recall)}  F1 ${f(result.f1)}\n`,
      );
      if (options.endToEnd) {
        const e2e = await evaluateEventsEndToEnd(items);
        for (const failure of e2e.failed) process.stdout.write(`note: the pipeline failed on ${failure}\n`);
        process.stdout.write(
          `end to end (pipeline + store): the pipeline found ${e2e.found} of ${e2e.items} annotated events; unfound ones count as singletons\n` +
            `B-cubed precision ${f(e2e.precision)}  recall ${f(e2e.recall)}  F1 ${f(e2e.f1)}\n`,
        );
      }
    });
}
