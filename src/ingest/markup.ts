import { parseHTML } from "linkedom";

/** Shared by the HTML, feed and Reuters readers: untrusted markup → plain text, bytes → string, dates → ISO. */

type LinkedomDocument = ReturnType<typeof parseHTML>["document"];
type DomNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode> };

/** Elements whose content is never text for a reader (code, styling, embedded media, forms). */
const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "OBJECT", "EMBED", "SVG", "MATH", "CANVAS", "SELECT", "BUTTON", "HEAD"]);

/** Elements that end a paragraph: text on either side of them goes into separate paragraphs. */
const BLOCKS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "CAPTION", "DD", "DETAILS", "DIV", "DL", "DT", "FIELDSET",
  "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "HTML", "LI", "MAIN",
  "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE", "TBODY", "TD", "TFOOT", "TH", "THEAD", "TR", "UL",
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const MAX_DEPTH = 500;

/**
 * Parses HTML without executing anything (linkedom has no script engine). Fragments are wrapped in a
 * full document first, because linkedom otherwise makes the first element the document element.
 */
export function parseHtmlDocument(html: string): LinkedomDocument {
  const full = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(full).document;
}

/**
 * The text of a DOM subtree with paragraphs preserved: block elements become blank-line separated
 * paragraphs, `<br>` a line break, whitespace inside a paragraph collapses to single spaces.
 */
export function domToText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = "";
  const flush = (): void => {
    const lines = current.split("\n").map((line) => line.replace(/[ \t\f\v\u00a0]+/g, " ").trim());
    const paragraph = lines.filter(Boolean).join("\n");
    if (paragraph) paragraphs.push(paragraph);
    current = "";
  };
  // Iterative walk: hostile pages nest tens of thousands of elements deep.
  const stack: { node: DomNode; exit: boolean; depth: number }[] = [{ node: root, exit: false, depth: 0 }];
  while (stack.length) {
    const { node, exit, depth } = stack.pop()!;
    if (exit) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      current += (node.textContent ?? "").replace(/\s+/g, " ");
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) continue;
    if (name === "BR") {
      current += "\n";
      continue;
    }
    const block = BLOCKS.has(name);
    if (block) {
      flush();
      stack.push({ node, exit: true, depth });
    }
    if (depth >= MAX_DEPTH) {
      current += ` ${(node.textContent ?? "").replace(/\s+/g, " ")} `;
      continue;
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, exit: false, depth: depth + 1 });
  }
  flush();
  return paragraphs.join("\n\n");
}

/** Plain text of an HTML fragment (feed descriptions, article bodies); never rendered, only parsed. */
export function htmlToText(html: string): string {
  const document = parseHtmlDocument(html);
  return domToText((document.body ?? document.documentElement) as unknown as DomNode);
}

/** The encoding a page or feed declares in its first bytes (`<meta charset>`, `http-equiv`, `<?xml encoding>`). */
function declaredCharset(content: Buffer): string | undefined {
  const head = content.subarray(0, 4096).toString("latin1");
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return match?.[1];
}

/**
 * Markup bytes to text: a byte-order mark wins, then the declared charset (Arabic and Urdu sites
 * still serve windows-1256), then UTF-8 if the bytes are valid UTF-8, else windows-1252, which
 * accepts any byte. Never throws.
 */
export function decodeBytes(content: Buffer): string {
  // As browsers do, a NUL becomes U+FFFD: pages and feeds are read leniently, and the store cannot hold U+0000.
  return decodeLabelled(content).replace(/\u0000/g, "\uFFFD");
}

function decodeLabelled(content: Buffer): string {
  const bom = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? "utf-8" : content[0] === 0xff && content[1] === 0xfe ? "utf-16le" : content[0] === 0xfe && content[1] === 0xff ? "utf-16be" : undefined;
  let label = bom ?? declaredCharset(content);
  try {
    const encoding = label && new TextDecoder(label).encoding;
    // A declaration read as ASCII cannot be UTF-16: HTML reads a declared UTF-16 as UTF-8, and so do we.
    if (encoding === "utf-8" || (!bom && (encoding === "utf-16le" || encoding === "utf-16be"))) label = undefined; // still verified below
  } catch {
    label = undefined; // unknown label: fall back to detection
  }
  if (label) return new TextDecoder(label).decode(content);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    return new TextDecoder("windows-1252").decode(content);
  }
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined; // 31 February and the like
  return date.toISOString().slice(0, 10);
}

/**
 * Normalises the date forms found in articles, feeds, PDFs and Reuters SGML to YYYY-MM-DD, keeping
 * the calendar day as written (no time-zone shift): ISO 8601, RFC 822 ("Tue, 10 Jun 2003 04:00 GMT"),
 * "26-FEB-1987 15:01:01.79", PDF "D:20230115120000Z", "March 5, 2024". Undefined when unreadable.
 */
export function normaliseDate(raw: string | Date | undefined | null): string | undefined {
  if (raw == null) return undefined;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString().slice(0, 10);
  const text = raw.trim().slice(0, 200);
  let match = /^(?:D:)?(\d{4})-?(\d{2})-?(\d{2})/.exec(text);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})[\s-]+([A-Za-z]{3})[A-Za-z]*\.?[\s-]+(\d{4})\b/.exec(text);
  if (match) return isoDate(Number(match[3]), MONTHS[match[2]!.toLowerCase()] ?? 0, Number(match[1]));
  match = /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text);
  if (match) return isoDate(Number(match[3]), MONTHS[match[1]!.toLowerCase()] ?? 0, Number(match[2]));
  match = /^(\d{4})$/.exec(text);
  if (match) return undefined; // a bare year is not a day
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString().slice(0, 10);
}
