/** An SVG timeline: one row per kind of item, a dot per item at its date, each dot a link to its source. */
import { svg } from "./dom.js";

export interface TimelineItem {
  date: string;
  kind: string;
  label: string;
  /** In-app route to go to on click. */
  href: string;
}

const WIDTH = 900;
const ROW = 34;
const LEFT = 120;
const RIGHT = 20;

function days(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

export function timeline(items: TimelineItem[]): SVGSVGElement {
  const kinds = [...new Set(items.map((i) => i.kind))];
  const height = 30 + kinds.length * ROW + 24;
  const root = svg("svg", { class: "timeline", viewBox: `0 0 ${WIDTH} ${height}`, role: "img", "aria-label": "Timeline" });
  if (items.length === 0) return root;
  const values = items.map((i) => days(i.date));
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = Math.max(max - min, 30);
  const x = (date: string) => LEFT + ((days(date) - min) / span) * (WIDTH - LEFT - RIGHT);
  const axisY = 20 + kinds.length * ROW;
  root.append(svg("line", { x1: LEFT, x2: WIDTH - RIGHT, y1: axisY, y2: axisY, class: "axis" }));
  const first = new Date(min * 86_400_000).getUTCFullYear();
  const last = new Date(max * 86_400_000).getUTCFullYear();
  const step = Math.max(1, Math.ceil((last - first + 1) / 10));
  for (let year = first; year <= last + 1; year += step) {
    const at = x(`${year}-01-01`);
    if (at < LEFT - 1 || at > WIDTH - RIGHT + 1) continue;
    root.append(svg("line", { x1: at, x2: at, y1: axisY, y2: axisY + 5, class: "axis" }), svg("text", { x: at, y: axisY + 18, class: "tick" }, String(year)));
  }
  if (first === last) root.append(svg("text", { x: LEFT, y: axisY + 18, class: "tick" }, String(first)));
  kinds.forEach((kind, row) => {
    const y = 20 + row * ROW + ROW / 2;
    root.append(svg("text", { x: 4, y: y + 4, class: "row-label" }, kind));
    root.append(svg("line", { x1: LEFT, x2: WIDTH - RIGHT, y1: y, y2: y, class: "row-line" }));
    for (const item of items.filter((i) => i.kind === kind)) {
      const dot = svg("circle", { cx: x(item.date), cy: y, r: 6, class: `dot dot-${row % 6}`, tabindex: 0, role: "link" }, svg("title", {}, `${item.date}: ${item.label}`));
      const go = () => (location.hash = item.href);
      dot.addEventListener("click", go);
      dot.addEventListener("keydown", (event) => {
        if ((event as KeyboardEvent).key === "Enter") go();
      });
      root.append(dot);
    }
  });
  return root;
}
