import { getJson } from "../api.js";
import { h, route, spanRoute, type Child } from "../dom.js";
import { actorLink, message } from "../parts.js";
import type { Actor, SearchResult } from "../types.js";

/** « and » mark the matches in a snippet; they become <mark> elements around text nodes. */
function snippet(text: string): Child[] {
  return text.split(/(«[^»]*»)/).map((part) => (part.startsWith("«") ? h("mark", {}, part.slice(1, -1)) : part));
}

export async function searchPage(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const q = params.get("q") ?? "";
  const input = h("input", { attrs: { type: "search", name: "q", placeholder: "Actors, claims, documents…", "aria-label": "Search" } });
  input.value = q;
  const form = h(
    "form",
    { class: "search", on: { submit: (event) => {
      event.preventDefault();
      location.hash = `#/search?q=${encodeURIComponent(input.value.trim())}`;
    } } },
    input,
    h("button", { attrs: { type: "submit" } }, "Search"),
  );
  root.append(h("h1", {}, "Search"), form);
  input.focus();
  if (!q.trim()) {
    const actors = await getJson<Actor[]>("/api/actors", { limit: 50 });
    root.append(h("h2", {}, "Actors"), actors.length ? h("ul", { class: "actors" }, actors.map((a) => h("li", {}, actorLink({ [a.id]: a }, a.id), " ", h("span", { class: "badge" }, a.type)))) : message("The store is empty: ingest documents first."));
    return;
  }
  const result = await getJson<SearchResult>("/api/search", { q, limit: 30 });
  const actors: Record<string, Actor> = Object.fromEntries(result.actors.map((a) => [a.id, a]));
  root.append(
    h(
      "div",
      { class: "columns" },
      h("section", {}, h("h2", {}, `Actors (${result.actors.length})`),
        h("ul", { class: "actors" }, result.actors.map((a) => h("li", {}, actorLink(actors, a.id), " ", h("span", { class: "badge" }, a.type), a.aliases.length ? h("div", { class: "aliases" }, a.aliases.join(" · ")) : null)))),
      h("section", {}, h("h2", {}, `Claims (${result.claims.length})`),
        h("ul", { class: "claims" }, result.claims.map((c) => h("li", {},
          h("a", { href: route("actor", c.speaker) }, actors[c.speaker]?.name ?? c.speaker), ` ${c.cue}: `,
          c.provenance[0] ? h("a", { href: spanRoute(c.provenance[0].document, c.provenance[0].start, c.provenance[0].end), class: "source" }, `\u201c${c.text}\u201d`) : c.text,
          h("span", { class: "date" }, ` ${c.date}`))))),
      h("section", {}, h("h2", {}, `Documents (${result.documents.length})`),
        h("ul", { class: "documents" }, result.documents.map((d) => h("li", {},
          h("a", { href: route("document", d.document.id) }, d.document.title ?? d.document.id), h("span", { class: "date" }, ` ${d.document.date}`),
          h("div", { class: "snippet" }, snippet(d.snippet)))))),
    ),
  );
}
