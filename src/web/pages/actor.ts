import { itemDate } from "../../export/timestamp.js";
import { getJson, postJson } from "../api.js";
import { h, route, spanRoute, type Child } from "../dom.js";
import { actorLink, message, sourceLinks, table, words } from "../parts.js";
import { timeline, type TimelineItem } from "../timeline.js";
import type { Actor, ActorMerge, Claim, Dated, Dossier, Provenance } from "../types.js";

function firstSpan(provenance: Provenance[]): string {
  const p = provenance[0];
  return p ? spanRoute(p.document, p.start, p.end) : "";
}

function attribution(actors: Record<string, Actor>, attributedTo: string | null): Child {
  return attributedTo === null ? h("span", { class: "asserted" }, "reported") : h("span", { class: "claimed" }, "claimed by ", actorLink(actors, attributedTo));
}

function claimRows(actors: Record<string, Actor>, claims: Dated<Claim>[]): Child[][] {
  return claims.map((c) => [
    c.date,
    actorLink(actors, c.speaker),
    c.cue,
    h("span", { class: `claim-text quote-${c.quote}` }, c.text),
    c.about.map((id, i) => [i > 0 ? ", " : "", actorLink(actors, id)]),
    sourceLinks(c.provenance),
  ]);
}

/** Merges into the actor, each undoable, and a form to merge another actor in (both need a token). */
function mergesSection(actor: Actor, merges: ActorMerge[]): HTMLElement {
  const status = h("div", { class: "merge-status" });
  const act = async (path: string, body: object, done: (result: { split_into?: string }) => Child) => {
    try {
      const result = await postJson<{ split_into?: string }>(path, body);
      status.replaceChildren(h("p", { class: "message" }, done(result)));
    } catch (error) {
      status.replaceChildren(message(error instanceof Error ? error.message : String(error), "error"));
    }
  };
  const base = `/api/actors/${encodeURIComponent(actor.id)}`;
  const rows = merges.map((m) => [
    m.date ?? m.created_at.slice(0, 10),
    m.name,
    m.rule,
    m.score.toFixed(2),
    m.explanation || m.evidence,
    m.document ? h("a", { href: route("document", m.document), class: "source" }, m.document) : "by hand",
    m.undone_at
      ? ["undone → ", m.split_into ? h("a", { href: route("actor", m.split_into) }, m.split_into) : ""]
      : h("button", { class: "undo", attrs: { type: "button" }, on: { click: () => void act(`${base}/unmerge`, { from: m.merged_actor ?? m.document ?? m.name }, (r) => ["Undone: the merged rows are now ", h("a", { href: route("actor", r.split_into ?? "") }, r.split_into ?? "a separate actor"), "."]) } }, "Undo"),
  ]);
  const other = h("input", { attrs: { type: "text", placeholder: "actor to merge in (name, alias or id)", "aria-label": "Actor to merge in" } });
  const form = h("form", { class: "merge-form", on: { submit: (event) => {
    event.preventDefault();
    if (other.value.trim()) void act(`${base}/merge`, { from: other.value.trim() }, () => ["Merged; ", h("a", { href: route("actor", actor.id) }, "reload"), " to see the dossier."]);
  } } }, other, h("button", { attrs: { type: "submit" } }, "Merge in"));
  return h("section", { class: "merges" },
    rows.length ? table(["date", "name there", "rule", "score", "why", "document", ""], rows, "merges") : message("No merges."),
    form, status);
}

export async function actorPage(root: HTMLElement, id: string): Promise<void> {
  const dossier = await getJson<Dossier>(`/api/actors/${encodeURIComponent(id)}`);
  const { actor } = dossier;
  const merges = await getJson<ActorMerge[]>(`/api/actors/${encodeURIComponent(actor.id)}/merges`);
  const actors: Record<string, Actor> = { ...dossier.related, [actor.id]: actor };

  const items: TimelineItem[] = [
    ...dossier.relations.map((r) => ({ date: itemDate(r.time, r.date), kind: "relations", label: `${actors[r.subject]?.name ?? r.subject} ${words(r.predicate)} ${r.object ? (actors[r.object]?.name ?? r.object) : ""}`, href: firstSpan(r.provenance) })),
    ...dossier.events.map((e) => ({ date: itemDate(e.time, e.date), kind: "events", label: `${actors[e.source]?.name ?? e.source} ${e.type} ${e.target ? (actors[e.target]?.name ?? e.target) : ""}`, href: firstSpan(e.provenance) })),
    ...dossier.claimsBy.map((c) => ({ date: itemDate(c.time, c.date), kind: "claims by", label: c.text, href: firstSpan(c.provenance) })),
    ...dossier.claimsAbout.map((c) => ({ date: itemDate(c.time, c.date), kind: "claims about", label: c.text, href: firstSpan(c.provenance) })),
  ].filter((item) => item.href);

  const aliasRows = dossier.aliasSources.map((s) => [
    s.alias,
    s.global ? "everywhere" : "in that document",
    h("a", { href: route("document", s.document), class: "source" }, s.document),
    s.date,
  ]);
  const relationRows: Child[][] = [
    ...dossier.relations.map((r) => ({
      date: r.date,
      cells: [
        r.date, "relation", actorLink(actors, r.subject),
        h("span", { class: "predicate" }, words(r.predicate), r.role ? ` (${r.role})` : "", r.status ? ` [${r.status}]` : ""),
        actorLink(actors, r.object), r.time ?? "", attribution(actors, r.attributed_to), sourceLinks(r.provenance),
      ],
    })),
    ...dossier.events.map((e) => ({
      date: e.date,
      cells: [e.date, "event", actorLink(actors, e.source), h("span", { class: "predicate" }, e.type), actorLink(actors, e.target), e.time ?? "", attribution(actors, e.attributed_to), sourceLinks(e.provenance)],
    })),
  ]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((row) => row.cells);

  root.append(
    h("h1", { class: "actor-name" }, actor.name, " ", h("span", { class: "badge" }, actor.type), actor.subtype ? h("span", { class: "badge subtle" }, words(actor.subtype)) : null),
    h("p", {}, h("a", { href: route("graph", actor.id), class: "button" }, "Open in graph")),
    h("h2", {}, "Aliases"),
    aliasRows.length ? table(["alias", "valid", "first source", "date"], aliasRows, "aliases") : message("No aliases."),
    h("h2", {}, "Merged from"),
    mergesSection(actor, merges),
    h("h2", {}, "Relations and events"),
    relationRows.length ? table(["date", "kind", "subject", "link", "object", "time", "according to", "source words"], relationRows, "relations") : message("No relations or events."),
    h("h2", {}, "Timeline"),
    items.length ? timeline(items) : message("Nothing dated."),
    h("h2", {}, `Claims by ${actor.name}`),
    dossier.claimsBy.length ? table(["date", "speaker", "cue", "claim", "about", "source words"], claimRows(actors, dossier.claimsBy), "claims-by") : message("None."),
    h("h2", {}, `Claims about ${actor.name}`),
    dossier.claimsAbout.length ? table(["date", "speaker", "cue", "claim", "about", "source words"], claimRows(actors, dossier.claimsAbout), "claims-about") : message("None."),
  );
}
