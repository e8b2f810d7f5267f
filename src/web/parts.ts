/** Small pieces the pages share: actor links, source-span links, tables, messages. */
import { h, route, spanRoute, type Child } from "./dom.js";
import type { Actor, Provenance } from "./types.js";

export function actorLink(actors: Record<string, Actor>, id: string | null): Child {
  if (id === null) return null;
  const actor = actors[id];
  return h("a", { href: route("actor", id), class: `actor type-${actor?.type ?? "unknown"}` }, actor?.name ?? id);
}

/** The quoted source words of an item, each linking to its span in the document. */
export function sourceLinks(provenance: Provenance[]): Child {
  return provenance.map((p) =>
    h("a", { href: spanRoute(p.document, p.start, p.end), class: "source", title: `document ${p.document}, characters ${p.start}-${p.end}` }, `\u201c${p.text}\u201d`),
  );
}

export function table(headers: string[], rows: Child[][], className = ""): HTMLTableElement {
  return h(
    "table",
    { class: `grid ${className}` },
    h("thead", {}, h("tr", {}, headers.map((header) => h("th", {}, header)))),
    h("tbody", {}, rows.map((cells) => h("tr", {}, cells.map((cell) => h("td", {}, cell))))),
  );
}

export function message(text: string, kind: "info" | "error" = "info"): HTMLElement {
  return h("p", { class: `message ${kind}` }, text);
}

export function words(text: string): string {
  return text.replace(/_/g, " ");
}
