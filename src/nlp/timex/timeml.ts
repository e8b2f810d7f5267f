/**
 * Reads TimeML (TempEval-3 .tml): the document creation time and the TEXT element's plain
 * text with its gold TIMEX3 spans, offsets aligned to that plain text.
 */
import { XMLParser } from "fast-xml-parser";
import type { Timex, TimexType } from "../../model/index.js";
import { isTimexType } from "./score.js";

export interface TimeMLDocument {
  /** DCT as YYYY-MM-DD. */
  dct: string;
  text: string;
  gold: Timex[];
}

type Node = Record<string, unknown> & { ":@"?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});

function tagOf(node: Node): string {
  const tag = Object.keys(node).find((key) => key !== ":@");
  if (!tag) throw new Error("empty XML node");
  return tag;
}

function children(node: Node): Node[] {
  return node[tagOf(node)] as Node[];
}

function find(nodes: Node[], tag: string): Node | undefined {
  for (const node of nodes) {
    const name = tagOf(node);
    if (name === tag) return node;
    if (name !== "#text") {
      const inner = find(children(node), tag);
      if (inner) return inner;
    }
  }
  return undefined;
}

function plainText(nodes: Node[]): string {
  return nodes.map((node) => (tagOf(node) === "#text" ? String(node["#text"]) : plainText(children(node)))).join("");
}

/** Collects TIMEX3 spans while concatenating the text, so offsets match the returned string. */
function flatten(nodes: Node[], out: { text: string; gold: Timex[] }, where: string): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === "#text") {
      out.text += String(node["#text"]);
      continue;
    }
    const start = out.text.length;
    flatten(children(node), out, where);
    if (tag !== "TIMEX3") continue;
    const attributes = node[":@"] ?? {};
    const type = attributes.type ?? "";
    if (!isTimexType(type)) throw new Error(`${where}: TIMEX3 ${attributes.tid ?? "?"} has unknown type ${JSON.stringify(type)}`);
    if (attributes.functionInDocument === "CREATION_TIME") continue;
    out.gold.push({ start, end: out.text.length, text: out.text.slice(start), type: type as TimexType, value: attributes.value ?? "" });
  }
}

export function parseTimeML(xml: string, where: string): TimeMLDocument {
  let root: Node[];
  try {
    root = parser.parse(xml) as Node[];
  } catch (error) {
    throw new Error(`${where}: not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const textNode = find(root, "TEXT");
  if (!textNode) throw new Error(`${where}: no <TEXT> element`);
  const dctNode = find(root, "DCT");
  const dctTimex = dctNode ? find(children(dctNode), "TIMEX3") : undefined;
  const dctValue = dctTimex?.[":@"]?.value ?? "";
  const dctMatch = dctValue.match(/^\d{4}-\d{2}-\d{2}/) ?? plainText(dctNode ? children(dctNode) : []).match(/^\s*(\d{4})(\d{2})(\d{2})/);
  if (!dctMatch) throw new Error(`${where}: no document creation time (<DCT><TIMEX3 value="YYYY-MM-DD...">)`);
  const dct = dctMatch.length > 1 ? `${dctMatch[1]}-${dctMatch[2]}-${dctMatch[3]}` : dctMatch[0];
  const out = { text: "", gold: [] as Timex[] };
  flatten(children(textNode), out, where);
  return { dct, ...out };
}
