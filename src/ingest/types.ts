import { createHash } from "node:crypto";
import type { Document } from "../model/index.js";

/** One record as a reader finds it, before it becomes a Document. */
export interface RawRecord {
  text: string;
  date?: string;
  id?: string;
  title?: string;
  url?: string;
  source?: string;
  /** 1-based line where the record starts, to name the place of a bad record. */
  line?: number;
}

/** Bad input: always names the file and, where known, the line (1-based) or other place. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly place: string | undefined,
    readonly reason: string,
  ) {
    super(`${file}${place ? `:${place}` : ""}: ${reason}`);
    this.name = "InputError";
  }
}

export interface ReadOptions {
  /** Date for formats that carry none (plain text), ISO YYYY-MM-DD. */
  date?: string;
  source?: string;
}

/** A reader turns one file's bytes into records; it throws InputError on bad input. */
export interface Reader {
  name: string;
  /** Lower-case file extensions (without dot) this reader claims. */
  extensions: string[];
  /** Whether `content` is in this reader's format: chooses among readers sharing an extension, and for unknown ones. */
  sniff?(content: Buffer): boolean;
  read(file: string, content: Buffer, options: ReadOptions): RawRecord[] | Promise<RawRecord[]>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD naming a real day: Date.parse takes "2023-02-30" as 2 March, which the analysis then refuses. */
export function isCalendarDate(iso: string): boolean {
  if (!ISO_DATE.test(iso)) return false;
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Validates a record and gives it its identity (content hash; id defaults to a hash prefix). */
export function toDocument(record: RawRecord, file: string, place?: string): Document {
  // PostgreSQL text cannot hold U+0000: caught here, with the record's place, before anything is stored.
  for (const field of ["text", "id", "title", "url", "source"] as const) {
    if (record[field]?.includes("\u0000")) throw new InputError(file, place, `field "${field}" contains a NUL character (U+0000)`);
  }
  const text = record.text.replace(/\r\n?/g, "\n").trim();
  if (!text) throw new InputError(file, place, "record has no text");
  if (!record.date || !isCalendarDate(record.date)) {
    throw new InputError(file, place, `missing or invalid date ${JSON.stringify(record.date ?? null)} (expected YYYY-MM-DD)`);
  }
  const hash = sha256(text);
  return {
    id: record.id ?? `doc-${hash.slice(0, 16)}`,
    date: record.date,
    title: record.title,
    source: record.source,
    url: record.url,
    text,
    sha256: hash,
  };
}
