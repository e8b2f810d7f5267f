import { getJson } from "../api.js";
import { h, route, type Child } from "../dom.js";
import { actorLink, message, words } from "../parts.js";
import type { Actor, DocumentView, Mention } from "../types.js";

/** A highlighted stretch of the text: a claim, relation or event, by its source span. */
interface ItemSpan {
  kind: "claim" | "relation" | "event";
  start: number;
  end: number;
  describe: (actors: Record<string, Actor>) => Child;
  /** The actor the highlight leads to. */
  actor: string;
}

function itemSpans(view: DocumentView): ItemSpan[] {
  const own = (p: { document: string }) => p.document === view.document.id;
  const spans: ItemSpan[] = [];
  for (const c of view.claims) {
    for (const p of c.provenance.filter(own)) {
      spans.push({
        kind: "claim", start: p.start, end: p.end, actor: c.speaker,
        describe: (a) => [actorLink(a, c.speaker), ` ${c.cue} (${c.quote}): `, h("q", {}, c.text), c.about.length ? [" — about ", c.about.map((id, i) => [i ? ", " : "", actorLink(a, id)])] : null],
      });
    }
  }
  for (const r of view.relations) {
    for (const p of r.provenance.filter(own)) {
      spans.push({
        kind: "relation", start: p.start, end: p.end, actor: r.subject,
        describe: (a) => [actorLink(a, r.subject), ` ${words(r.predicate)}${r.role ? ` (${r.role})` : ""} `, actorLink(a, r.object), r.time ? ` [${r.time}]` : "", r.attributed_to ? [" — claimed by ", actorLink(a, r.attributed_to)] : " — reported"],
      });
    }
  }
  for (const e of view.events) {
    for (const p of e.provenance.filter(own)) {
      spans.push({
        kind: "event", start: p.start, end: p.end, actor: e.source,
        describe: (a) => [actorLink(a, e.source), ` ${e.type} `, actorLink(a, e.target), e.time ? ` [${e.time}]` : "", e.attributed_to ? [" — claimed by ", actorLink(a, e.attributed_to)] : ""],
      });
    }
  }
  return spans;
}

/** Mentions that do not overlap, earliest and then longest first. */
function disjoint(mentions: Mention[]): Mention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mention[] = [];
  for (const m of sorted) if (!kept.length || m.start >= kept[kept.length - 1]!.end) kept.push(m);
  return kept;
}

/**
 * Cuts the text at every mention and highlight boundary (never inside a mention) and renders each
 * piece as text: mentions as entity marks that link to their actor, covered pieces with the classes
 * of the items covering them.
 */
function renderText(view: DocumentView, spans: ItemSpan[], focus: { start: number; end: number } | undefined, show: (spans: ItemSpan[]) => void): HTMLElement {
  const text = view.document.text;
  const mentions = disjoint(view.mentions.filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end));
  const inside = (at: number) => mentions.some((m) => m.start < at && at < m.end);
  const cuts = new Set<number>([0, text.length]);
  for (const m of mentions) cuts.add(m.start).add(m.end);
  for (const s of [...spans, ...(focus ? [focus] : [])]) for (const at of [s.start, s.end]) if (at > 0 && at < text.length && !inside(at)) cuts.add(at);
  const points = [...cuts].sort((a, b) => a - b);
  const container = h("div", { class: "doc-text", attrs: { lang: "en" } });
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = spans.filter((s) => s.start < end && start < s.end);
    const mention = mentions.find((m) => m.start === start && m.end === end);
    const focused = focus !== undefined && focus.start < end && start < focus.end;
    const classes = [...new Set(covering.map((s) => `hl-${s.kind}`))];
    if (focused) classes.push("focus");
    const piece = text.slice(start, end);
    let node: Child = piece;
    if (mention) {
      const target = mention.actor;
      node = target
        ? h("a", { class: `ent ent-${mention.type}`, href: route("actor", target), title: view.actors[target]?.name ?? target }, piece, h("span", { class: "ent-label" }, mention.type))
        : h("mark", { class: `ent ent-${mention.type}` }, piece, h("span", { class: "ent-label" }, mention.type));
    }
    if (classes.length === 0) {
      container.append(typeof node === "string" ? document.createTextNode(node) : (node as Node));
      continue;
    }
    const wrapper = h("span", { class: classes.join(" "), data: { start: String(start), end: String(end) } }, node);
    if (covering.length) {
      wrapper.setAttribute("tabindex", "0");
      wrapper.addEventListener("click", (event) => {
        if ((event.target as Element).closest("a")) return;
        show(covering);
      });
    }
    container.append(wrapper);
  }
  return container;
}

export async function documentPage(root: HTMLElement, id: string, params: URLSearchParams): Promise<void> {
  const view = await getJson<DocumentView>(`/api/documents/${encodeURIComponent(id)}`);
  const { document: doc } = view;
  const start = Number(params.get("start"));
  const end = Number(params.get("end"));
  const focus = params.has("start") && Number.isInteger(start) && Number.isInteger(end) && start < end ? { start, end } : undefined;
  const spans = itemSpans(view);
  const panel = h("aside", { class: "doc-panel" }, message("Click a highlight to see what was read there; click a name to open its actor."));
  const show = (covering: ItemSpan[]) => {
    panel.replaceChildren(
      h("h3", {}, "Read here"),
      h("ul", {}, covering.map((s) => h("li", { class: `panel-${s.kind}` }, h("span", { class: `badge hl-${s.kind}` }, s.kind), " ", s.describe(view.actors), " ", h("a", { href: route("actor", s.actor), class: "button small" }, "actor")))),
    );
  };
  const text = renderText(view, spans, focus, show);
  const toggles = (["mentions", "claim", "relation", "event"] as const).map((kind) => {
    const box = h("input", { attrs: { type: "checkbox", checked: "" } });
    box.addEventListener("change", () => text.classList.toggle(`hide-${kind}`, !box.checked));
    return h("label", { class: `toggle hl-${kind}` }, box, ` ${kind === "mentions" ? "mentions" : `${kind}s`}`);
  });
  root.append(
    h("h1", { class: "doc-title" }, doc.title ?? `Document ${doc.id}`),
    h("p", { class: "doc-meta" }, doc.date, doc.source ? ` · ${doc.source}` : "", doc.url ? [" · ", h("a", { href: doc.url }, "original")] : "", ` · ${view.mentions.length} mentions, ${view.claims.length} claims, ${view.relations.length} relations, ${view.events.length} events`),
    h("div", { class: "legend" }, toggles),
    h("div", { class: "reader" }, text, panel),
  );
  const target = text.querySelector(".focus");
  if (target) {
    target.scrollIntoView({ block: "center" });
    const covering = spans.filter((s) => focus && s.start <= focus.start && focus.end <= s.end);
    if (covering.length) show(covering);
  }
}
