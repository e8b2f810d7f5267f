/**
 * Reuters-21578 SGML (reut2-NNN.sgm): each <REUTERS> element is one dated story. The files are
 * SGML, not XML (unescaped `&`, control-character references like `&#3;`, a stray Latin-1 byte),
 * so they are read with tolerant patterns rather than an XML parser.
 */
import { decodeBytes, normaliseDate } from "./markup.js";
import { InputError, type RawRecord, type Reader } from "./types.js";

const STORY = /<REUTERS\b([^>]*)>([\s\S]*?)<\/REUTERS>/g;
const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|lt|gt|amp|quot|apos);/gi;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
/** Control characters other than tab and newline: the wire's framing bytes (&#2; &#3; &#5; &#22; &#31; &#127;). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function decodeSgmlText(raw: string): string {
  return raw
    .replace(ENTITY, (whole, name: string) => {
      if (name[0] !== "#") return NAMED[name.toLowerCase()] ?? whole;
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? "" : String.fromCodePoint(code);
    })
    .replace(CONTROL, "");
}

function element(block: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, "i").exec(block);
  return match?.[1];
}

/** Wire copy: an indented line starts a paragraph; other line breaks are only wrapping. */
function unwrap(text: string): string {
  const paragraphs: string[] = [];
  for (const line of text.split("\n")) {
    const content = line.replace(/\s+/g, " ").trim();
    if (!content) continue;
    if (/^\s/.test(line) || paragraphs.length === 0) paragraphs.push(content);
    else paragraphs[paragraphs.length - 1] += ` ${content}`;
  }
  return paragraphs.join("\n\n");
}

/** Drops the "Reuter" sign-off that ends almost every story. */
function withoutSignOff(text: string): string {
  return text.replace(/\s*\bREUTER\s*$/i, "").trim();
}

function storyText(textBlock: string, type: string | undefined): string {
  const body = element(textBlock, "BODY");
  if (body !== undefined) {
    const dateline = decodeSgmlText(element(textBlock, "DATELINE") ?? "").replace(/\s+/g, " ").trim();
    const text = withoutSignOff(unwrap(decodeSgmlText(body)));
    return dateline && text ? `${dateline} ${text}` : text;
  }
  // BRIEF and UNPROC stories: whatever is left once the tagged parts are removed.
  const rest = decodeSgmlText(textBlock.replace(/<(TITLE|AUTHOR|DATELINE)\b[^>]*>[\s\S]*?<\/\1>/gi, "").replace(/<[^>]*>/g, ""));
  const text = type === "UNPROC" ? rest.replace(/[ \t]+$/gm, "").trim() : withoutSignOff(unwrap(rest));
  return /^\**\s*blah blah blah\.?$/i.test(text) ? "" : text;
}

export function readReuters(file: string, content: Buffer, options: { date?: string; source?: string }): RawRecord[] {
  const sgml = decodeBytes(content);
  const records: RawRecord[] = [];
  let line = 1;
  let counted = 0;
  for (const match of sgml.matchAll(STORY)) {
    for (let i = counted; i < match.index; i++) if (sgml.charCodeAt(i) === 10) line++;
    counted = match.index;
    const [, attributes, block] = match as unknown as [string, string, string];
    const newId = /\bNEWID="(\d+)"/.exec(attributes)?.[1];
    if (!newId) throw new InputError(file, String(line), "<REUTERS> without a NEWID attribute");
    const textBlock = element(block, "TEXT") ?? "";
    const type = /<TEXT\b[^>]*\bTYPE="([A-Z]+)"/i.exec(block)?.[1]?.toUpperCase();
    const title = decodeSgmlText(element(textBlock, "TITLE") ?? "").replace(/\s+/g, " ").trim() || undefined;
    const text = storyText(textBlock, type) || title;
    if (!text) continue; // a few stories are empty wire frames: nothing to read, nothing wrong
    records.push({
      id: `reuters-${newId}`,
      date: normaliseDate(decodeSgmlText(element(block, "DATE") ?? "")) ?? options.date,
      title,
      text,
      source: options.source ?? "Reuters",
      line,
    });
  }
  if (records.length === 0) throw new InputError(file, undefined, "no <REUTERS> stories with text found");
  return records;
}

export const reutersReader: Reader = {
  name: "reuters-sgml",
  extensions: ["sgm", "sgml"],
  sniff: (content) => /<REUTERS\b[^>]*\bNEWID="/.test(content.subarray(0, 4096).toString("latin1")),
  read: readReuters,
};
