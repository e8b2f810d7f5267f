import { Readability } from "@mozilla/readability";
import { InputError, type RawRecord, type ReadOptions, type Reader } from "./types.js";
import { decodeBytes, domToText, normaliseDate, parseHtmlDocument } from "./markup.js";

/** Larger pages are refused: no real article is this big, and parsing it would stall ingest. */
export const MAX_HTML_BYTES = 20 * 1024 * 1024;

type Doc = ReturnType<typeof parseHtmlDocument>;
type Node = Parameters<typeof domToText>[0];

function metaContent(document: Doc, selectors: string[]): string | undefined {
  for (const selector of selectors) {
    for (const element of document.querySelectorAll(selector)) {
      const value = element.getAttribute("content") ?? element.getAttribute("datetime") ?? element.textContent;
      if (value?.trim()) return value.trim();
    }
  }
  return undefined;
}

/** datePublished from JSON-LD blocks, searching nested objects, arrays and `@graph`. */
function jsonLdDate(document: Doc): string | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue; // broken JSON-LD is common; other date sources remain
    }
    const queue: unknown[] = [data];
    for (let seen = 0; queue.length && seen < 1000; seen++) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === "object") {
        const value = (item as Record<string, unknown>).datePublished ?? (item as Record<string, unknown>).dateCreated;
        if (typeof value === "string" && normaliseDate(value)) return value;
        queue.push(...Object.values(item));
      }
    }
  }
  return undefined;
}

const DATE_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[property="og:article:published_time"]',
  '[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publication_date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="parsely-pub-date"]',
];

/** The publication date the page states, first from meta tags, then JSON-LD, then `<time datetime>`. */
function pageDate(document: Doc): string | undefined {
  const candidates = [metaContent(document, DATE_SELECTORS), jsonLdDate(document), metaContent(document, ["time[datetime]"])];
  for (const candidate of candidates) {
    const date = normaliseDate(candidate);
    if (date) return date;
  }
  return undefined;
}

function canonicalUrl(document: Doc): string | undefined {
  const href = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? metaContent(document, ['meta[property="og:url"]']);
  if (!href) return undefined;
  try {
    const url = new URL(href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function clean(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, " ").trim();
  return text ? text : undefined;
}

/**
 * Readability's scoring grows steeply with nesting depth (a 1,000-deep page takes minutes), so
 * pages deeper or larger than any real article skip it and are read whole.
 */
const READABILITY_MAX_DEPTH = 120;
const READABILITY_MAX_ELEMENTS = 30_000;

function fitsReadability(document: Doc): boolean {
  type Element = { children: ArrayLike<Element> };
  const stack: [Element, number][] = [[document.documentElement as unknown as Element, 1]];
  for (let elements = 0; stack.length; elements++) {
    const [element, depth] = stack.pop()!;
    if (depth > READABILITY_MAX_DEPTH || elements > READABILITY_MAX_ELEMENTS) return false;
    const children = element.children;
    for (let i = 0; i < children.length; i++) stack.push([children[i]!, depth + 1]);
  }
  return true;
}

/** Article text via Readability; when it finds no article, the whole body's text of `document`. */
function articleOf(html: string, document: Doc): { text: string; title?: string; byline?: string; siteName?: string } {
  let article: ReturnType<Readability["parse"]> = null;
  if (fitsReadability(document)) {
    // Readability rewrites the DOM it reads, so it gets its own copy.
    article = new Readability(parseHtmlDocument(html) as unknown as globalThis.Document).parse();
    const text = article?.content ? domToText(parseHtmlDocument(article.content).body as unknown as Node) : "";
    if (text) return { text, title: clean(article?.title), byline: clean(article?.byline), siteName: clean(article?.siteName) };
  }
  return { text: domToText((document.body ?? document.documentElement) as unknown as Node), title: clean(article?.title) };
}

export function readHtml(file: string, content: Buffer, options: ReadOptions): RawRecord[] {
  if (content.length > MAX_HTML_BYTES) {
    throw new InputError(file, undefined, `HTML file is ${content.length} bytes, over the ${MAX_HTML_BYTES}-byte limit`);
  }
  const html = decodeBytes(content);
  let document: Doc;
  let article: ReturnType<typeof articleOf>;
  try {
    document = parseHtmlDocument(html);
    article = articleOf(html, document);
  } catch (error) {
    // The parsers are third-party code; whatever they throw on hostile markup is this file's fault.
    throw new InputError(file, undefined, `unreadable HTML (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!article.text.trim()) throw new InputError(file, undefined, "HTML page has no text");
  const title = article.title ?? clean(document.querySelector("title")?.textContent) ?? clean(metaContent(document, ['meta[property="og:title"]']));
  const byline = article.byline ?? clean(metaContent(document, ['meta[name="author"]', 'meta[property="article:author"]']));
  return [
    {
      text: article.text,
      date: pageDate(document) ?? options.date,
      title,
      url: canonicalUrl(document),
      source: options.source ?? byline ?? article.siteName,
    },
  ];
}

export const htmlReader: Reader = {
  name: "html",
  extensions: ["html", "htm", "xhtml"],
  sniff: (content) => /^(?:\u00ef\u00bb\u00bf)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(content.subarray(0, 1024).toString("latin1")),
  read: readHtml,
};
