import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import Sigma from "sigma";
import { getJson } from "../api.js";
import { h, route, type Child } from "../dom.js";
import { message, sourceLinks, words } from "../parts.js";
import type { EgoNetwork, GraphEdge, GraphNode } from "../types.js";

const TYPE_COLORS: Record<string, string> = { PER: "#d1495b", ORG: "#2e5c8a", GPE: "#3c8d5a", LOC: "#6aa6c8", WORK: "#d99a2b" };
const KIND_COLORS: Record<string, string> = { relation: "#5b6770", event: "#c0392b", claim: "#8e44ad" };
const PALETTE = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324", "#469990", "#808000"];

/** Live sigma renderer of the page, killed when the page changes. */
let renderer: Sigma | undefined;

export function leaveGraphPage(): void {
  renderer?.kill();
  renderer = undefined;
}

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** A fixed-seed generator, so that the same view gets the same communities. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Louvain communities over the undirected, simple projection of the view. */
function communities(network: EgoNetwork): Record<string, number> {
  const simple = new Graph({ type: "undirected", multi: false });
  for (const n of network.nodes) simple.addNode(n.id);
  for (const e of network.edges) {
    if (e.source === e.target) continue;
    if (simple.hasEdge(e.source, e.target)) simple.updateEdgeAttribute(e.source, e.target, "weight", (w: number | undefined) => (w ?? 1) + 1);
    else simple.addEdge(e.source, e.target, { weight: 1 });
  }
  if (simple.size === 0) return Object.fromEntries(network.nodes.map((n, i) => [n.id, i]));
  return louvain(simple, { rng: seeded(7), getEdgeWeight: "weight" });
}

/** Rings around the centre by distance; within a ring, grouped by community, then by name. */
function layout(network: EgoNetwork, community: Record<string, number>): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  const rings = new Map<number, GraphNode[]>();
  for (const n of network.nodes) rings.set(n.depth, [...(rings.get(n.depth) ?? []), n]);
  for (const [depth, nodes] of rings) {
    nodes.sort((a, b) => (community[a.id] ?? 0) - (community[b.id] ?? 0) || a.name.localeCompare(b.name));
    nodes.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / nodes.length + depth * 0.5;
      positions.set(n.id, depth === 0 ? { x: 0, y: 0 } : { x: depth * Math.cos(angle), y: depth * Math.sin(angle) });
    });
  }
  return positions;
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = h("a", { attrs: { download: name } });
  link.href = url;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Draws the current view (positions as sigma shows them) on a 2D canvas, for a PNG. */
function viewAsPng(network: EgoNetwork, colors: Map<string, string>, container: HTMLElement): Promise<Blob> {
  const width = container.clientWidth || 800;
  const height = container.clientHeight || 600;
  const canvas = h("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d")!;
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, height);
  const graph = renderer!.getGraph();
  const at = (id: string) => renderer!.graphToViewport({ x: graph.getNodeAttribute(id, "x") as number, y: graph.getNodeAttribute(id, "y") as number });
  context.lineWidth = 1.5;
  for (const e of network.edges) {
    const a = at(e.source);
    const b = at(e.target);
    context.strokeStyle = KIND_COLORS[e.kind] ?? "#999";
    context.beginPath();
    context.moveTo(a.x, a.y);
    context.lineTo(b.x, b.y);
    context.stroke();
  }
  context.font = "12px sans-serif";
  for (const n of network.nodes) {
    const p = at(n.id);
    context.fillStyle = colors.get(n.id) ?? "#999";
    context.beginPath();
    context.arc(p.x, p.y, n.depth === 0 ? 10 : 7, 0, 2 * Math.PI);
    context.fill();
    context.fillStyle = "#111";
    context.fillText(n.name, p.x + 10, p.y + 4);
  }
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG export failed"))), "image/png"));
}

function edgePanel(edge: GraphEdge, names: Map<string, string>): Child {
  return [
    h("h3", {}, `${names.get(edge.source) ?? edge.source} ${words(edge.label)} ${names.get(edge.target) ?? edge.target}`),
    h("p", {}, `${edge.kind} · ${edge.date}${edge.time ? ` · time ${edge.time}` : ""}`, edge.attributed_to ? ` · claimed by ${names.get(edge.attributed_to) ?? edge.attributed_to}` : " · reported"),
    h("p", {}, sourceLinks(edge.provenance)),
  ];
}

export async function graphPage(root: HTMLElement, actor: string | undefined, params: URLSearchParams): Promise<void> {
  const actorInput = h("input", { attrs: { type: "text", placeholder: "Actor name, alias or id", "aria-label": "Actor" } });
  actorInput.value = actor ?? "";
  const depthSelect = h("select", { attrs: { "aria-label": "Depth" } }, [1, 2, 3].map((d) => h("option", { attrs: { value: String(d) } }, `depth ${d}`)));
  depthSelect.value = params.get("depth") ?? "1";
  const go = () => {
    if (actorInput.value.trim()) location.hash = `${route("graph", actorInput.value.trim())}?depth=${depthSelect.value}`;
  };
  root.append(
    h("h1", {}, "Graph explorer"),
    h("form", { class: "controls", on: { submit: (e) => (e.preventDefault(), go()) } }, actorInput, depthSelect, h("button", { attrs: { type: "submit" } }, "Explore")),
  );
  depthSelect.addEventListener("change", go);
  if (!actor) {
    root.append(message("Name an actor to see its ego network."));
    return;
  }
  const depth = Number(depthSelect.value);
  const base = await getJson<EgoNetwork>("/api/graph", { actor, depth });
  const predicates = [...new Set(base.edges.map((e) => e.predicate))].sort();
  const days = base.edges.map((e) => dayNumber(e.date));
  const minDay = days.length ? Math.min(...days) : 0;
  const maxDay = days.length ? Math.max(...days) : 0;

  const predicateBoxes = predicates.map((p) => {
    const box = h("input", { attrs: { type: "checkbox", checked: "", value: p } });
    return { p, box, label: h("label", { class: "predicate-filter" }, box, ` ${words(p)}`) };
  });
  const fromSlider = h("input", { attrs: { type: "range", min: String(minDay), max: String(maxDay), step: "1", "aria-label": "From" } });
  const toSlider = h("input", { attrs: { type: "range", min: String(minDay), max: String(maxDay), step: "1", "aria-label": "To" } });
  fromSlider.value = String(minDay);
  toSlider.value = String(maxDay);
  const windowLabel = h("span", { class: "window" });
  const communityBox = h("input", { attrs: { type: "checkbox", "aria-label": "Colour by community" } });
  const summary = h("p", { class: "graph-summary" });
  const container = h("div", { class: "sigma", id: "sigma" });
  const panel = h("aside", { class: "graph-panel" }, message("Click an actor or a link."));
  const pngButton = h("button", { attrs: { type: "button" } }, "Export PNG");
  const jsonButton = h("button", { attrs: { type: "button" } }, "Export JSON");
  root.append(
    h("div", { class: "filters" },
      h("div", {}, h("strong", {}, "Links: "), predicateBoxes.map((b) => b.label)),
      h("div", {}, h("strong", {}, "Time window: "), fromSlider, toSlider, windowLabel),
      h("div", {}, h("label", {}, communityBox, " colour by community"), " ", pngButton, " ", jsonButton)),
    summary,
    h("div", { class: "graph-area" }, container, panel),
  );

  let current: EgoNetwork = base;
  let colors = new Map<string, string>();
  /** `shown`: the predicates the view was asked for (kept on the summary, for tests and bookmarks). */
  const draw = (network: EgoNetwork, shown: string[] = predicates) => {
    current = network;
    summary.dataset.predicates = shown.join(",");
    leaveGraphPage();
    const community = communities(network);
    const communityCount = new Set(Object.values(community)).size;
    colors = new Map(network.nodes.map((n) => [n.id, communityBox.checked ? PALETTE[(community[n.id] ?? 0) % PALETTE.length]! : (TYPE_COLORS[n.type] ?? "#999")]));
    const positions = layout(network, community);
    const graph = new Graph({ multi: true, type: "directed" });
    for (const n of network.nodes) {
      graph.addNode(n.id, { ...positions.get(n.id)!, size: n.depth === 0 ? 14 : 9, label: n.name, color: colors.get(n.id) });
    }
    for (const e of network.edges) {
      graph.addDirectedEdgeWithKey(e.id, e.source, e.target, { label: words(e.label), size: 2, color: KIND_COLORS[e.kind] ?? "#999", type: "arrow" });
    }
    summary.replaceChildren(`${network.nodes.length} actors · ${network.edges.length} links · ${communityCount} communities${network.truncated ? " · truncated" : ""}`);
    summary.dataset.nodes = String(network.nodes.length);
    summary.dataset.edges = String(network.edges.length);
    const names = new Map(network.nodes.map((n) => [n.id, n.name]));
    try {
      renderer = new Sigma(graph, container, { renderEdgeLabels: true, enableEdgeEvents: true, labelRenderedSizeThreshold: 0, defaultEdgeType: "arrow" });
    } catch (error) {
      container.replaceChildren(message(`This browser cannot draw the graph (${error instanceof Error ? error.message : String(error)}).`, "error"));
      return;
    }
    renderer.on("clickNode", ({ node }) => {
      const n = network.nodes.find((x) => x.id === node)!;
      panel.replaceChildren(
        h("h3", {}, n.name),
        h("p", {}, `${n.type}${n.subtype ? ` (${words(n.subtype)})` : ""} · ${n.depth} link(s) from the centre · community ${community[n.id] ?? "-"}`),
        h("p", {}, h("a", { href: route("actor", n.id), class: "button" }, "Actor page"), " ", h("a", { href: `${route("graph", n.id)}?depth=${depth}`, class: "button" }, "Centre here")),
      );
    });
    renderer.on("clickEdge", ({ edge }) => {
      const e = network.edges.find((x) => x.id === edge);
      if (e) panel.replaceChildren(...([edgePanel(e, names)].flat() as Node[]));
    });
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const refilter = () => {
    let from = Number(fromSlider.value);
    let to = Number(toSlider.value);
    if (from > to) [from, to] = [to, from];
    windowLabel.replaceChildren(days.length ? ` ${dateOf(from)} – ${dateOf(to)}` : " (no dated links)");
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const chosen = predicateBoxes.filter((b) => b.box.checked).map((b) => b.p);
      const filtered = chosen.length < predicates.length || from > minDay || to < maxDay;
      if (!filtered) return draw(base);
      if (chosen.length === 0) return draw({ ...base, nodes: base.nodes.filter((n) => n.depth === 0), edges: [] }, chosen);
      draw(await getJson<EgoNetwork>("/api/graph", { actor, depth, predicates: chosen.join(","), from: dateOf(from), to: dateOf(to) }), chosen);
    }, 200);
  };
  for (const b of predicateBoxes) b.box.addEventListener("change", refilter);
  fromSlider.addEventListener("input", refilter);
  toSlider.addEventListener("input", refilter);
  communityBox.addEventListener("change", () => draw(current, summary.dataset.predicates ? summary.dataset.predicates.split(",") : []));
  pngButton.addEventListener("click", async () => download("dossier-graph.png", await viewAsPng(current, colors, container)));
  jsonButton.addEventListener("click", () => download("dossier-graph.json", new Blob([JSON.stringify(current, null, 2)], { type: "application/json" })));
  windowLabel.replaceChildren(days.length ? ` ${dateOf(minDay)} – ${dateOf(maxDay)}` : " (no dated links)");
  draw(base);
}
