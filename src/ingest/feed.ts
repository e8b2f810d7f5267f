import { parseFeed, type AnyFeed } from "feedsmith";
import { decodeBytes, htmlToText, normaliseDate } from "./markup.js";
import { InputError, sha256, type RawRecord, type ReadOptions, type Reader } from "./types.js";

/** Larger feeds are refused: real feeds are a few hundred kB. */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;

/** A feed item as a record, with the key that identifies it across fetches (guid, id or link). */
export interface FeedItem extends RawRecord {
  key: string;
}

/** What one item offers, whatever the feed format. */
interface ItemFields {
  id?: string;
  title?: string;
  link?: string;
  dates: (string | undefined)[];
  /** HTML bodies, best first. */
  html: (string | undefined)[];
  /** Plain-text bodies, used when no HTML body has text. */
  plain: (string | undefined)[];
}

function itemsOf(parsed: AnyFeed): { feedTitle?: string; items: ItemFields[] } {
  switch (parsed.format) {
    case "rss":
    case "rdf": {
      const feed = parsed.feed;
      return {
        feedTitle: feed.title,
        items: (feed.items ?? []).map((item) => ({
          id: "guid" in item ? item.guid?.value : undefined,
          title: item.title,
          link: item.link,
          dates: ["pubDate" in item ? item.pubDate : undefined, ...(item.dc?.dates ?? []), item.atom?.published, item.atom?.updated],
          html: [item.content?.encoded, item.description],
          plain: [],
        })),
      };
    }
    case "atom": {
      const feed = parsed.feed;
      return {
        feedTitle: feed.title?.value,
        items: (feed.entries ?? []).map((entry) => {
          const link = entry.links?.find((l) => !l.rel || l.rel === "alternate")?.href ?? entry.links?.[0]?.href;
          const isHtml = (type?: string) => type === "html" || type === "xhtml" || (type?.includes("html") ?? false);
          const texts = [entry.content, entry.summary];
          return {
            id: entry.id,
            title: entry.title?.value,
            link,
            dates: [entry.published, entry.updated, ...(entry.dc?.dates ?? [])],
            html: texts.map((t) => (t && isHtml(t.type) ? t.value : undefined)),
            plain: texts.map((t) => (t && !isHtml(t.type) ? t.value : undefined)),
          };
        }),
      };
    }
    case "json": {
      const feed = parsed.feed;
      return {
        feedTitle: feed.title,
        items: (feed.items ?? []).map((item) => ({
          id: item.id,
          title: item.title,
          link: item.url ?? item.external_url,
          dates: [item.date_published, item.date_modified],
          html: [item.content_html],
          plain: [item.content_text, item.summary],
        })),
      };
    }
  }
}

function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function firstText(fields: ItemFields): string {
  for (const html of fields.html) {
    const text = typeof html === "string" ? htmlToText(html) : "";
    if (text) return text;
  }
  for (const plain of fields.plain) {
    const text = typeof plain === "string" ? plain.trim() : "";
    if (text) return text;
  }
  return "";
}

/**
 * Parses an RSS, RDF, Atom or JSON feed into items. Item bodies are HTML stripped to text (parsed,
 * never rendered); dates become YYYY-MM-DD, else `options.date` (an item with neither is an error).
 * Items without any text are skipped.
 */
export function parseFeedItems(file: string, content: Buffer, options: ReadOptions): FeedItem[] {
  if (content.length > MAX_FEED_BYTES) {
    throw new InputError(file, undefined, `feed is ${content.length} bytes, over the ${MAX_FEED_BYTES}-byte limit`);
  }
  let feed: ReturnType<typeof itemsOf>;
  const source = decodeBytes(content).replace(/^\uFEFF/, "");
  try {
    feed = itemsOf(parseFeed(source));
  } catch (error) {
    // feedsmith and its XML parser are third-party code: anything they throw means an unreadable feed.
    // A .json file of records (an array, or one object a line) is a common mistake: say where they go.
    const records = /^\s*[[{]/.test(source) ? "; records with date and text go one JSON object a line in a .jsonl file" : "";
    throw new InputError(file, undefined, `not a readable RSS, Atom or JSON feed (${error instanceof Error ? error.message : String(error)})${records}`);
  }
  const items: FeedItem[] = [];
  feed.items.forEach((fields, index) => {
    const text = firstText(fields);
    if (!text) return;
    const title = typeof fields.title === "string" ? htmlToText(fields.title) || undefined : undefined;
    const url = httpUrl(typeof fields.link === "string" ? fields.link : undefined);
    const date = fields.dates.map((d) => (typeof d === "string" ? normaliseDate(d) : undefined)).find(Boolean);
    if (!date && !options.date) throw new InputError(file, `item ${index + 1}`, "item has no readable date (pass --date)");
    const id = typeof fields.id === "string" && fields.id.trim() ? fields.id.trim() : undefined;
    items.push({
      key: id ?? url ?? `sha256:${sha256(text)}`,
      text,
      title,
      url,
      date: date ?? options.date,
      source: options.source ?? (typeof feed.feedTitle === "string" ? feed.feedTitle.trim() || undefined : undefined),
    });
  });
  return items;
}

const FEED_START = /^(?:\u00ef\u00bb\u00bf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]/;

export const feedReader: Reader = {
  name: "feed",
  extensions: ["rss", "atom", "rdf", "xml", "json"],
  sniff: (content) => {
    const head = content.subarray(0, 2048).toString("latin1");
    return FEED_START.test(head) || /^\s*\{[\s\S]*"version"\s*:\s*"https?:\/\/jsonfeed\.org/.test(head);
  },
  read(file, content, options) {
    const items = parseFeedItems(file, content, options);
    if (items.length === 0) throw new InputError(file, undefined, "feed has no items with text");
    return items.map(({ key: _key, ...record }) => record);
  },
};
