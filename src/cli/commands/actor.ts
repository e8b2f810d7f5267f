import type { Command } from "commander";
import { ActorNames, actorLabel, itemLines, oneLine, suffixes } from "../format.js";
import type { ActorDossier, Store } from "../../graph/store.js";
import { phoenixDictionary, rolesOn } from "../../resolve/phoenix.js";
import { mergeLine } from "./actors.js";
import { addDbOption, withStore } from "../store-option.js";

export function register(program: Command): void {
  addDbOption(
    program
      .command("actor")
      .description("Show one actor's dossier: aliases, relations, events, claims by and about it, with dates and source words")
      .argument("<name-or-alias>", "actor id, name or alias (case-insensitive)"),
  ).action(async (nameOrAlias: string, options: { db: string }) => {
    await withStore(options.db, async (store) => process.stdout.write(await renderDossier(store, nameOrAlias)));
  });
}

/** The dossier of the actor named `nameOrAlias` as printed text: aliases, relations, events, claims, each with source words. */
export async function renderDossier(store: Store, nameOrAlias: string): Promise<string> {
  const actor = await store.findActor(nameOrAlias);
  const dossier = actor && (await store.dossier(actor.id));
  if (!dossier) throw new Error(`no actor named ${JSON.stringify(nameOrAlias)} (try: dossier actors --q ${JSON.stringify(nameOrAlias)})`);
  const names = new ActorNames(store, { ...dossier.related, [dossier.actor.id]: dossier.actor });
  const out: string[] = [
    actorLabel(dossier.actor),
    `id: ${dossier.actor.id}`,
    `aliases: ${dossier.actor.aliases.length > 0 ? dossier.actor.aliases.join("; ") : "-"}`,
    ...(await mergeLines(store, dossier)),
    "",
    `relations (${dossier.relations.length}):`,
  ];
  for (const r of dossier.relations) {
    const object = r.object === null ? "" : ` ${await names.name(r.object)}`;
    const header = `${await names.name(r.subject)} ${r.predicate}${object}`;
    const extra = [r.role ? `role: ${r.role}` : "", r.status ? `status: ${r.status}` : ""].filter(Boolean).join(", ");
    const attributedTo = r.attributed_to === null ? undefined : await names.name(r.attributed_to);
    out.push(...itemLines(r.date, header + suffixes({ extra: extra ? `(${extra})` : undefined, time: r.time, attributedTo }), r.provenance));
  }
  out.push("", `events (${dossier.events.length}):`);
  for (const e of dossier.events) {
    const target = e.target === null ? "" : ` -> ${await names.name(e.target)}`;
    const attributedTo = e.attributed_to === null ? undefined : await names.name(e.attributed_to);
    out.push(...itemLines(e.date, `${e.type} ${await names.name(e.source)}${target}${suffixes({ time: e.time, attributedTo })}`, e.provenance));
  }
  for (const [title, claims] of [
    ["claims by it", dossier.claimsBy],
    ["claims about it", dossier.claimsAbout],
  ] as const) {
    out.push("", `${title} (${claims.length}):`);
    for (const c of claims) {
      const about = c.about.length > 0 ? ` about ${(await Promise.all(c.about.map((id) => names.name(id)))).join(", ")}` : "";
      const header = `${await names.name(c.speaker)} ${c.cue} (${c.quote})${about}: \u201c${oneLine(c.text)}\u201d${suffixes({ time: c.time })}`;
      out.push(...itemLines(c.date, header, c.provenance));
    }
  }
  return `${out.join("\n")}\n`;
}

/**
 * "merged from" lines (each merge into the actor: its source, rule, score and evidence), "split from"
 * lines (undone merges that made it), and the date-bounded roles PETRARCH's Phoenix dictionary
 * knows for it, marking those in force on the dates of its reports.
 */
async function mergeLines(store: Store, dossier: ActorDossier): Promise<string[]> {
  const id = dossier.actor.id;
  const lines: string[] = [];
  for (const merge of await store.actorMerges(id)) {
    if (merge.actor === id && !merge.undone_at) lines.push(`merged from: ${mergeLine(merge)}`);
    else if (merge.split_into === id) lines.push(`split from: ${merge.actor} (undone merge ${mergeLine(merge)})`);
  }
  const dates = [...new Set([...dossier.relations, ...dossier.events, ...dossier.claimsBy, ...dossier.claimsAbout].map((item) => item.date))].sort();
  for (const key of await store.actorKeys(id)) {
    const person = key.startsWith("phoenix:") ? phoenixDictionary().person(key.slice("phoenix:".length)) : undefined;
    if (!person || person.roles.length === 0) continue;
    const roles = person.roles.map((role) => {
      const span = role.from || role.to ? ` ${role.from ?? "…"} to ${role.to ?? "…"}` : " (default)";
      const during = dates.filter((date) => rolesOn(person, date).includes(role));
      return `${role.country} ${role.role}${span}${during.length > 0 ? ` [in force on ${during.join(", ")}]` : ""}`;
    });
    lines.push(`known roles (PETRARCH Phoenix, ${person.name}): ${roles.join("; ")}`);
  }
  return lines;
}
