import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { sampleGraph } from "../../test/fixtures/graph.js";
import { toGraphml, xmlEscape } from "./graphml.js";

interface Data { key: string; "#text": string | number | boolean }
interface Item { id: string; source?: string; target?: string; data?: Data[] }
interface Parsed {
  graphml: {
    key: { id: string; for: string; "attr.name": string; "attr.type": string }[];
    graph: { edgedefault: string; node: Item[]; edge: Item[] };
  };
}

function parse(xml: string): Parsed {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ["key", "node", "edge", "data"].includes(name),
  });
  return parser.parse(xml) as Parsed;
}

function values(item: Item): Record<string, string> {
  return Object.fromEntries((item.data ?? []).map((d) => [d.key, String(d["#text"])]));
}

describe("GraphML export", () => {
  const xml = toGraphml(sampleGraph());
  const doc = parse(xml);

  it("is well-formed XML with typed key declarations", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const keys = doc.graphml.key;
    expect(keys.find((k) => k.id === "confidence")).toMatchObject({ for: "edge", "attr.type": "double" });
    expect(keys.find((k) => k.id === "claimed")).toMatchObject({ for: "edge", "attr.type": "boolean" });
    expect(new Set(keys.map((k) => k.id)).size).toBe(keys.length);
    const used = new Set([...doc.graphml.graph.node, ...doc.graphml.graph.edge].flatMap((i) => (i.data ?? []).map((d) => d.key)));
    for (const key of used) expect(keys.some((k) => k.id === key), key).toBe(true);
    expect(doc.graphml.graph.edgedefault).toBe("directed");
  });

  it("has a node per actor and an edge per two-ended relation, event and claim target", () => {
    const graph = sampleGraph();
    expect(doc.graphml.graph.node).toHaveLength(graph.actors.length);
    const edges = doc.graphml.graph.edge;
    // 5 relations with an object, 1 event with a target, 1 claim about one actor.
    expect(edges.map((e) => values(e).kind).sort()).toEqual(["claim", "event", "relation", "relation", "relation", "relation", "relation"]);
    const rival = edges.find((e) => values(e).predicate === "rival_of")!;
    expect(rival).toMatchObject({ source: "iskp", target: "taliban" });
    expect(values(rival)).toMatchObject({ kind: "relation", claimed: "false", confidence: "0.8", date: "2023-02-16", documents: "d1" });
    const claimed = edges.find((e) => values(e).predicate === "holds_position")!;
    expect(values(claimed)).toMatchObject({ attributed_to: "iskp", claimed: "true", role: "army chief" });
    const ids = edges.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("escapes markup and drops characters XML cannot hold, keeping the text", () => {
    const odd = doc.graphml.graph.node.find((n) => n.id === "odd")!;
    expect(values(odd).label).toBe('Odd <b>"name"</b> & co');
    expect(values(odd).aliases).toBe('=HYPERLINK("x")');
    expect(xml).not.toContain("<b>");
    expect(xmlEscape("a\u0001b\uD800c\n")).toBe("a\uFFFDb\uFFFDc&#10;");
    expect(xmlEscape("😀")).toBe("😀");
  });

  it("is a valid empty graph for an empty export", () => {
    const empty = toGraphml({ documents: [], actors: [], relations: [], events: [], claims: [] });
    expect(XMLValidator.validate(empty)).toBe(true);
  });
});
